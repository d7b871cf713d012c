import { normaliseUtterance, recogniseCommand } from '../../core/commands/commands';

describe('recognising commands', () => {
  it.each([
    ['hjälp', 'help'],
    ['Hjälp!', 'help'],
    ['help', 'help'],
    ['?', 'help'],
    ['Vad kan du göra?', 'help'],
    ['<at>Kompetensdialog</at> hjälp', 'help'],
    ['Förbered mitt samtal', 'prepare'],
    ['prepare my dialogue', 'prepare'],
    ['min plan', 'myPlan'],
    ['MITT TEAM', 'myTeam'],
    ['påminnelser', 'reminders'],
    ['avbryt', 'cancel'],
    ['cancel', 'cancel'],
  ])('"%s" means %s', (text, command) => {
    expect(recogniseCommand(text)).toBe(command);
  });

  it.each([['jag vill inte ha någon plan'], ['hjälp mig att sluta'], [''], ['   '], ['blorpf']])(
    '"%s" is not a command — whole phrases only',
    (text) => {
      expect(recogniseCommand(text)).toBeUndefined();
    },
  );

  it('normalises case, punctuation, whitespace and mention markup', () => {
    expect(normaliseUtterance('  <at>Bot</at>  Min   PLAN?! ')).toBe('min plan');
  });
});

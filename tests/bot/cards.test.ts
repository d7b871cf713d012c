import { CONTEXT, draftsOfAWalk } from './preparationCards';
import { preparationSummaryCard } from '../../bot/cards/preparation/preparationSummaryCard';
import { COMMAND_MENU, AVAILABLE_SUGGESTIONS } from '../../bot/teams/commandAnswers';
import { helpCard } from '../../bot/cards/helpCard';
import { notUnderstoodCard } from '../../bot/cards/notUnderstoodCard';
import { notYetAvailableCard } from '../../bot/cards/notYetAvailableCard';
import { welcomeCard, type ConversationScope } from '../../bot/cards/welcomeCard';
import { CardActionSchema } from '../../bot/cards/cardActions';
import { SUPPORTED_LANGUAGES } from '../../core/i18n/i18n';
import { adaptiveCardProblems, cardTexts } from '../support/adaptiveCards';
import { INJECTION, preparationCards } from './preparationCards';

const scopes: ConversationScope[] = ['personal', 'team', 'groupChat'];

const everyCard = SUPPORTED_LANGUAGES.flatMap((language) => [
  ...scopes.map(
    (scope) =>
      [
        `welcome ${scope} ${language}`,
        welcomeCard({
          language,
          scope,
          name: 'Anna Andersson',
          myPlanUrl: 'https://teams.microsoft.com/l/entity/x/y',
        }),
      ] as const,
  ),
  [`welcome without a name ${language}`, welcomeCard({ language, scope: 'personal' })] as const,
  ...scopes.map(
    (scope) =>
      [`help ${scope} ${language}`, helpCard({ language, scope, commands: COMMAND_MENU })] as const,
  ),
  [
    `not understood ${language}`,
    notUnderstoodCard({ language, suggestions: AVAILABLE_SUGGESTIONS }),
  ] as const,
  [`not yet available ${language}`, notYetAvailableCard({ language, command: 'myTeam' })] as const,
  ...preparationCards(language),
]);

describe('cards', () => {
  it.each(everyCard)(
    'the %s card is a valid Adaptive Card 1.5 with no validation events',
    (_name, card) => {
      expect(adaptiveCardProblems(card)).toEqual([]);
    },
  );

  it.each(everyCard)('the %s card shows no untranslated key or placeholder', (_name, card) => {
    for (const text of cardTexts(card)) {
      expect(text).not.toMatch(/\{\{|\}\}|^[a-z]+(\.[a-zA-Z]+)+$/);
    }
  });

  it.each([
    ['sv', 'Bokat · tisdag 8 december 2026 kl. 09:30'],
    ['en', 'Booked · Tuesday 8 December 2026 at 09:30'],
  ] as const)('"min plan" in %s shows the booked dialogue in Stockholm time', (language, text) => {
    const myPlan = preparationCards(language).find(([name]) => name.startsWith('my plan, full'));
    expect(cardTexts(myPlan?.[1])).toContain(text);
  });

  it('the validator catches a card Teams could not render, so the checks above can fail', () => {
    const broken = { type: 'AdaptiveCard', version: '1.6', body: [{ type: 'Bogus' }] };
    expect(adaptiveCardProblems(broken)).toHaveLength(2);
  });

  it('every button of every card sends a payload the card-action router accepts', () => {
    const payloads: unknown[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (record.type === 'Action.Execute' || record.type === 'Action.Submit')
          payloads.push(record.data);
        Object.values(record).forEach(visit);
      }
    };
    everyCard.forEach(([, card]) => visit(JSON.parse(JSON.stringify(card))));
    expect(payloads.length).toBeGreaterThan(0);
    for (const payload of payloads) expect(CardActionSchema.safeParse(payload).success).toBe(true);
  });

  it('a help card lists every command, marking what is not built yet', () => {
    const texts = cardTexts(
      helpCard({ language: 'sv', scope: 'personal', commands: COMMAND_MENU }),
    ).join('\n');
    expect(texts).toContain('**hjälp** · Finns nu');
    expect(texts).toContain('**påminnelser** · Finns nu');
    const soon = cardTexts(
      helpCard({
        language: 'sv',
        scope: 'personal',
        commands: [{ id: 'myTeam', available: false }],
      }),
    );
    expect(soon).toContain('**mitt team** · Kommer snart');
  });
});

describe('text people write, in cards', () => {
  it.each(preparationCards('sv'))(
    'the %s card shows it only as plain text, never as markdown a TextBlock would render',
    (_name, card) => {
      const json = JSON.parse(JSON.stringify(card)) as unknown;
      const markdownTexts: string[] = [];
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(visit);
        else if (node && typeof node === 'object') {
          const record = node as Record<string, unknown>;
          if (record.type === 'TextBlock' || (record.title && record.value !== undefined)) {
            markdownTexts.push(String(record.text ?? record.title));
          }
          Object.values(record).forEach(visit);
        }
      };
      visit(json);
      for (const text of markdownTexts) expect(text).not.toContain(INJECTION);
    },
  );

  it('a unit goal offered as a choice has its markdown escaped, since hosts may render choice titles as markdown', () => {
    const step2 = preparationCards('sv').find(([name]) => name === 'step world-and-goals sv')?.[1];
    expect(cardTexts(step2)).toContain(
      '\\*\\*fet\\*\\* \\[klicka\\](https://evil.example) \\<b\\>x\\</b\\>',
    );
  });
});

describe('the summary card', () => {
  it.each(['sv', 'en'] as const)(
    'names every share toggle after its own answer (%s), so a screen reader can tell them apart',
    (language) => {
      const atSummary = draftsOfAWalk().at(-1);
      if (!atSummary) throw new Error('the walk made no drafts');
      const card = JSON.parse(
        JSON.stringify(
          preparationSummaryCard({
            language,
            context: CONTEXT,
            draft: atSummary,
            managerName: 'Karin',
          }),
        ),
      ) as unknown;
      const toggles: string[] = [];
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(visit);
        else if (node && typeof node === 'object') {
          const record = node as Record<string, unknown>;
          if (record.type === 'Input.Toggle') toggles.push(String(record.title));
          Object.values(record).forEach(visit);
        }
      };
      visit(card);
      expect(toggles.length).toBeGreaterThan(4);
      expect(new Set(toggles).size).toBe(toggles.length);
    },
  );
});

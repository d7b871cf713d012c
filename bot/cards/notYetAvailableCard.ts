import { TextBlock } from '@microsoft/teams.cards';
import type { AdaptiveCard } from '@microsoft/teams.cards';
import type { CommandId } from '../../core/commands/commands';
import { translator, type Language } from '../../core/i18n/i18n';
import { adaptiveCard } from './adaptiveCard';
import { cardButton } from './cardActions';

export interface NotYetAvailableCardData {
  language: Language;
  command: CommandId;
}

/** A recognised command whose feature is still being built: say so, and offer help. */
export function notYetAvailableCard(data: NotYetAvailableCardData): AdaptiveCard {
  const t = translator(data.language);
  return adaptiveCard(
    [
      new TextBlock(t('notYetAvailable.title', { command: t(`commands.${data.command}.title`) }), {
        style: 'heading',
        size: 'Medium',
        wrap: true,
      }),
      new TextBlock(t('notYetAvailable.body'), { wrap: true }),
    ],
    [cardButton(t('actions.showHelp'), { verb: 'runCommand', command: 'help' })],
  );
}

import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../core/i18n/i18n';
import { adaptiveCard } from './adaptiveCard';
import { cardButton } from './cardActions';

export interface NotYoursCardData {
  language: Language;
  /** Where the clicker can go instead: the start of the area the card belonged to. */
  backTo?: 'myTeam' | 'teamPlan';
}

/**
 * A button clicked by someone the card was not meant for — another manager, a colleague, a
 * forged payload, or someone whose place in the organisation changed: polite, nothing done,
 * and nothing said of whom or what the card was about.
 */
export function notYoursCard(data: NotYoursCardData): AdaptiveCard {
  const t = translator(data.language);
  return adaptiveCard(
    [
      new TextBlock(t('notYours.title'), { style: 'heading', size: 'Large', wrap: true }),
      new TextBlock(t('notYours.body'), { wrap: true }),
    ],
    [
      ...(data.backTo
        ? [
            cardButton(t(`commands.${data.backTo}.title`), {
              verb: 'runCommand',
              command: data.backTo,
            }),
          ]
        : []),
      cardButton(t('actions.showHelp'), { verb: 'runCommand', command: 'help' }),
    ],
  );
}

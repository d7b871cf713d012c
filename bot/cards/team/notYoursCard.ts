import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';

export interface NotYoursCardData {
  language: Language;
}

/**
 * A team button clicked by someone who is not (or no longer) the employee's manager: polite,
 * and it says nothing of whom or what the card was about.
 */
export function notYoursCard(data: NotYoursCardData): AdaptiveCard {
  const t = translator(data.language);
  return adaptiveCard(
    [
      new TextBlock(t('team.notYours.title'), { style: 'heading', size: 'Large', wrap: true }),
      new TextBlock(t('team.notYours.body'), { wrap: true }),
    ],
    [
      cardButton(t('team.actions.myTeam'), { verb: 'runCommand', command: 'myTeam' }),
      cardButton(t('actions.showHelp'), { verb: 'runCommand', command: 'help' }),
    ],
  );
}

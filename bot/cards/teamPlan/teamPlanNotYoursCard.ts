import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';

export interface TeamPlanNotYoursCardData {
  language: Language;
}

/**
 * A team plan button clicked by someone it was not meant for (another unit's manager, or
 * someone who manages no one): nothing changed, and nothing of that plan is shown.
 */
export function teamPlanNotYoursCard(data: TeamPlanNotYoursCardData): AdaptiveCard {
  const t = translator(data.language);
  return adaptiveCard(
    [
      new TextBlock(t('teamPlan.notYours.title'), { style: 'heading', size: 'Large', wrap: true }),
      new TextBlock(t('teamPlan.notYours.body'), { wrap: true }),
    ],
    [
      cardButton(t('teamPlan.actions.showPlan'), { verb: 'runCommand', command: 'teamPlan' }),
      cardButton(t('actions.showHelp'), { verb: 'runCommand', command: 'help' }),
    ],
  );
}

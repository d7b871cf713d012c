import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';

export interface TeamPlanNoUnitCardData {
  language: Language;
}

/** A manager the directory places in no unit: the team plan is kept per unit, so say why not. */
export function teamPlanNoUnitCard(data: TeamPlanNoUnitCardData): AdaptiveCard {
  const t = translator(data.language);
  return adaptiveCard(
    [
      new TextBlock(t('teamPlan.noUnit.title'), { style: 'heading', size: 'Large', wrap: true }),
      new TextBlock(t('teamPlan.noUnit.body'), { wrap: true }),
    ],
    [
      cardButton(t('teamPlan.actions.myTeam'), { verb: 'runCommand', command: 'myTeam' }),
      cardButton(t('actions.showHelp'), { verb: 'runCommand', command: 'help' }),
    ],
  );
}

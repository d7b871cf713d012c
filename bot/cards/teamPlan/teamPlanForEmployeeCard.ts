import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';

export interface TeamPlanForEmployeeCardData {
  language: Language;
}

/**
 * "teamets plan" from someone with no direct reports: the manager writes it and the team
 * sees it on the channel tab; here, the person's own plan is one click away.
 */
export function teamPlanForEmployeeCard(data: TeamPlanForEmployeeCardData): AdaptiveCard {
  const t = translator(data.language);
  return adaptiveCard(
    [
      new TextBlock(t('teamPlan.employee.title'), { style: 'heading', size: 'Large', wrap: true }),
      new TextBlock(t('teamPlan.employee.body'), { wrap: true }),
      new TextBlock(t('teamPlan.employee.next'), { wrap: true }),
    ],
    [
      cardButton(t('teamPlan.actions.myPlan'), { verb: 'runCommand', command: 'myPlan' }),
      cardButton(t('actions.prepare'), { verb: 'runCommand', command: 'prepare' }),
      cardButton(t('actions.showHelp'), { verb: 'runCommand', command: 'help' }),
    ],
  );
}

import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator } from '../../../core/i18n/i18n';
import type { DeliveryResult } from '../../../core/ports/messenger';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { userTextBlock } from '../userText';
import { helpButton, historyButton, type EmployeeCardData } from './planCardData';
import { heading } from './planText';

export interface PlanChangesSentCardData extends EmployeeCardData {
  /** What became of the notice to the manager; 'no-manager' when none is registered. */
  delivery: DeliveryResult['status'] | 'no-manager';
}

/** The employee's answer to "ask for changes": the comment is saved, and whether it arrived. */
export function planChangesSentCard(data: PlanChangesSentCardData): AdaptiveCard {
  const t = translator(data.language);
  const { plan } = data;
  const key = {
    delivered: 'delivered',
    'not-installed': 'notInstalled',
    unreachable: 'unreachable',
    queued: 'queued',
    'no-manager': 'noManager',
  }[data.delivery];
  return adaptiveCard(
    [
      heading(t('plan.changesSent.title')),
      ...(plan.changeRequest
        ? [userTextBlock(plan.changeRequest.comment, { isSubtle: true })]
        : []),
      new TextBlock(t(`plan.changesSent.${key}`, { manager: data.managerName }), { wrap: true }),
    ],
    [
      cardButton(
        t('plan.actions.showPlan'),
        { verb: 'plan.show', planId: plan.id },
        { sendsInputs: false },
      ),
      historyButton(t, plan.id),
      helpButton(t),
    ],
  );
}

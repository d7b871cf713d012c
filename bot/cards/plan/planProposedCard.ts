import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator } from '../../../core/i18n/i18n';
import type { IndividualPlan } from '../../../core/plan/individualPlan';
import type { DeliveryResult } from '../../../core/ports/messenger';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { helpButton, myTeamButton, openButton, planAt, type ManagerCardData } from './planCardData';
import { heading, planTitle } from './planText';

export interface PlanProposedCardData extends ManagerCardData {
  plan: IndividualPlan;
  /** What became of the proposal card sent to the employee. */
  delivery: DeliveryResult['status'];
}

/**
 * The manager's answer to "send the proposal": it is saved either way; whether it reached
 * the employee is said as it is, with a way to send it again when it did not.
 */
export function planProposedCard(data: PlanProposedCardData): AdaptiveCard {
  const { language, profile, employeeName: name } = data;
  const t = translator(language);
  const delivered = data.delivery === 'delivered';
  return adaptiveCard(
    [
      planTitle(t, profile, language, data.year, name),
      heading(t('plan.proposed.title', { name })),
      new TextBlock(t(`plan.proposed.${deliveryKey(data.delivery)}`, { name }), {
        wrap: true,
        ...(delivered ? {} : { color: 'Warning' as const }),
      }),
    ],
    [
      ...(delivered
        ? []
        : [
            cardButton(
              t('plan.actions.resend'),
              { verb: 'plan.resend', ...planAt(data) },
              { sendsInputs: false },
            ),
          ]),
      openButton(t('plan.actions.showPlan'), data, 'review'),
      myTeamButton(t),
      helpButton(t),
    ],
  );
}

function deliveryKey(delivery: DeliveryResult['status']) {
  return delivery === 'not-installed' ? 'notInstalled' : delivery;
}

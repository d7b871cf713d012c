import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { IndividualPlan } from '../../../core/plan/individualPlan';
import type { OrganisationProfile } from '../../../core/profiles/profileSchema';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { userTextBlock } from '../userText';
import { helpButton } from './planCardData';
import { heading, planTitle } from './planText';

export interface PlanChangesRequestedCardData {
  language: Language;
  profile: OrganisationProfile;
  plan: IndividualPlan;
  employeeName: string;
}

/**
 * Told to the manager in their chat when the employee asks for changes: the comment, and
 * the way back into the plan to revise it.
 */
export function planChangesRequestedCard(data: PlanChangesRequestedCardData): AdaptiveCard {
  const { language, profile, plan, employeeName: name } = data;
  const t = translator(language);
  return adaptiveCard(
    [
      planTitle(t, profile, language, plan.year, name),
      heading(t('plan.notice.changesTitle', { name })),
      new TextBlock(t('plan.notice.changesBody', { name }), { wrap: true }),
      userTextBlock(plan.changeRequest?.comment ?? ''),
    ],
    [
      cardButton(
        t('plan.actions.revise'),
        { verb: 'plan.open', employeeId: plan.employeeId, planId: plan.id, view: 'review' },
        { style: 'positive', sendsInputs: false },
      ),
      helpButton(t),
    ],
  );
}

export function planChangesRequestedFallbackText(data: PlanChangesRequestedCardData): string {
  return translator(data.language)('plan.notice.changesTitle', { name: data.employeeName });
}

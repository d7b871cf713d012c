import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator } from '../../../core/i18n/i18n';
import type { IndividualPlan } from '../../../core/plan/individualPlan';
import type { OrganisationProfile } from '../../../core/profiles/profileSchema';
import type { Language } from '../../../core/i18n/i18n';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { helpButton } from './planCardData';
import { dayInWords, heading, planTitle } from './planText';

export interface PlanAgreedNoticeCardData {
  language: Language;
  profile: OrganisationProfile;
  plan: IndividualPlan;
  employeeName: string;
}

/** Told to the manager in their chat when the employee agrees to the plan. */
export function planAgreedNoticeCard(data: PlanAgreedNoticeCardData): AdaptiveCard {
  const { language, profile, plan, employeeName: name } = data;
  const t = translator(language);
  return adaptiveCard(
    [
      planTitle(t, profile, language, plan.year, name),
      heading(t('plan.notice.agreedTitle', { name })),
      new TextBlock(
        t('plan.notice.agreedBody', {
          date: plan.agreedAt ? dayInWords(profile, plan.agreedAt, language) : '',
        }),
        { wrap: true },
      ),
    ],
    [
      cardButton(
        t('plan.actions.showPlan'),
        { verb: 'plan.show', planId: plan.id },
        { sendsInputs: false },
      ),
      helpButton(t),
    ],
  );
}

export function planAgreedNoticeFallbackText(data: PlanAgreedNoticeCardData): string {
  return translator(data.language)('plan.notice.agreedTitle', { name: data.employeeName });
}

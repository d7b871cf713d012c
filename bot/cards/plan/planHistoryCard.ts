import { Container, TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { IndividualPlan, PlanStatus } from '../../../core/plan/individualPlan';
import type { OrganisationProfile } from '../../../core/profiles/profileSchema';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { userTextBlock } from '../userText';
import { helpButton } from './planCardData';
import { heading, hint, planTitle, savedAtInWords } from './planText';

/** One saved version as the history lists it. */
export interface PlanVersionRow {
  version: number;
  savedAt: Date;
  /** Who saved it, by the directory; absent for someone no longer in it. */
  savedByName?: string;
  status: PlanStatus;
  goals: number;
  activities: number;
  /** The employee's comment, on the version that asked for changes. */
  comment?: string;
}

export interface PlanHistoryCardData {
  language: Language;
  profile: OrganisationProfile;
  plan: IndividualPlan;
  employeeName: string;
  /** Newest first, as many as the card shows. */
  versions: readonly PlanVersionRow[];
  /** How many versions the plan has in all. */
  total: number;
}

/** The plan's saved versions, newest first: when, by whom, and what state it was in. */
export function planHistoryCard(data: PlanHistoryCardData): AdaptiveCard {
  const { language, profile, plan } = data;
  const t = translator(language);
  return adaptiveCard(
    [
      planTitle(t, profile, language, plan.year, data.employeeName),
      heading(t('plan.history.heading')),
      new TextBlock(t('plan.history.intro'), { wrap: true }),
      ...(data.total > data.versions.length
        ? [hint(t('plan.history.more', { shown: data.versions.length, total: data.total }))]
        : []),
      ...data.versions.map((row) =>
        new Container(
          new TextBlock(
            t('plan.history.row', { version: row.version, status: t(`plan.status.${row.status}`) }),
            { weight: 'Bolder', wrap: true },
          ),
          new TextBlock(
            t('plan.history.meta', {
              when: savedAtInWords(profile, row.savedAt, language),
              name: row.savedByName ?? t('plan.someone'),
            }),
            { wrap: true, isSubtle: true, spacing: 'None' },
          ),
          new TextBlock(
            t('plan.history.summary', { goals: row.goals, activities: row.activities }),
            { wrap: true, isSubtle: true, spacing: 'None' },
          ),
          ...(row.comment ? [userTextBlock(row.comment, { italic: true })] : []),
        ).withOptions({ separator: true, spacing: 'Medium' }),
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

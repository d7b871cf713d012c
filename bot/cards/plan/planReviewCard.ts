import { TextBlock, type AdaptiveCard, type CardElement } from '@microsoft/teams.cards';
import type { TFunction } from 'i18next';
import { translator } from '../../../core/i18n/i18n';
import type { IndividualPlan } from '../../../core/plan/individualPlan';
import type { PlanRefusal } from '../../../core/plan/planLifecycle';
import type { PrincipleGap } from '../../../core/plan/principleCheck';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import {
  helpButton,
  historyButton,
  myTeamButton,
  openButton,
  planAt,
  type ManagerCardData,
} from './planCardData';
import { planSection } from './planSection';
import {
  changeRequestBlock,
  dayInWords,
  followUpLine,
  formName,
  heading,
  inclusiveNeedsBlock,
  notice,
  planTitle,
  statusLine,
} from './planText';

export interface PlanReviewCardData extends ManagerCardData {
  plan: IndividualPlan;
  /** What still keeps the plan from being proposed (proposalProblems). */
  problems: readonly PlanRefusal[];
  /** The principles the plan does not yet meet (principleGaps). */
  gaps: readonly PrincipleGap[];
}

/**
 * The whole plan before it goes to the employee: what is missing, said plainly; what the
 * principles would add, said gently with one concrete suggestion; and the way to send it.
 */
export function planReviewCard(data: PlanReviewCardData): AdaptiveCard {
  const { language, profile, plan, employeeName: name } = data;
  const t = translator(language);
  const editable = plan.status === 'draft' || plan.status === 'changes-requested';
  const canPropose = editable && data.problems.length === 0;

  const body: CardElement[] = [
    planTitle(t, profile, language, data.year, name),
    heading(t('plan.review.heading')),
    ...(data.stale ? [notice(t('plan.stale'))] : []),
    statusLine(t, plan),
    ...stateNote(t, data),
    ...changeRequestBlock(t, profile, language, plan, name),
    ...planSection({
      language,
      profile,
      plan,
      unitGoals: data.unitGoals,
      ...(data.sharedFollowUps
        ? { sharedFollowUps: { employeeName: name, followUps: data.sharedFollowUps } }
        : {}),
    }),
    followUpLine(t, plan, language),
    ...inclusiveNeedsBlock(t, name, data.inclusiveNeeds),
    ...(editable && data.problems.length > 0 ? problemsPart(t, data.problems) : []),
    ...(editable && data.gaps.length > 0 ? gapsPart(t, data) : []),
  ];

  return adaptiveCard(body, [
    ...(canPropose
      ? [
          cardButton(
            t('plan.actions.propose', { name }),
            { verb: 'plan.propose', ...planAt(data) },
            { style: 'positive', sendsInputs: false },
          ),
        ]
      : []),
    ...(plan.status === 'proposed'
      ? [
          cardButton(
            t('plan.actions.resend'),
            { verb: 'plan.resend', ...planAt(data) },
            { sendsInputs: false },
          ),
        ]
      : []),
    openButton(t('plan.actions.editGoals'), data, 'goals'),
    openButton(t('plan.actions.editActivities'), data, 'activities'),
    historyButton(t, plan.id),
    ...(canPropose || plan.status === 'proposed' ? [] : [myTeamButton(t)]),
    helpButton(t),
  ]);
}

/** Where the plan stands with the employee: waiting for an answer, or agreed. */
function stateNote(t: TFunction, data: PlanReviewCardData): CardElement[] {
  const { plan, language, profile, employeeName: name } = data;
  if (plan.status === 'proposed') {
    return [new TextBlock(t('plan.review.waiting', { name }), { wrap: true })];
  }
  if (plan.status === 'agreed' && plan.agreedAt) {
    return [
      new TextBlock(
        t('plan.review.agreed', { name, date: dayInWords(profile, plan.agreedAt, language) }),
        { wrap: true },
      ),
    ];
  }
  if (plan.agreedAt) {
    return [
      new TextBlock(t('plan.inForce', { date: dayInWords(profile, plan.agreedAt, language) }), {
        wrap: true,
        isSubtle: true,
      }),
    ];
  }
  return [];
}

function problemsPart(t: TFunction, problems: readonly PlanRefusal[]): CardElement[] {
  return [
    new TextBlock(t('plan.review.problemsHeading'), {
      wrap: true,
      weight: 'Bolder',
      color: 'Attention',
      spacing: 'Large',
      separator: true,
    }),
    ...problems.map(
      (problem) =>
        new TextBlock(`• ${t(`plan.review.problems.${problem}`)}`, {
          wrap: true,
          color: 'Attention',
          spacing: 'Small',
        }),
    ),
  ];
}

function gapsPart(t: TFunction, data: PlanReviewCardData): CardElement[] {
  const { language, profile, plan, employeeName: name } = data;
  return [
    new TextBlock(t('plan.review.principlesHeading'), {
      wrap: true,
      weight: 'Bolder',
      spacing: 'Large',
      separator: true,
    }),
    ...data.gaps.map((gap) => {
      const text =
        gap.principle === 'activating'
          ? gap.suggestedFormOfLearningId
            ? t('plan.review.gaps.activating', {
                name,
                form: formName(profile, gap.suggestedFormOfLearningId, language).toLocaleLowerCase(
                  language,
                ),
              })
            : t('plan.review.gaps.activatingNoForm', { name })
          : t(`plan.review.gaps.${gap.principle}`, { name, year: plan.year });
      return new TextBlock(`• ${text}`, { wrap: true, spacing: 'Small' });
    }),
  ];
}

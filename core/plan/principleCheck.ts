import type { OrganisationProfile } from '../profiles/profileSchema';
import type { DialoguePreparation } from './dialogue';
import type { IndividualPlan } from './individualPlan';

/**
 * The region's principles asked of a plan before it is proposed. Inclusive is not checked:
 * it is the employee's own account of how they learn, shown beside the activities instead.
 */
export type CheckedPrinciple = 'activating' | 'motivating' | 'sustainable';

export interface PrincipleGap {
  principle: CheckedPrinciple;
  /**
   * One concrete addition: for activating, an everyday form of learning of the profile (a
   * reflection or practice in daily work) to add as an activity.
   */
  suggestedFormOfLearningId?: string;
}

/**
 * What the plan lacks, gently: activating — no activity of reflection or practice (an
 * everyday or exchange form of learning); motivating — no goal in the employee's own words;
 * sustainable — nothing that reaches beyond the plan's year (no activity due and no
 * follow-up after 31 December).
 */
export function principleGaps(plan: IndividualPlan, profile: OrganisationProfile): PrincipleGap[] {
  const kindOf = new Map(profile.formsOfLearning.map((form) => [form.id, form.kind]));
  const gaps: PrincipleGap[] = [];
  // A cancelled activity will not happen: it neither activates nor reaches beyond the year.
  const activities = plan.activities.filter((activity) => activity.status !== 'cancelled');

  const practises = activities.some((activity) => {
    const kind = kindOf.get(activity.formOfLearningId);
    return kind === 'everyday' || kind === 'exchange';
  });
  if (!practises) {
    const everyday = profile.formsOfLearning.find((form) => form.kind === 'everyday');
    gaps.push({
      principle: 'activating',
      ...(everyday ? { suggestedFormOfLearningId: everyday.id } : {}),
    });
  }

  if (!plan.goals.some((goal) => goal.ownWords !== undefined)) {
    gaps.push({ principle: 'motivating' });
  }

  const yearEnd = `${plan.year}-12-31`;
  const reachesBeyond =
    (plan.followUpDate !== undefined && plan.followUpDate > yearEnd) ||
    activities.some((activity) => activity.dueDate > yearEnd);
  if (!reachesBeyond) gaps.push({ principle: 'sustainable' });

  return gaps;
}

/** The preparation's question on the inclusive principle: how the employee learns best. */
const INCLUSIVE_QUESTION_ID = 'reflection-inclusive';

/**
 * What the employee said they need to learn well, when they shared it: shown next to the
 * activities so the plan is made to fit them. A private answer is never returned.
 */
export function sharedInclusiveNeeds(
  preparation: DialoguePreparation | undefined,
): string | undefined {
  const answer = preparation?.answers.find(
    (candidate) => candidate.questionId === INCLUSIVE_QUESTION_ID,
  );
  return answer?.visibility === 'shared-with-manager' ? answer.text : undefined;
}

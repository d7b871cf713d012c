import type { IsoDate, IsoDateTime } from '../shared/schemas';
import {
  IndividualPlanSchema,
  type Activity,
  type ActivityStatus,
  type Goal,
  type IndividualPlan,
} from './individualPlan';

/**
 * The individual plan from the manager's first draft to the employee's agreement:
 *
 *   draft ──propose──▶ proposed ──accept──▶ agreed
 *     ▲                    │
 *     └──── any edit ◀── changes-requested (with the employee's comment)
 *
 * Only the manager edits and proposes; only the employee accepts or asks for changes, and
 * reports how the activities of an agreed plan go (their status). An
 * edit to a proposed or agreed plan makes it a draft again, and the store keeps every saved
 * version, so the history stays readable. An agreed plan keeps `agreedAt` while its next
 * version is drafted: the one agreed before stays in force until a new one is agreed.
 *
 * Every function returns a new plan or a reason it cannot; none of them saves.
 */

export type PlanRefusal =
  | 'not-the-manager'
  | 'not-the-employee'
  | 'not-proposed'
  | 'not-agreed'
  | 'unknown-activity'
  | 'goal-without-activity'
  | 'no-follow-up-date'
  | 'invalid';

export type PlanResult = { ok: true; plan: IndividualPlan } | { ok: false; reason: PlanRefusal };

export interface NewPlanInput {
  id: string;
  employeeId: string;
  managerId: string;
  profileId: string;
  year: number;
  dialogueId?: string;
  goals: Goal[];
  now: IsoDateTime;
}

/** The manager's first draft: the goals, written after the dialogue. Stored at version 1. */
export function newPlanDraft(input: NewPlanInput): PlanResult {
  return checked({
    id: input.id,
    employeeId: input.employeeId,
    managerId: input.managerId,
    profileId: input.profileId,
    year: input.year,
    ...(input.dialogueId ? { dialogueId: input.dialogueId } : {}),
    status: 'draft',
    version: 1,
    goals: input.goals,
    activities: [],
    createdAt: input.now,
    updatedAt: input.now,
  });
}

/** The manager's changes, as a function of the plan they saw. */
export type PlanChange = (plan: IndividualPlan) => IndividualPlan;

export const replaceGoals =
  (goals: Goal[]): PlanChange =>
  (plan) => {
    // An activity serves a goal; when the goal goes, so does the activity.
    const goalIds = new Set(goals.map((goal) => goal.id));
    return {
      ...plan,
      goals,
      activities: plan.activities.filter((activity) => goalIds.has(activity.goalId)),
    };
  };

export const addActivity =
  (activity: Activity): PlanChange =>
  (plan) => ({ ...plan, activities: [...plan.activities, activity] });

export const removeActivity =
  (activityId: string): PlanChange =>
  (plan) => ({
    ...plan,
    activities: plan.activities.filter((activity) => activity.id !== activityId),
  });

export const setFollowUpDate =
  (followUpDate: IsoDate): PlanChange =>
  (plan) => ({ ...plan, followUpDate });

/**
 * The manager edits the plan. A proposed or agreed plan goes back to draft; a plan sent back
 * for changes stays so (with the comment visible) until it is proposed again.
 */
export function editPlan(
  plan: IndividualPlan,
  managerId: string,
  change: PlanChange,
  now: IsoDateTime,
): PlanResult {
  if (plan.managerId !== managerId) return refused('not-the-manager');
  const status = plan.status === 'changes-requested' ? 'changes-requested' : 'draft';
  return checked({ ...change(plan), status, updatedAt: now });
}

/** What still keeps a plan from being proposed, for the card to say before the click. */
export function proposalProblems(plan: IndividualPlan): PlanRefusal[] {
  const problems: PlanRefusal[] = [];
  // A cancelled activity is no longer a way to the goal.
  const goalsWithActivities = new Set(
    plan.activities
      .filter((activity) => activity.status !== 'cancelled')
      .map((activity) => activity.goalId),
  );
  if (plan.goals.some((goal) => !goalsWithActivities.has(goal.id))) {
    problems.push('goal-without-activity');
  }
  if (!plan.followUpDate) problems.push('no-follow-up-date');
  return problems;
}

/** The manager sends the plan to the employee to accept or send back. */
export function proposePlan(plan: IndividualPlan, managerId: string, now: IsoDateTime): PlanResult {
  if (plan.managerId !== managerId) return refused('not-the-manager');
  const [problem] = proposalProblems(plan);
  if (problem) return refused(problem);
  // The new proposal answers the change request; it is kept in the version history.
  const proposed: IndividualPlan = { ...plan, status: 'proposed', updatedAt: now };
  delete proposed.changeRequest;
  return checked(proposed);
}

/** The employee agrees: the plan is överenskommen, with who and when recorded. */
export function acceptPlan(plan: IndividualPlan, employeeId: string, now: IsoDateTime): PlanResult {
  if (plan.employeeId !== employeeId) return refused('not-the-employee');
  if (plan.status !== 'proposed') return refused('not-proposed');
  return checked({
    ...plan,
    status: 'agreed',
    agreedBy: employeeId,
    agreedAt: now,
    updatedAt: now,
  });
}

/** The employee sends the proposal back with a comment on what to change. */
export function requestChanges(
  plan: IndividualPlan,
  employeeId: string,
  comment: string,
  now: IsoDateTime,
): PlanResult {
  if (plan.employeeId !== employeeId) return refused('not-the-employee');
  if (plan.status !== 'proposed') return refused('not-proposed');
  return checked({
    ...plan,
    status: 'changes-requested',
    changeRequest: { comment, requestedAt: now },
    updatedAt: now,
  });
}

/**
 * The employee reports how an activity of the agreed plan goes: planned, in progress, done or
 * cancelled. The agreement stands (it is the same plan, followed up); only the status and
 * `updatedAt` change. While the manager drafts or proposes a new version the statuses wait,
 * so the two never edit the same version at once.
 */
export function changeActivityStatus(
  plan: IndividualPlan,
  employeeId: string,
  activityId: string,
  status: ActivityStatus,
  now: IsoDateTime,
): PlanResult {
  if (plan.employeeId !== employeeId) return refused('not-the-employee');
  if (!plan.activities.some((activity) => activity.id === activityId)) {
    return refused('unknown-activity');
  }
  if (plan.status !== 'agreed') return refused('not-agreed');
  return checked({
    ...plan,
    activities: plan.activities.map((activity) =>
      activity.id === activityId ? { ...activity, status } : activity,
    ),
    updatedAt: now,
  });
}

function checked(plan: IndividualPlan): PlanResult {
  const parsed = IndividualPlanSchema.safeParse(plan);
  return parsed.success ? { ok: true, plan: parsed.data } : refused('invalid');
}

function refused(reason: PlanRefusal): PlanResult {
  return { ok: false, reason };
}

import type { EffectFollowUp } from '../plan/effectFollowUp';
import type { Activity, IndividualPlan } from '../plan/individualPlan';
import type { ReminderPolicy } from '../profiles/profileSchema';
import { reminderKeyPrefix, type PlannedReminder } from './reminderJob';
import { atLocalTime, firstWorkingDayAfter, spreadTimeOfDay } from './workingCalendar';

/** A follow-up question about something two months gone is no longer worth asking. */
const FOLLOW_UP_KEPT_MS = 60 * 24 * 60 * 60 * 1000;

/**
 * The effect follow-ups of an agreed plan (effektuppföljning): for each activity still on,
 * done or not, the employee is asked on the working day after its due date, at their own
 * time of day. A plan never agreed has no follow-ups: nothing was promised yet. The queue
 * replaces the plan's jobs with these, so a moved due date moves its question and a cancelled
 * activity drops it.
 */
export function planEffectFollowUps(
  plan: IndividualPlan,
  policy: ReminderPolicy,
  now: Date,
): { keyPrefix: string; planned: PlannedReminder[] } {
  const keyPrefix = reminderKeyPrefix.followUps(plan.id);
  if (plan.agreedAt === undefined) return { keyPrefix, planned: [] };

  const timeOfDay = spreadTimeOfDay(plan.employeeId, policy);
  const planned: PlannedReminder[] = [];
  for (const activity of plan.activities) {
    if (activity.status === 'cancelled') continue;
    const dueAt = atLocalTime(firstWorkingDayAfter(activity.dueDate), timeOfDay, policy);
    if (now.getTime() - dueAt.getTime() > FOLLOW_UP_KEPT_MS) continue;
    planned.push({
      key: `${keyPrefix}${activity.id}`,
      personId: plan.employeeId,
      dueAt,
      payload: {
        kind: 'effect-follow-up',
        planId: plan.id,
        activityId: activity.id,
        dueDate: activity.dueDate,
      },
    });
  }
  return { keyPrefix, planned };
}

/**
 * The activities whose due date has passed (before `today`, the organisation's local date)
 * and whose follow-up the employee has not answered: what "mitt team" shows as open.
 * Cancelled activities are never followed up.
 */
export function unansweredFollowUps(
  plan: IndividualPlan,
  answers: readonly EffectFollowUp[],
  today: string,
): Activity[] {
  const answered = new Set(
    answers.filter((answer) => answer.planId === plan.id).map((answer) => answer.activityId),
  );
  return plan.activities.filter(
    (activity) =>
      activity.status !== 'cancelled' && activity.dueDate < today && !answered.has(activity.id),
  );
}

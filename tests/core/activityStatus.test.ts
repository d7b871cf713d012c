import type { IndividualPlan } from '../../core';
import { changeActivityStatus, type PlanResult } from '../../core/plan/planLifecycle';
import { activity, agreedPlan, draftPlan, EMPLOYEE, MANAGER } from './planBuilders';

const NOW = '2026-04-02T16:45:00+02:00';

const reasonOf = (result: PlanResult) => (result.ok ? 'ok' : result.reason);

/** The plan of a result that must have succeeded; the refusal otherwise, to read in the failure. */
function planOf(result: PlanResult): IndividualPlan {
  if (!result.ok) throw new Error(`expected a plan, was refused: ${result.reason}`);
  return result.plan;
}

describe('the employee following up the activities of the agreed plan', () => {
  const plan = agreedPlan({ activities: [activity(1), activity(2, { status: 'in-progress' })] });

  it.each(['planned', 'in-progress', 'done', 'cancelled'] as const)(
    'when the employee marks an activity %s, then only its status and updatedAt change',
    (status) => {
      const changed = planOf(changeActivityStatus(plan, EMPLOYEE, 'activity-1', status, NOW));

      expect(changed).toEqual({
        ...plan,
        activities: [{ ...activity(1), status }, plan.activities[1]],
        updatedAt: NOW,
      });
    },
  );

  it('when the status changes, then the plan stays agreed, by the same person at the same time', () => {
    const changed = planOf(changeActivityStatus(plan, EMPLOYEE, 'activity-2', 'done', NOW));

    expect(changed).toMatchObject({
      status: 'agreed',
      agreedBy: plan.agreedBy,
      agreedAt: plan.agreedAt,
      version: plan.version,
    });
  });

  it.each([
    ['the manager', plan, MANAGER, 'activity-1', 'not-the-employee'],
    ['someone else', plan, 'employee-erik', 'activity-1', 'not-the-employee'],
    [
      'the employee, on an activity not in the plan',
      plan,
      EMPLOYEE,
      'activity-9',
      'unknown-activity',
    ],
    ['the employee, on a draft', draftPlan(), EMPLOYEE, 'activity-1', 'not-agreed'],
    [
      'the employee, while a new version is proposed',
      { ...plan, status: 'proposed' as const },
      EMPLOYEE,
      'activity-1',
      'not-agreed',
    ],
  ])(
    'when the change comes from %s, then it is refused',
    (_who, given, actor, activityId, reason) => {
      expect(reasonOf(changeActivityStatus(given, actor, activityId, 'done', NOW))).toBe(reason);
    },
  );

  it('when a change is refused or made, then the plan given is left as it was', () => {
    const copy = structuredClone(plan);

    changeActivityStatus(plan, EMPLOYEE, 'activity-1', 'done', NOW);
    changeActivityStatus(plan, MANAGER, 'activity-1', 'done', NOW);

    expect(plan).toEqual(copy);
  });
});

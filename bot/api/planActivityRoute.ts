import type { RequestHandler } from 'express';
import { z } from 'zod';
import { changeActivityStatus } from '../../core/plan/planLifecycle';
import { EntityIdSchema } from '../../core/shared/schemas';
import { ActivityStatusChangeSchema, type PlanResponse } from './contract';
import { callerOf } from './identity';
import { ownPlan, refusalError, requireVersion, saveOwnPlan } from './planWrites';
import type { ApiDependencies } from './router';
import { expectNoQuery, parseInput } from './validation';

const PathSchema = z.strictObject({ planId: EntityIdSchema, activityId: EntityIdSchema });

/**
 * PATCH /plans/{planId}/activities/{activityId}: the employee reports how an activity of
 * their agreed plan goes. The same status again stores no new version.
 */
export function patchPlanActivity(deps: ApiDependencies): RequestHandler {
  const now = deps.now ?? (() => new Date());
  return async (req, res) => {
    const { planId, activityId } = parseInput(PathSchema, req.params, 'path');
    expectNoQuery(req.query);
    const change = parseInput(ActivityStatusChangeSchema, req.body, 'body');
    const { person } = callerOf(req);
    const { plan } = await ownPlan(deps, person.id, planId);
    requireVersion(plan, change.expectedVersion);

    const result = changeActivityStatus(
      plan,
      person.id,
      activityId,
      change.status,
      now().toISOString(),
    );
    if (!result.ok) throw refusalError(result.reason);
    const unchanged = plan.activities.some(
      (activity) => activity.id === activityId && activity.status === change.status,
    );
    const stored = unchanged ? plan : await saveOwnPlan(deps, result.plan, plan.version, person.id);
    const body: PlanResponse = { plan: stored };
    res.json(body);
  };
}

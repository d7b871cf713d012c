import type { RequestHandler } from 'express';
import { z } from 'zod';
import { EntityIdSchema } from '../../core/shared/schemas';
import { roleOn } from '../plans/planContext';
import { recordAccess } from '../privacy/auditTrail';
import { notFound } from './apiErrors';
import type { PlanHistoryResponse } from './contract';
import { callerOf } from './identity';
import { planVersions } from './planPage';
import type { ApiDependencies } from './router';
import { expectNoQuery, parseInput } from './validation';

const PathSchema = z.strictObject({ planId: EntityIdSchema });

/** GET /plans/{planId}/history: the plan's versions, for its employee or their manager. */
export function getPlanHistory(deps: ApiDependencies): RequestHandler {
  return async (req, res) => {
    const { planId } = parseInput(PathSchema, req.params, 'path');
    expectNoQuery(req.query);
    const role = await roleOn(deps, callerOf(req).person.id, planId);
    if (!role) throw notFound('plan');
    const body: PlanHistoryResponse = { versions: await planVersions(deps, role.plan.id) };
    await recordAccess(deps, callerOf(req).person.id, role.employee.id, 'plan.history-viewed', {
      via: 'tab',
      planId: role.plan.id,
    });
    res.json(body);
  };
}

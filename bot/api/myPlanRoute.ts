import type { RequestHandler } from 'express';
import type { PlanPageResponse } from './contract';
import { callerOf } from './identity';
import { planPage } from './planPage';
import type { ApiDependencies } from './router';
import { expectNoQuery } from './validation';

/** GET /me/plan: the caller's own plan page, with every reflection of theirs. */
export function getMyPlan(deps: ApiDependencies): RequestHandler {
  return async (req, res) => {
    expectNoQuery(req.query);
    const body: PlanPageResponse = await planPage(deps, callerOf(req).person, 'employee');
    res.json(body);
  };
}

import express, { type RequestHandler, type Router } from 'express';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { FlowDependencies } from '../flowDependencies';
import { getDemoPeople } from './demoPeopleRoute';
import { apiRateLimit } from '../http/apiRateLimit';
import { createIdentityResolver, knownCallerOf, requireCaller } from './identity';
import { getMe } from './meRoute';
import { deleteMyData, getMyAudit, getMyData, getMyDataSummary } from './myDataRoute';
import { getMyPlan } from './myPlanRoute';
import { getMyTeam } from './myTeamRoute';
import { getOpenApiDocument } from './openApiRoute';
import { getOrganisationSummary } from './organisationRoute';
import { getPersonPlan } from './personPlanRoute';
import { patchPlanActivity } from './planActivityRoute';
import { postPlanAnswer } from './planAnswerRoute';
import { getPlanHistory } from './planHistoryRoute';
import { postReflection } from './reflectionsRoute';
import { getTeamPlanPage, putTeamPlan } from './teamPlanRoute';

/**
 * The API works with what the conversation flows work with (the plan store, the directory,
 * the messenger that tells a manager, the clock), so the tab and the chat share one truth.
 */
export interface ApiDependencies extends FlowDependencies {
  config: Config;
}

/** The largest JSON body the tab API reads; a plan edit is a few kilobytes. */
export const API_BODY_LIMIT = '64kb';

/**
 * The tab's JSON API, mounted by the service at /api/v1. Routes are thin: validate the input,
 * ask the port or use case, answer. Every error is an AppError that the service's one error
 * handler turns into `{ error: { code, message } }`.
 */
export function createApiRouter(deps: ApiDependencies): Router {
  const router = express.Router();
  // Counted per person once identity is resolved; public routes count per address.
  const rateLimited = apiRateLimit({
    perMinute: deps.config.apiRateLimitPerMinute,
    callerIdOf: (req) => knownCallerOf(req)?.person.id,
  });
  const authenticated = [requireCaller(createIdentityResolver(deps)), rateLimited];

  router.use(express.json({ limit: API_BODY_LIMIT }));
  router.use(noStore);

  router.route('/me').get(authenticated, getMe(deps)).all(methodNotAllowed('GET'));
  router.route('/me/plan').get(authenticated, getMyPlan(deps)).all(methodNotAllowed('GET'));
  router
    .route('/me/reflections')
    .post(authenticated, postReflection(deps))
    .all(methodNotAllowed('POST'));
  router
    .route('/me/data')
    .get(authenticated, getMyData(deps))
    .delete(authenticated, deleteMyData(deps))
    .all(methodNotAllowed('GET', 'DELETE'));
  router.route('/me/audit').get(authenticated, getMyAudit(deps)).all(methodNotAllowed('GET'));
  router
    .route('/me/data/summary')
    .get(authenticated, getMyDataSummary(deps))
    .all(methodNotAllowed('GET'));
  router.route('/me/team').get(authenticated, getMyTeam(deps)).all(methodNotAllowed('GET'));
  router
    .route('/people/:employeeId/plan')
    .get(authenticated, getPersonPlan(deps))
    .all(methodNotAllowed('GET'));
  router
    .route('/plans/:planId/activities/:activityId')
    .patch(authenticated, patchPlanActivity(deps))
    .all(methodNotAllowed('PATCH'));
  router
    .route('/plans/:planId/answer')
    .post(authenticated, postPlanAnswer(deps))
    .all(methodNotAllowed('POST'));
  router
    .route('/plans/:planId/history')
    .get(authenticated, getPlanHistory(deps))
    .all(methodNotAllowed('GET'));
  router
    .route('/units/:unitId/team-plan')
    .get(authenticated, getTeamPlanPage(deps))
    .put(authenticated, putTeamPlan(deps))
    .all(methodNotAllowed('GET', 'PUT'));
  router
    .route('/organisation/summary')
    .get(authenticated, getOrganisationSummary(deps))
    .all(methodNotAllowed('GET'));
  router.route('/demo/people').get(rateLimited, getDemoPeople(deps)).all(methodNotAllowed('GET'));
  router.route('/openapi.json').get(rateLimited, getOpenApiDocument).all(methodNotAllowed('GET'));

  return router;
}

/** Answers are personal: no shared cache may keep them. */
const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};

function methodNotAllowed(...allowed: string[]): RequestHandler {
  const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : [])].join(', ');
  return (req, res) => {
    res.set('Allow', allow);
    throw new AppError(
      405,
      'method_not_allowed',
      `${req.method} is not allowed here; use ${allow}.`,
    );
  };
}

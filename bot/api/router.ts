import express, { type RequestHandler, type Router } from 'express';
import type { Directory } from '../../core/ports/directory';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import { getDemoPeople } from './demoPeopleRoute';
import { createIdentityResolver, requireCaller } from './identity';
import { getMe } from './meRoute';
import { getOpenApiDocument } from './openApiRoute';

export interface ApiDependencies {
  config: Config;
  directory: Directory;
  logger: Logger;
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
  const authenticated = requireCaller(createIdentityResolver(deps));

  router.use(express.json({ limit: API_BODY_LIMIT }));
  router.use(noStore);

  router.route('/me').get(authenticated, getMe(deps)).all(methodNotAllowed('GET'));
  router.route('/demo/people').get(getDemoPeople(deps)).all(methodNotAllowed('GET'));
  router.route('/openapi.json').get(getOpenApiDocument).all(methodNotAllowed('GET'));

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

import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import type { Directory, Person } from '../../core/ports/directory';
import { EntityIdSchema } from '../../core/shared/schemas';
import type { Config } from '../config';
import { AppError } from '../errors';
import { DEFAULT_DEMO_PERSON_ID } from './demoRoster';
import { parseInput } from './validation';

/** The header the tab's demo-user switcher sets; honoured only in demo mode. */
export const DEMO_USER_HEADER = 'x-demo-user';

/** Who is calling the API, and how they proved it. */
export interface Caller {
  person: Person;
  authentication: 'demo' | 'teams-sso';
}

/**
 * THE SEAM. Turns a request into the person calling, or `undefined` when the request carries
 * no identity this resolver accepts (the API then answers 401). A malformed credential may
 * throw an AppError (400). Every authenticated route goes through exactly one resolver, chosen
 * once at start by {@link createIdentityResolver}.
 */
export type ResolveIdentity = (req: Request) => Promise<Caller | undefined>;

/** Demo identities are accepted only in the demo organisation, and never in production. */
export function acceptsDemoIdentities(config: Config): boolean {
  return config.demoOrganisation && config.environment !== 'production';
}

export function createIdentityResolver(deps: {
  config: Config;
  directory: Directory;
}): ResolveIdentity {
  return acceptsDemoIdentities(deps.config)
    ? demoIdentity(deps.directory)
    : teamsSsoIdentity(deps.directory);
}

/**
 * Teams SSO, where it will plug in (a later issue): read `Authorization: Bearer <token>` (the
 * tab gets it from `authentication.getAuthToken()`), verify it with jose against Entra's JWKS
 * (signature, issuer of the tenant, audience `api://<host>/<client id>`, expiry), then look
 * the `oid` claim up with `directory.findPerson`. Until that exists no token is accepted:
 * outside demo mode every request to an authenticated route is a 401. Nothing is faked here.
 */
export function teamsSsoIdentity(_directory: Directory): ResolveIdentity {
  return async () => undefined;
}

const DemoUserHeaderSchema = z.object({ [DEMO_USER_HEADER]: EntityIdSchema.optional() });

/**
 * Local development with the demo organisation: the caller is the demo person named by the
 * X-Demo-User header (an Entra object id), or the first demo employee without the header.
 */
export function demoIdentity(directory: Directory): ResolveIdentity {
  return async (req) => {
    const headers = parseInput(
      DemoUserHeaderSchema,
      { [DEMO_USER_HEADER]: req.get(DEMO_USER_HEADER) },
      'header',
    );
    const id = headers[DEMO_USER_HEADER] ?? DEFAULT_DEMO_PERSON_ID;
    const person = await directory.findPerson(id);
    if (!person) {
      throw unauthenticated('X-Demo-User does not name a person in the demo organisation.');
    }
    return { person, authentication: 'demo' };
  };
}

const callers = new WeakMap<Request, Caller>();

/**
 * Middleware for routes that need to know who is calling: 401 without an identity, otherwise
 * the caller is available to the route through {@link callerOf}.
 */
export function requireCaller(resolveIdentity: ResolveIdentity): RequestHandler {
  return async (req, res, next) => {
    try {
      const caller = await resolveIdentity(req);
      if (!caller) throw unauthenticated('Sign in through Microsoft Teams to use this API.');
      callers.set(req, caller);
      next();
    } catch (error) {
      if (error instanceof AppError && error.status === 401) {
        res.set('WWW-Authenticate', 'Bearer');
      }
      throw error;
    }
  };
}

/** The caller {@link requireCaller} found; a route without that middleware is a bug. */
export function callerOf(req: Request): Caller {
  const caller = callers.get(req);
  if (!caller) throw new Error(`No caller for ${req.method} ${req.path}: requireCaller is missing`);
  return caller;
}

function unauthenticated(message: string): AppError {
  return new AppError(401, 'unauthenticated', message);
}

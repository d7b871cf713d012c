import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import type { AppRole } from '../../core/access/authorization';
import type { Directory, Person } from '../../core/ports/directory';
import { EntityIdSchema } from '../../core/shared/schemas';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import { appRolesOf } from './appRoles';
import { DEFAULT_DEMO_PERSON_ID, demoAppRolesOf } from './demoRoster';
import {
  createTeamsTokenVerifier,
  InvalidTokenError,
  SigningKeysUnavailableError,
  type TeamsSsoUser,
  type VerifyTeamsToken,
} from './teamsSso';
import { parseInput } from './validation';

/** The header the tab's demo-user switcher sets; honoured only in demo mode. */
export const DEMO_USER_HEADER = 'x-demo-user';

/** Who is calling the API, and how they proved it. */
export interface Caller {
  person: Person;
  authentication: 'demo' | 'teams-sso';
  /** App roles from the validated token (bot/api/appRoles.ts), or the demo organisation's. */
  roles: readonly AppRole[];
}

/**
 * THE SEAM. Turns a request into the person calling, or `undefined` when the request carries
 * no identity this resolver accepts (the API then answers 401). A credential it refuses throws
 * an AppError (400 a malformed X-Demo-User, 401 a refused token, 403 a person the directory
 * does not know, 503 when a token cannot be checked now). Every authenticated route goes
 * through exactly one resolver, chosen once at start by {@link createIdentityResolver}.
 */
export type ResolveIdentity = (req: Request) => Promise<Caller | undefined>;

/** Demo identities are accepted only in the demo organisation, and never in production. */
export function acceptsDemoIdentities(config: Config): boolean {
  return config.demoOrganisation && config.environment !== 'production';
}

export function createIdentityResolver(deps: {
  config: Config;
  directory: Directory;
  logger: Logger;
}): ResolveIdentity {
  if (acceptsDemoIdentities(deps.config)) return demoIdentity(deps.directory);
  // Without bot credentials (emulator mode, never production) there is no app to check a
  // token against: nobody gets in, and nothing is faked.
  if (!deps.config.sso) return async () => undefined;
  return teamsSsoIdentity(deps.directory, createTeamsTokenVerifier(deps.config.sso), deps.logger);
}

/** `Authorization: Bearer <token>` (the scheme is case-insensitive, RFC 6750). */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * Teams SSO: the tab sends the token it got from `authentication.getAuthToken()` as
 * `Authorization: Bearer <token>`; bot/api/teamsSso.ts checks it against the tenant's Entra
 * keys (signature, issuer, audience, lifetime, tenant), and the token's `oid` must be a person
 * the directory knows. No token: undefined (401 unauthenticated). A token that fails: 401
 * invalid_token saying why. Entra's keys unreachable: 503. The token itself is never logged
 * nor echoed.
 */
export function teamsSsoIdentity(
  directory: Directory,
  verify: VerifyTeamsToken,
  logger: Logger,
): ResolveIdentity {
  return async (req) => {
    const authorization = req.get('authorization');
    if (authorization === undefined || authorization.trim() === '') return undefined;
    const token = BEARER.exec(authorization.trim())?.[1];
    if (!token) {
      throw invalidToken('Send the Teams token as "Authorization: Bearer <token>".');
    }

    let user: TeamsSsoUser;
    try {
      user = await verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        logger.info({ problem: error.problem }, 'Teams token refused');
        throw invalidToken(error.message);
      }
      if (error instanceof SigningKeysUnavailableError) {
        logger.warn({ err: error.cause }, "Entra's signing keys could not be fetched");
        throw new AppError(
          503,
          'sign_in_unavailable',
          'Sign-in cannot be checked right now because Microsoft Entra does not answer. Try again in a minute.',
        );
      }
      throw error;
    }

    const person = await directory.findPerson(user.objectId);
    if (!person) {
      logger.info('a signed-in Teams user is not in the directory');
      throw new AppError(
        403,
        'not_in_directory',
        "You are signed in, but the organisation's directory does not know you. Ask your administrator to add you.",
      );
    }
    return { person, authentication: 'teams-sso', roles: appRolesOf(user.appRoles) };
  };
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
    return { person, authentication: 'demo', roles: appRolesOf(demoAppRolesOf(person.id)) };
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
        // RFC 6750: a refused token says so; a missing one only names the scheme.
        res.set(
          'WWW-Authenticate',
          error.code === 'invalid_token' ? 'Bearer error="invalid_token"' : 'Bearer',
        );
      }
      throw error;
    }
  };
}

/** The caller {@link requireCaller} found, or undefined before it ran or on a public route. */
export function knownCallerOf(req: Request): Caller | undefined {
  return callers.get(req);
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

function invalidToken(message: string): AppError {
  return new AppError(401, 'invalid_token', message);
}

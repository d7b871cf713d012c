import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { TeamsSsoConfig } from '../config';

/**
 * Checks the token the tab gets from Teams (`authentication.getAuthToken()`): an Entra access
 * token for the tab's own app, issued to a person of the organisation's tenant. Pure token
 * logic; bot/api/identity.ts turns the outcome into a caller or an HTTP answer.
 *
 * Which token version Entra issues depends on the app registration's
 * `accessTokenAcceptedVersion`: null or 1 (the default, and what Teams SSO setups usually
 * have) gives v1.0 tokens, issued by `https://sts.windows.net/{tenant}/` for the Application
 * ID URI; 2 gives v2.0 tokens, issued by `https://login.microsoftonline.com/{tenant}/v2.0` for
 * the client id. Both are signed with the tenant's keys, so both are accepted, for exactly this
 * tenant and this app (as microsoft/teams.ts does since its PR #556).
 */

/** Entra signs access tokens with RSA and SHA-256; anything else (none, HS256) is refused. */
export const ACCEPTED_ALGORITHMS = ['RS256'];

/** Clocks drift a little between Entra, Teams and this service. */
export const CLOCK_TOLERANCE_SECONDS = 60;

/** A key set fetch that takes longer than this counts as Entra being unreachable. */
export const JWKS_TIMEOUT_MS = 5000;

/** At most one refetch of the key set in this period when a token names an unknown key. */
export const JWKS_COOLDOWN_MS = 30_000;

/** The issuers of the tenant's v2.0 and v1.0 access tokens. */
export function entraIssuers(tenantId: string): string[] {
  return [
    `https://login.microsoftonline.com/${tenantId}/v2.0`,
    `https://sts.windows.net/${tenantId}/`,
  ];
}

/** The signed-in person a valid token names. */
export interface TeamsSsoUser {
  /** The person's Entra object id (`oid`): the directory's person id. */
  objectId: string;
  tenantId: string;
  /** The values of the app roles Entra assigned the person (the `roles` claim), if any. */
  appRoles: readonly string[];
}

/** Why a token was refused. Each has a message safe to send back (see TOKEN_PROBLEMS). */
export type TokenProblem =
  | 'malformed'
  | 'algorithm'
  | 'signature'
  | 'unknown_key'
  | 'expired'
  | 'not_yet_valid'
  | 'issuer'
  | 'audience'
  | 'tenant'
  | 'not_a_person'
  | 'claims';

/** What the API says for each problem: enough to fix the setup, nothing from the token. */
export const TOKEN_PROBLEMS: Record<TokenProblem, string> = {
  malformed: 'The token is not a signed Entra access token.',
  algorithm: 'The token is not signed the way Entra signs access tokens (RS256).',
  signature: "The token's signature does not match the organisation's Entra keys.",
  unknown_key: 'The token is signed with a key Entra does not publish for this organisation.',
  expired: 'The token has expired. Open the tab again to get a new one from Teams.',
  not_yet_valid: 'The token is not valid yet. Check the clock of this device.',
  issuer: "The token was not issued by the organisation's Entra tenant.",
  audience: 'The token is meant for another app, not Kompetensdialog.',
  tenant: 'The token belongs to another organisation.',
  not_a_person: "The token is not a signed-in person's token.",
  claims: 'The token does not say who the person is.',
};

/** The token cannot be accepted; `problem` says why. Never carries the token itself. */
export class InvalidTokenError extends Error {
  constructor(readonly problem: TokenProblem) {
    super(TOKEN_PROBLEMS[problem]);
    this.name = 'InvalidTokenError';
  }
}

/** Entra's keys could not be fetched, so no token can be checked right now. */
export class SigningKeysUnavailableError extends Error {
  constructor(cause: unknown) {
    super("Entra's signing keys could not be fetched", { cause });
    this.name = 'SigningKeysUnavailableError';
  }
}

export type VerifyTeamsToken = (token: string) => Promise<TeamsSsoUser>;

export interface VerifierOptions {
  timeoutMs?: number;
  cooldownMs?: number;
}

const guid = z.guid();

/**
 * The claims that make an Entra access token a person's token for this app. A delegated
 * token has `scp` (the tab's access_as_user scope); an app-only token has none.
 */
const PersonClaimsSchema = z.object({
  tid: guid,
  oid: guid,
  scp: z.string().min(1),
  // Assigned app roles. Anything but a list of strings counts as none: failing closed keeps
  // a person out of HR's figures, never lets them in.
  roles: z.array(z.string()).optional().catch(undefined),
});

/**
 * A verifier for one tenant and app. It keeps the tenant's keys (jose refetches them after
 * ten minutes, and at once — at most every cooldown — when a token names a key it lacks, as
 * after Entra rolls its keys).
 */
export function createTeamsTokenVerifier(
  sso: TeamsSsoConfig,
  options: VerifierOptions = {},
): VerifyTeamsToken {
  const remoteKeys = createRemoteJWKSet(new URL(sso.jwksUrl), {
    timeoutDuration: options.timeoutMs ?? JWKS_TIMEOUT_MS,
    cooldownDuration: options.cooldownMs ?? JWKS_COOLDOWN_MS,
  });
  // A key the set lacks is the token's problem; failing to get the set at all is ours.
  const keys: JWTVerifyGetKey = async (header, token) => {
    try {
      return await remoteKeys(header, token);
    } catch (error) {
      if (
        error instanceof errors.JWKSNoMatchingKey ||
        error instanceof errors.JWKSMultipleMatchingKeys
      ) {
        throw error;
      }
      throw new SigningKeysUnavailableError(error);
    }
  };
  const issuers = entraIssuers(sso.tenantId);
  const audiences = [sso.applicationIdUri, sso.clientId];

  return async (token) => {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ACCEPTED_ALGORITHMS,
        issuer: issuers,
        audience: audiences,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'nbf'],
      }));
    } catch (error) {
      // jose reports every flaw of a token as a JOSEError; anything else is a bug of ours.
      if (!(error instanceof errors.JOSEError)) throw error;
      throw new InvalidTokenError(problemOf(error));
    }
    const claims = PersonClaimsSchema.safeParse(payload);
    if (!claims.success) {
      const missingScope = claims.error.issues.some((issue) => issue.path[0] === 'scp');
      throw new InvalidTokenError(missingScope ? 'not_a_person' : 'claims');
    }
    if (claims.data.tid.toLowerCase() !== sso.tenantId) {
      throw new InvalidTokenError('tenant');
    }
    return {
      objectId: claims.data.oid,
      tenantId: claims.data.tid,
      appRoles: claims.data.roles ?? [],
    };
  };
}

/** Maps what jose found wrong to a problem; any other flaw counts as malformed. */
function problemOf(error: errors.JOSEError): TokenProblem {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'iss':
        return 'issuer';
      case 'aud':
        return 'audience';
      case 'nbf':
        return error.reason === 'check_failed' ? 'not_yet_valid' : 'claims';
      default:
        return 'claims';
    }
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature';
  if (
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return 'unknown_key';
  }
  return 'malformed';
}

import { decodeJwt } from 'jose';
import type { TokenProvider } from './tokenProvider';

/**
 * Which Graph application permissions the app holds, read from the `roles` claim of its own
 * app-only token. Entra puts every consented application permission there, so the app can
 * tell at start what an administrator has not granted yet, instead of failing in a turn.
 * The token is not verified here: it came straight from Entra, and Graph checks it anyway.
 */
export async function grantedGraphPermissions(tokens: TokenProvider): Promise<ReadonlySet<string>> {
  const token = await tokens.getToken();
  let roles: unknown;
  try {
    roles = decodeJwt(token)['roles'];
  } catch {
    // Not a JWT (Graph's tokens always are): treat as no permissions, and say so at start.
    return new Set();
  }
  return new Set(
    Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [],
  );
}

/** True when any of `satisfying` (the least privileged first) was granted. */
export function holdsAny(granted: ReadonlySet<string>, satisfying: readonly string[]): boolean {
  return satisfying.some((permission) => granted.has(permission));
}

/** What each Graph feature needs, least privileged first; any one of them is enough. */
export const GRAPH_PERMISSIONS = {
  directory: ['User.Read.All', 'Directory.Read.All'],
  planStore: ['Sites.Selected', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'],
  calendar: ['Calendars.ReadWrite'],
} as const;

/** The app cannot start: an administrator must grant a Graph permission first. */
export class MissingGraphPermissionError extends Error {
  constructor(
    readonly feature: keyof typeof GRAPH_PERMISSIONS,
    readonly needed: readonly string[],
    detail: string,
  ) {
    super(detail);
    this.name = 'MissingGraphPermissionError';
  }
}

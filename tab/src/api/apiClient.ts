import { authentication } from '@microsoft/teams-js';
import { settledHost } from '../hooks/useTeamsContext';

/** What went wrong with an API call, as the API said it (or as the network failed). */
export class ApiError extends Error {
  constructor(
    /** The HTTP status; 0 when no answer came at all. */
    readonly status: number,
    /** The API's stable code, e.g. unauthenticated; "network" when no answer came. */
    readonly code: string,
    /** The API's message, safe to show; empty when it sent none. */
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiRequest {
  /** Local development: the demo person the caller acts as (X-Demo-User). Ignored in Teams. */
  demoUserId?: string | undefined;
  signal?: AbortSignal;
}

/** The service serves the tab and its API from the same origin. */
const API_BASE = '/api/v1';

/**
 * GET a JSON resource of the tab API; any failure is an ApiError. Inside Teams the request
 * carries the person's Teams token (Authorization: Bearer); in a plain browser (local
 * development with the demo organisation) the demo person instead (X-Demo-User).
 */
export function getJson<T>(path: string, request: ApiRequest = {}): Promise<T> {
  return call<T>('GET', path, undefined, request);
}

/** Sends `body` as JSON with POST, PATCH, PUT or DELETE, like getJson in everything else. */
export function sendJson<T>(
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body: unknown,
  request: ApiRequest = {},
): Promise<T> {
  return call<T>(method, path, JSON.stringify(body), request);
}

interface Answer {
  response: Response;
  body: unknown;
}

async function call<T>(
  method: string,
  path: string,
  body: string | undefined,
  request: ApiRequest,
): Promise<T> {
  const host = await settledHost();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (host.kind === 'browser' && request.demoUserId) headers['X-Demo-User'] = request.demoUserId;

  const token = host.kind === 'teams' ? await teamsToken() : undefined;
  let answer = await exchange(method, path, body, request, withToken(headers, token));

  // A refused token (expired in between, or Entra rolled its keys): one fresh token, one retry.
  if (token !== undefined && errorOf(answer).code === 'invalid_token') {
    forgetToken(token);
    const fresh = await teamsToken();
    if (fresh !== undefined && fresh !== token) {
      answer = await exchange(method, path, body, request, withToken(headers, fresh));
    }
  }
  return resultOf<T>(answer);
}

function withToken(
  headers: Record<string, string>,
  token: string | undefined,
): Record<string, string> {
  return token === undefined ? headers : { ...headers, Authorization: `Bearer ${token}` };
}

async function exchange(
  method: string,
  path: string,
  body: string | undefined,
  request: ApiRequest,
  headers: Record<string, string>,
): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', '');
  }
  const parsed: unknown = await response.json().catch(() => undefined);
  return { response, body: parsed };
}

function resultOf<T>({ response, body }: Answer): T {
  if (response.ok && (body !== undefined || response.status === 204)) return body as T;
  const { code, message } = errorOf({ response, body });
  throw new ApiError(response.status, code ?? `http_${response.status}`, message ?? '');
}

function errorOf({ response, body }: Answer): { code?: string; message?: string } {
  if (response.ok) return {};
  if (typeof body !== 'object' || body === null || !('error' in body)) return {};
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return {};
  const { code, message } = error as { code?: unknown; message?: unknown };
  return {
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof message === 'string' ? { message } : {}),
  };
}

// --- The Teams token ---------------------------------------------------------------------------

/** A token is not sent in its last minutes: the request, and clocks, need some margin. */
export const TOKEN_RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;

let cached: { token: string; renewAt: number } | undefined;
let pending: Promise<string | undefined> | undefined;

/**
 * The person's token for this app from Teams (`authentication.getAuthToken()`), kept until
 * shortly before it expires; parallel requests share one ask. When Teams cannot give one
 * (no SSO app registered, consent missing), the request goes without and the API decides.
 */
function teamsToken(): Promise<string | undefined> {
  if (cached && Date.now() < cached.renewAt) return Promise.resolve(cached.token);
  pending ??= authentication
    .getAuthToken()
    .then(
      (token) => {
        cached = { token, renewAt: renewTimeOf(token) };
        return token;
      },
      () => undefined,
    )
    .finally(() => {
      pending = undefined;
    });
  return pending;
}

function forgetToken(token: string): void {
  if (cached?.token === token) cached = undefined;
}

/** When to ask Teams again: before the token's `exp`; at once if it has none readable. */
function renewTimeOf(token: string): number {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const { exp } = JSON.parse(json) as { exp?: unknown };
    return typeof exp === 'number' ? exp * 1000 - TOKEN_RENEW_BEFORE_EXPIRY_MS : 0;
  } catch {
    return 0; // not a JWT we can read: not kept, Teams is asked each time (it keeps its own)
  }
}

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
  /** Local development: the demo person the caller acts as (X-Demo-User). */
  demoUserId?: string | undefined;
  signal?: AbortSignal;
}

/** The service serves the tab and its API from the same origin. */
const API_BASE = '/api/v1';

/** GET a JSON resource of the tab API; any failure is an ApiError. */
export async function getJson<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (request.demoUserId) headers['X-Demo-User'] = request.demoUserId;

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      headers,
      credentials: 'same-origin',
      ...(request.signal ? { signal: request.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', '');
  }

  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok && body !== undefined) return body as T;
  const { code, message } = errorOf(body);
  throw new ApiError(response.status, code ?? `http_${response.status}`, message ?? '');
}

function errorOf(body: unknown): { code?: string; message?: string } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return {};
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return {};
  const { code, message } = error as { code?: unknown; message?: unknown };
  return {
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof message === 'string' ? { message } : {}),
  };
}

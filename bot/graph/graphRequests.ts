import {
  Client,
  GraphError,
  type Context,
  type GraphRequest,
  type Middleware,
  type MiddlewareOptions,
} from '@microsoft/microsoft-graph-client';
import {
  backoffMs,
  GraphUnavailableError,
  Resilience,
  type ResilienceOptions,
  type ResilienceTimers,
  type WaitBudget,
} from './resilience';
import { retryAfterMs } from '../../core/shared/retryTiming';
import type { TokenProvider } from './tokenProvider';

/**
 * How the app talks to Microsoft Graph: through @microsoft/microsoft-graph-client for URLs,
 * query options and error shapes, with its default middleware (and so its RetryHandler)
 * replaced by one of ours that adds the token and sends through `Resilience`. Graph's own
 * conventions are kept: `@odata.nextLink` paging, `$batch` of at most 20 requests with each
 * inner 429/503 retried on its own.
 */

export const GRAPH_BASE_URL = 'https://graph.microsoft.com';
const GRAPH_VERSION = 'v1.0';

/** Graph's documented limit for one JSON batch. */
export const BATCH_LIMIT = 20;

export interface GraphQuery {
  select?: readonly string[];
  top?: number;
  filter?: string;
  /** OData $expand as Graph writes it: `fields($select=A,B)`. */
  expand?: string;
}

export interface GraphWriteOptions {
  /** E.g. `If-Match` with an ETag: the write happens only on the version read. */
  headers?: Record<string, string>;
  /**
   * Safe to send again after a 5xx or a dropped connection, because the write is conditional
   * or keyed so that a second arrival is refused (a unique column, a transactionId). Writes
   * with If-Match are replayable without saying so.
   */
  replayable?: boolean;
}

export interface BatchRequest {
  /** Unique within one call to batch(). */
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Relative to the version, as Graph's $batch wants it: `/users/{id}`. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** A Graph answer that retrying cannot change (400, 401, 403, 404, 412, …). */
export class GraphRequestError extends Error {
  constructor(
    readonly status: number,
    /** Graph's error code, e.g. `Request_ResourceNotFound`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'GraphRequestError';
  }
}

export interface GraphRequestsOptions {
  tokens: TokenProvider;
  /** Graph's root without the version; tests point it at the local stand-in. */
  baseUrl?: string;
  resilience?: Partial<ResilienceOptions>;
  timers?: ResilienceTimers;
  /** One attempt that takes longer than this counts as a network failure. */
  attemptTimeoutMs?: number;
}

export class GraphRequests {
  readonly resilience: Resilience;
  private readonly baseUrl: string;
  private readonly client: Client;

  constructor(options: GraphRequestsOptions) {
    this.baseUrl = (options.baseUrl ?? GRAPH_BASE_URL).replace(/\/+$/, '');
    this.resilience = new Resilience(options.resilience, options.timers);
    this.client = Client.initWithMiddleware({
      baseUrl: this.baseUrl,
      defaultVersion: GRAPH_VERSION,
      middleware: new ResilientSend(
        options.tokens,
        this.resilience,
        options.attemptTimeoutMs ?? 10_000,
      ),
    });
  }

  /** One resource. A 404 and other final answers throw GraphRequestError. */
  async get<T>(path: string, query: GraphQuery = {}): Promise<T> {
    return this.call<T>(this.request(path, query), (request) => request.get(), true);
  }

  async post<T>(path: string, body: unknown, options: GraphWriteOptions = {}): Promise<T> {
    return this.write<T>('POST', path, body, options);
  }

  async patch<T>(path: string, body: unknown, options: GraphWriteOptions = {}): Promise<T> {
    return this.write<T>('PATCH', path, body, options);
  }

  async delete(path: string, options: GraphWriteOptions = {}): Promise<void> {
    await this.write<unknown>('DELETE', path, undefined, options);
  }

  /** Every item of a collection, following `@odata.nextLink` to the last page. */
  async getAllPages<T>(path: string, query: GraphQuery = {}): Promise<T[]> {
    const budget = this.resilience.startBudget();
    const items: T[] = [];
    let request: GraphRequest | undefined = this.request(path, query);
    while (request) {
      const page: { value: T[]; '@odata.nextLink'?: string } = await this.call(
        request,
        (r) => r.get(),
        true,
        budget,
      );
      items.push(...page.value);
      const next = page['@odata.nextLink'];
      request = next ? this.client.api(this.pathOf(next)) : undefined;
    }
    return items;
  }

  /**
   * Sends the requests as JSON batches of at most 20, and re-sends only the inner requests
   * Graph answered 429 or 503 (or another 5xx, when safe to repeat), after the longest
   * Retry-After among them. Answers by request id; every other status is the caller's.
   */
  async batch(requests: readonly BatchRequest[]): Promise<Map<string, BatchResponse>> {
    if (new Set(requests.map((r) => r.id)).size !== requests.length) {
      throw new Error('Graph batch request ids must be unique');
    }
    const budget = this.resilience.startBudget();
    const answers = new Map<string, BatchResponse>();
    let pending = [...requests];
    for (let round = 1; pending.length > 0; round++) {
      const again: { request: BatchRequest; response: BatchResponse }[] = [];
      for (let start = 0; start < pending.length; start += BATCH_LIMIT) {
        const chunk = pending.slice(start, start + BATCH_LIMIT);
        const byId = new Map(chunk.map((request) => [request.id, request]));
        const body: { responses: BatchResponse[] } = await this.call(
          this.client.api('/$batch'),
          (r) => r.post({ requests: chunk }),
          chunk.every(replayable),
          budget,
        );
        for (const response of body.responses) {
          const request = byId.get(response.id);
          if (!request) continue;
          byId.delete(response.id);
          if (worthRepeating(request, response.status)) again.push({ request, response });
          else answers.set(response.id, response);
        }
        if (byId.size > 0) {
          throw new GraphRequestError(
            502,
            'BatchResponseIncomplete',
            `Graph's batch answer left out ${[...byId.keys()].join(', ')}`,
          );
        }
      }
      if (again.length === 0) break;
      const statuses = again.map((a) => a.response.status).join(', ');
      if (round >= this.resilience.options.maxAttempts) {
        throw new GraphUnavailableError(
          'attempts-exhausted',
          `Microsoft Graph still failing ${again.length} batched requests after ${round} rounds (${statuses})`,
          again[0]?.response.status,
        );
      }
      const now = this.resilience.timers.now();
      const hints = again.map((a) => retryAfterMs(header(a.response.headers, 'retry-after'), now));
      const wait = hints.every((hint) => hint === undefined)
        ? backoffMs(round, this.resilience.options, this.resilience.timers.random())
        : Math.max(...hints.map((hint) => hint ?? 0));
      await budget.wait(wait, `batched ${statuses}`, again[0]?.response.status);
      pending = again.map((a) => a.request);
    }
    return answers;
  }

  private async write<T>(
    method: 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body: unknown,
    options: GraphWriteOptions,
  ): Promise<T> {
    const headers = options.headers ?? {};
    let request = this.client.api(path);
    if (Object.keys(headers).length > 0) request = request.headers(headers);
    const replayable =
      method === 'DELETE' ||
      options.replayable === true ||
      header(headers, 'if-match') !== undefined;
    return this.call<T>(
      request,
      (r) => (method === 'POST' ? r.post(body) : method === 'PATCH' ? r.patch(body) : r.delete()),
      replayable,
    );
  }

  /** Pages on from an `@odata.nextLink` Graph gave inside a batch answer. */
  async getNextPage<T>(nextLink: string): Promise<{ value: T[]; '@odata.nextLink'?: string }> {
    return this.call(this.client.api(this.pathOf(nextLink)), (r) => r.get(), true);
  }

  private request(path: string, query: GraphQuery): GraphRequest {
    let request = this.client.api(path);
    if (query.select) request = request.select([...query.select]);
    if (query.top !== undefined) request = request.top(query.top);
    if (query.filter !== undefined) request = request.filter(query.filter);
    if (query.expand !== undefined) request = request.expand(query.expand);
    return request;
  }

  /** A nextLink as a path, refusing any that leads away from Graph: the token goes with it. */
  private pathOf(nextLink: string): string {
    const root = `${this.baseUrl}/${GRAPH_VERSION}/`;
    if (!nextLink.startsWith(root)) {
      throw new GraphRequestError(
        502,
        'UnexpectedNextLink',
        `Graph paged to ${nextLink.slice(0, 80)}, outside ${root}`,
      );
    }
    return `/${nextLink.slice(root.length)}`;
  }

  private async call<T>(
    request: GraphRequest,
    send: (request: GraphRequest) => Promise<T>,
    isReplayable: boolean,
    budget: WaitBudget = this.resilience.startBudget(),
  ): Promise<T> {
    const state = new CallState(isReplayable, budget);
    try {
      return await send(request.middlewareOptions([state]));
    } catch (error) {
      // The graph client wraps whatever a middleware throws; the original is kept on the call.
      if (state.failure !== undefined) throw state.failure;
      if (error instanceof GraphError) {
        throw new GraphRequestError(error.statusCode, error.code ?? 'Unknown', error.message);
      }
      throw error;
    }
  }
}

/** Per call: what the middleware needs to know, and what went wrong inside it. */
class CallState implements MiddlewareOptions {
  failure: unknown;

  constructor(
    readonly replayable: boolean,
    readonly budget: WaitBudget,
  ) {}
}

/** The whole middleware chain: token, then our resilience around Node's own fetch. */
class ResilientSend implements Middleware {
  constructor(
    private readonly tokens: TokenProvider,
    private readonly resilience: Resilience,
    private readonly attemptTimeoutMs: number,
  ) {}

  async execute(context: Context): Promise<void> {
    const state = context.middlewareControl?.getMiddlewareOptions(CallState) as
      CallState | undefined;
    try {
      const url = typeof context.request === 'string' ? context.request : context.request.url;
      const headers = new Headers(
        context.options?.headers as ConstructorParameters<typeof Headers>[0],
      );
      headers.set('Authorization', `Bearer ${await this.tokens.getToken()}`);
      const init: RequestInit = { ...(context.options as RequestInit), headers };
      context.response = await this.resilience.send(
        () => fetch(url, { ...init, signal: AbortSignal.timeout(this.attemptTimeoutMs) }),
        state?.replayable ?? false,
        state?.budget,
      );
    } catch (error) {
      if (state) state.failure = error;
      throw error;
    }
  }
}

/** Reads, and writes made conditional with If-Match, come out the same when sent twice. */
function replayable(request: BatchRequest): boolean {
  return (
    request.method === 'GET' ||
    request.method === 'PUT' ||
    request.method === 'DELETE' ||
    header(request.headers ?? {}, 'if-match') !== undefined
  );
}

function worthRepeating(request: BatchRequest, status: number): boolean {
  if (status === 429 || status === 503) return true;
  return status >= 500 && replayable(request);
}

function header(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

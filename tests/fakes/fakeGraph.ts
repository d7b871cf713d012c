import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Microsoft Graph v1.0, following the documented semantics of the
 * endpoints the directory uses:
 *
 * - `GET /v1.0/users/{id}`: the user, only the `$select`ed properties (without `$select`,
 *   Graph's default set, in which `department` is not); 404 `Request_ResourceNotFound`.
 * - `GET /v1.0/users/{id}/manager`: the manager; 404 `Request_ResourceNotFound` when none.
 * - `GET /v1.0/users/{id}/directReports`: users and organisational contacts (each with its
 *   `@odata.type`), `$select`, `$top` (1–999; 100 a page by default), further pages through
 *   an absolute `@odata.nextLink` with an opaque `$skiptoken`.
 * - `GET /v1.0/users`: every user, paged like directReports; `$filter` only as
 *   `accountEnabled eq true and userType eq 'Member'` (else 400), leaving out disabled
 *   accounts and guests.
 * - `POST /v1.0/$batch`: at most 20 requests (else 400), each answered with its own id,
 *   status, headers and body. Graph does not promise the order; the stand-in answers in
 *   reverse, so a client that matches by position fails here too.
 *
 * Every request needs `Authorization: Bearer <token>` (any non-empty token), else 401 in
 * Graph's error shape. Faults can be injected per path pattern, and requests are counted,
 * outer and inside batches.
 */

export interface FakeGraphUser {
  id: string;
  displayName: string;
  mail?: string;
  jobTitle?: string;
  department?: string;
  userPrincipalName?: string;
  /** Further properties, e.g. a directory extension `extension_<appId>_profile`. */
  extra?: Record<string, unknown>;
  managerId?: string;
  /** Graph's defaults: true, 'Member'. */
  accountEnabled?: boolean;
  userType?: 'Member' | 'Guest';
}

export interface FakeGraphContact {
  id: string;
  displayName: string;
  managerId: string;
}

export type GraphFault =
  /** An HTTP answer instead of the real one; retryAfter as Graph sends it (seconds or date). */
  | { status: number; retryAfter?: string; code?: string }
  /**
   * The connection is destroyed with no answer (outer requests only): before the request is
   * carried out, or with `afterWork` once it has been, so the client cannot know it landed.
   */
  | { drop: true; afterWork?: boolean };

export interface RecordedRequest {
  method: string;
  /** Path with the version, without the query: `/v1.0/users/u1/manager`. */
  path: string;
  query: URLSearchParams;
  /** Sent inside a $batch (and so not a request of its own on the wire). */
  inBatch: boolean;
  /** What it was answered: a status, or `dropped`. */
  outcome: number | 'dropped';
}

/** One answer of the stand-in, on the wire or inside a batch. */
export interface GraphAnswer {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** One request as a route sees it, on the wire or inside a batch. */
export interface GraphCall {
  method: string;
  /** Path with the version, without the query: `/v1.0/sites/s1/lists`. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string>>;
  body: unknown;
}

/**
 * More of Graph, mounted beside the directory (e.g. SharePoint lists, calendars): answers the
 * calls it owns and leaves the rest (undefined).
 */
export type GraphRoute = (call: GraphCall) => GraphAnswer | undefined;

interface InjectedFault {
  pattern: RegExp;
  /** Only requests of this method; any when absent. */
  method?: string;
  fault: GraphFault;
  remaining: number;
}

/** Graph's default property set for a user, when no $select is given. */
const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];

const BATCH_LIMIT = 20;
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 999;

export function graphError(status: number, code: string, message: string): GraphAnswer {
  return {
    status,
    headers: { 'Content-Type': 'application/json' },
    body: { error: { code, message } },
  };
}

export class FakeGraph {
  readonly requests: RecordedRequest[] = [];
  private readonly users = new Map<string, FakeGraphUser>();
  private readonly contacts = new Map<string, FakeGraphContact>();
  private faults: InjectedFault[] = [];
  private readonly routes: GraphRoute[] = [];
  private server: Server = createServer();
  /** The root Graph would be at, without version: `http://127.0.0.1:<port>`. */
  url = '';

  static async start(): Promise<FakeGraph> {
    const graph = new FakeGraph();
    const app = express();
    app.use(express.json({ limit: '4mb' }));
    app.use((req, res) => graph.handle(req, res));
    graph.server = createServer(app);
    await new Promise<void>((resolve) => graph.server.listen(0, '127.0.0.1', resolve));
    graph.url = `http://127.0.0.1:${(graph.server.address() as AddressInfo).port}`;
    return graph;
  }

  /** Adds endpoints; each call goes to the first mounted route that answers it. */
  mount(route: GraphRoute): this {
    this.routes.push(route);
    return this;
  }

  addUsers(...users: readonly FakeGraphUser[]): this {
    for (const user of users) this.users.set(user.id, { ...user });
    return this;
  }

  /** An organisational contact (not a user) reporting to a manager, as Entra allows. */
  addContact(contact: FakeGraphContact): this {
    this.contacts.set(contact.id, { ...contact });
    return this;
  }

  /** The user reports to `managerId` from now on (or to nobody). */
  setManager(userId: string, managerId: string | undefined): void {
    const user = this.users.get(userId);
    if (!user) throw new Error(`No user ${userId} in the fake Graph`);
    if (managerId) user.managerId = managerId;
    else delete user.managerId;
  }

  updateUser(userId: string, changes: Partial<Omit<FakeGraphUser, 'id'>>): void {
    const user = this.users.get(userId);
    if (!user) throw new Error(`No user ${userId} in the fake Graph`);
    Object.assign(user, changes);
  }

  /**
   * The next `times` requests whose path (with version, e.g. `/v1.0/users/u1/manager` or
   * `/v1.0/$batch`) matches get `fault` instead of their answer. Inside a batch a matching
   * inner request gets the status as its own answer; the batch itself still answers 200.
   * With `method`, only requests of that method (`PATCH`) meet the fault.
   */
  inject(pattern: RegExp, fault: GraphFault, times = 1, method?: string): void {
    this.faults.push({ pattern, fault, remaining: times, ...(method ? { method } : {}) });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Requests on the wire (a $batch counts once). */
  get outerCount(): number {
    return this.requests.filter((r) => !r.inBatch).length;
  }

  /** Requests carried inside batches. */
  get innerCount(): number {
    return this.requests.filter((r) => r.inBatch).length;
  }

  /** Requests (outer and inner) whose path matches. */
  count(pattern: RegExp): number {
    return this.requests.filter((r) => pattern.test(r.path)).length;
  }

  resetCounts(): void {
    this.requests.length = 0;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: express.Request, res: express.Response): void {
    const target = new URL(req.originalUrl, this.url);
    const recorded: RecordedRequest = {
      method: req.method,
      path: decodeURIComponent(target.pathname),
      query: target.searchParams,
      inBatch: false,
      outcome: 0,
    };
    this.requests.push(recorded);
    const fault = this.takeFault(recorded.method, recorded.path, false);
    if (fault && 'drop' in fault && !fault.afterWork) {
      recorded.outcome = 'dropped';
      req.socket.destroy();
      return;
    }
    let answer: GraphAnswer;
    if (fault && 'status' in fault) answer = this.faultAnswer(fault);
    else if (!/^Bearer \S+/.test(req.get('authorization') ?? '')) {
      answer = graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    } else if (req.method === 'POST' && recorded.path === '/v1.0/$batch') {
      answer = this.batch(req.body);
    } else {
      answer = this.answer({
        method: req.method,
        path: recorded.path,
        query: target.searchParams,
        headers: lowerCaseHeaders(req.headers),
        body: req.body,
      });
    }
    if (fault && 'drop' in fault) {
      recorded.outcome = 'dropped';
      req.socket.destroy();
      return;
    }
    recorded.outcome = answer.status;
    res.status(answer.status).set(answer.headers);
    if (answer.body === undefined) res.end();
    else res.json(answer.body);
  }

  private takeFault(method: string, path: string, inBatch: boolean): GraphFault | undefined {
    const match = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        f.pattern.test(path) &&
        (f.method === undefined || f.method === method) &&
        !(inBatch && 'drop' in f.fault),
    );
    if (!match) return undefined;
    match.remaining -= 1;
    return match.fault;
  }

  private faultAnswer(fault: { status: number; retryAfter?: string; code?: string }): GraphAnswer {
    const code =
      fault.code ??
      (fault.status === 429
        ? 'TooManyRequests'
        : fault.status === 503
          ? 'serviceNotAvailable'
          : 'generalException');
    const answer = graphError(fault.status, code, `Injected ${fault.status}`);
    if (fault.retryAfter !== undefined) answer.headers['Retry-After'] = fault.retryAfter;
    return answer;
  }

  private batch(body: unknown): GraphAnswer {
    const requests = (body as { requests?: unknown } | undefined)?.requests;
    if (!Array.isArray(requests) || requests.length === 0) {
      return graphError(400, 'BadRequest', 'Invalid batch payload format.');
    }
    if (requests.length > BATCH_LIMIT) {
      return graphError(
        400,
        'BadRequest',
        `Number of batch requests exceeds the limit of ${BATCH_LIMIT}.`,
      );
    }
    const ids = requests.map((r: { id?: unknown }) => r.id);
    if (ids.some((id) => typeof id !== 'string' || id === '') || new Set(ids).size !== ids.length) {
      return graphError(400, 'BadRequest', 'Batch request ids must be unique non-empty strings.');
    }
    const inners = requests as {
      id: string;
      method?: string;
      url?: string;
      headers?: Record<string, string>;
      body?: unknown;
    }[];
    // Graph's JSON batching: a request with a body must say its Content-Type.
    const untyped = inners.find(
      (inner) => inner.body !== undefined && !lowerCaseHeaders(inner.headers ?? {})['content-type'],
    );
    if (untyped) {
      return graphError(
        400,
        'BadRequest',
        `Batch request ${untyped.id} has a body but no Content-Type header.`,
      );
    }
    const responses = inners.map((inner) => {
      const target = new URL(`/v1.0/${(inner.url ?? '').replace(/^\/+/, '')}`, this.url);
      const recorded: RecordedRequest = {
        method: inner.method ?? 'GET',
        path: decodeURIComponent(target.pathname),
        query: target.searchParams,
        inBatch: true,
        outcome: 0,
      };
      this.requests.push(recorded);
      const fault = this.takeFault(recorded.method, recorded.path, true);
      const answer =
        fault && 'status' in fault
          ? this.faultAnswer(fault)
          : this.answer({
              method: recorded.method,
              path: recorded.path,
              query: target.searchParams,
              headers: lowerCaseHeaders(inner.headers ?? {}),
              body: inner.body,
            });
      recorded.outcome = answer.status;
      return { id: inner.id, status: answer.status, headers: answer.headers, body: answer.body };
    });
    return {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: { responses: responses.reverse() },
    };
  }

  private answer(call: GraphCall): GraphAnswer {
    for (const route of this.routes) {
      const answer = route(call);
      if (answer) return answer;
    }
    return this.directory(call);
  }

  private directory({ method, path, query }: GraphCall): GraphAnswer {
    if (method === 'GET' && path === '/v1.0/users') return this.listUsers(path, query);
    const match = /^\/v1\.0\/users\/([^/]+)(?:\/(manager|directReports))?$/.exec(path);
    if (method !== 'GET' || !match) {
      return graphError(400, 'BadRequest', `Resource not found for the segment '${path}'.`);
    }
    const [, userId = '', relation] = match;
    const user = this.users.get(userId);
    if (!user) return notFound(userId);
    const select = query.get('$select')?.split(',').filter(Boolean);

    if (relation === undefined) return ok(this.project(user, select));

    if (relation === 'manager') {
      const manager = user.managerId ? this.users.get(user.managerId) : undefined;
      if (!manager) return notFound('manager');
      return ok({ '@odata.type': '#microsoft.graph.user', ...this.project(manager, select) });
    }

    const reports = [
      ...[...this.users.values()]
        .filter((u) => u.managerId === userId)
        .map((u) => ({ '@odata.type': '#microsoft.graph.user', ...this.project(u, select) })),
      ...[...this.contacts.values()]
        .filter((c) => c.managerId === userId)
        .map((c) => ({
          '@odata.type': '#microsoft.graph.orgContact',
          ...pick({ id: c.id, displayName: c.displayName }, select),
        })),
    ];
    return this.page(reports, path, query);
  }

  private listUsers(path: string, query: URLSearchParams): GraphAnswer {
    const filter = query.get('$filter');
    if (filter !== null && filter !== ENABLED_MEMBERS) {
      return graphError(400, 'Request_UnsupportedQuery', `Unsupported filter: ${filter}`);
    }
    const select = query.get('$select')?.split(',').filter(Boolean);
    const users = [...this.users.values()]
      .filter((u) => filter === null || (u.accountEnabled !== false && u.userType !== 'Guest'))
      .map((u) => this.project(u, select));
    return this.page(users, path, query);
  }

  /** One page of `items` by `$top` and `$skiptoken`, with a nextLink when more follow. */
  private page(items: readonly unknown[], path: string, query: URLSearchParams): GraphAnswer {
    const top = Number(query.get('$top') ?? DEFAULT_PAGE_SIZE);
    if (!Number.isInteger(top) || top < 1 || top > MAX_PAGE_SIZE) {
      return graphError(400, 'Request_UnsupportedQuery', `Invalid page size specified: '${top}'`);
    }
    const skip = decodeSkipToken(query.get('$skiptoken'));
    if (skip === undefined) return graphError(400, 'Directory_ExpiredPageToken', 'Bad skip token.');
    const body: Record<string, unknown> = { value: items.slice(skip, skip + top) };
    if (skip + top < items.length) {
      // Graph's nextLink repeats the query with a skip token, absolute, literal `$`.
      const kept = [...query.entries()]
        .filter(([key]) => key !== '$skiptoken' && key !== '$top')
        .map(([key, value]) => `${key}=${value}`);
      body['@odata.nextLink'] =
        `${this.url}${path}?${[...kept, `$top=${top}`, `$skiptoken=${encodeSkipToken(skip + top)}`].join('&')}`;
    }
    return ok(body);
  }

  private project(user: FakeGraphUser, select: string[] | undefined): Record<string, unknown> {
    // The manager is a relationship in Graph, never a property of the user.
    const { id, displayName, mail, jobTitle, department, userPrincipalName, extra } = user;
    const all = { id, displayName, mail, jobTitle, department, userPrincipalName, ...extra };
    return pick(all, select ?? DEFAULT_USER_PROPERTIES);
  }
}

/** What Graph returns for each selected property: its value, or null when unset. */
function pick(
  all: Record<string, unknown>,
  select: readonly string[] | undefined,
): Record<string, unknown> {
  const keys = select ?? Object.keys(all);
  return Object.fromEntries(keys.map((key) => [key, all[key] ?? null]));
}

function lowerCaseHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name.toLowerCase(), String(value)]],
    ),
  );
}

export function ok(body: unknown): GraphAnswer {
  return { status: 200, headers: { 'Content-Type': 'application/json' }, body };
}

export function notFound(resource: string): GraphAnswer {
  return graphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${resource}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

/** The one `$filter` of `GET /users` the stand-in understands: what the directory sends. */
const ENABLED_MEMBERS = "accountEnabled eq true and userType eq 'Member'";

function encodeSkipToken(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeSkipToken(token: string | null): number | undefined {
  if (token === null) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString());
  return match ? Number(match[1]) : undefined;
}

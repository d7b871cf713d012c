import {
  GraphRequestError,
  type BatchRequest,
  type GraphRequests,
} from '../../bot/graph/graphRequests';
import { GraphUnavailableError } from '../../bot/graph/resilience';
import { retryAfterMs } from '../../core/shared/retryTiming';
import { FakeGraph } from '../fakes/fakeGraph';
import { graphRequestsFor, VirtualTimers } from './graphSupport';

interface User {
  id: string;
  displayName: string;
}

let graph: FakeGraph;
let timers: VirtualTimers;
let requests: GraphRequests;

beforeAll(async () => {
  graph = await FakeGraph.start();
  graph.addUsers(
    ...Array.from({ length: 45 }, (_, i) => ({ id: `u${i}`, displayName: `Person ${i}` })),
  );
});

afterAll(() => graph.stop());

beforeEach(() => {
  graph.clearFaults();
  graph.resetCounts();
  timers = new VirtualTimers();
  requests = graphRequestsFor(graph, timers);
});

const getU1 = () => requests.get<User>('/users/u1', { select: ['id', 'displayName'] });

describe('Retry-After as Graph sends it', () => {
  it.each([
    ['delay-seconds', '7', 7_000],
    ['zero seconds', '0', 0],
    ['an HTTP date 12 s ahead', 'Mon, 02 Mar 2026 08:00:12 GMT', 12_000],
    ['an HTTP date already past', 'Mon, 02 Mar 2026 07:59:00 GMT', 0],
  ])('when it is %s (%s), then the wait is %i ms', (_case, header, expected) => {
    expect(retryAfterMs(header, Date.parse('2026-03-02T08:00:00Z'))).toBe(expected);
  });

  it.each([[null], ['soon'], ['']])(
    'when it is %p, then there is no hint and backoff decides',
    (header) => {
      expect(retryAfterMs(header, 0)).toBeUndefined();
    },
  );
});

describe('the resilience layer against the Graph stand-in', () => {
  it('when Graph answers 429 with Retry-After: 7, then the app waits exactly 7 s and the second attempt succeeds', async () => {
    graph.inject(/^\/v1\.0\/users\/u1$/, { status: 429, retryAfter: '7' });

    await expect(getU1()).resolves.toEqual({ id: 'u1', displayName: 'Person 1' });

    expect(timers.sleeps).toEqual([7_000]);
    expect(graph.outerCount).toBe(2);
  });

  it('when Graph answers 429 with an HTTP-date Retry-After, then the app waits until that moment', async () => {
    graph.inject(/^\/v1\.0\/users\/u1$/, {
      status: 429,
      retryAfter: new Date(timers.clock + 12_000).toUTCString(),
    });

    await expect(getU1()).resolves.toMatchObject({ id: 'u1' });

    expect(timers.sleeps).toEqual([12_000]);
  });

  it('when Graph answers 503 with Retry-After: 2, then the app waits 2 s and tries again', async () => {
    graph.inject(/^\/v1\.0\/users\/u1$/, { status: 503, retryAfter: '2' });

    await expect(getU1()).resolves.toMatchObject({ id: 'u1' });

    expect(timers.sleeps).toEqual([2_000]);
    expect(graph.outerCount).toBe(2);
  });

  it('when Graph answers 500 twice, then the app backs off with jitter under a doubling ceiling (0.5 × 500 ms, 0.5 × 1 s)', async () => {
    graph.inject(/^\/v1\.0\/users\/u1$/, { status: 500 }, 2);

    await expect(getU1()).resolves.toMatchObject({ id: 'u1' });

    expect(timers.sleeps).toEqual([250, 500]);
    expect(graph.outerCount).toBe(3);
  });

  it('when Graph drops the connection, then the read is sent again after a backoff and succeeds', async () => {
    graph.inject(/^\/v1\.0\/users\/u1$/, { drop: true });

    await expect(getU1()).resolves.toMatchObject({ id: 'u1' });

    expect(graph.requests.map((r) => r.outcome)).toEqual(['dropped', 200]);
    expect(timers.sleeps).toEqual([250]);
  });

  it('when Graph asks for a wait beyond the 30 s bound, then the call fails at once with GraphUnavailableError instead of waiting', async () => {
    graph.inject(/^\/v1\.0\/users\/u1$/, { status: 429, retryAfter: '45' });

    const failure = await getU1().catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(GraphUnavailableError);
    expect(failure).toMatchObject({
      reason: 'wait-budget-exceeded',
      lastStatus: 429,
      retryAfterMs: 45_000,
    });
    expect(timers.sleeps).toEqual([]);
    expect(graph.outerCount).toBe(1);
  });

  it('when Graph stays at 503 with Retry-After: 20, then the call gives up after one wait, having waited no more than the bound', async () => {
    graph.inject(/^\/v1\.0\/users\/u1$/, { status: 503, retryAfter: '20' }, Infinity);

    await expect(getU1()).rejects.toMatchObject({
      name: 'GraphUnavailableError',
      reason: 'wait-budget-exceeded',
    });

    expect(timers.sleeps).toEqual([20_000]);
    expect(graph.outerCount).toBe(2);
  });

  it('when Graph answers 404, then the answer is final: GraphRequestError with Graph’s code, no retry', async () => {
    await expect(requests.get('/users/nobody')).rejects.toMatchObject({
      name: 'GraphRequestError',
      status: 404,
      code: 'Request_ResourceNotFound',
    });

    expect(graph.outerCount).toBe(1);
    expect(timers.sleeps).toEqual([]);
  });

  it('when the token provider gives no token, then Graph answers 401 in its error shape and the app does not retry', async () => {
    const withoutToken = graphRequestsFor(graph, timers, { tokens: { getToken: async () => '' } });

    const failure = await withoutToken.get('/users/u1').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(GraphRequestError);
    expect(failure).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
    expect(graph.outerCount).toBe(1);
  });
});

describe('the circuit breaker', () => {
  it('when Graph fails 5 times in a row, then the circuit opens: calls fail fast without a request until the cool-down, then one trial closes it again', async () => {
    graph.inject(/^\/v1\.0\/users\//, { status: 500 }, Infinity);

    await expect(getU1()).rejects.toMatchObject({ reason: 'circuit-open', lastStatus: 500 });
    expect(graph.outerCount).toBe(5);

    await expect(getU1()).rejects.toMatchObject({ reason: 'circuit-open' });
    timers.advance(29_000);
    await expect(getU1()).rejects.toMatchObject({ reason: 'circuit-open' });
    expect(graph.outerCount).toBe(5);

    graph.clearFaults();
    timers.advance(1_000);
    await expect(getU1()).resolves.toMatchObject({ id: 'u1' });
    await expect(requests.get('/users/u2')).resolves.toMatchObject({ id: 'u2' });
    expect(graph.outerCount).toBe(7);
    expect(requests.resilience.breaker.current).toBe('closed');
  });

  it('when the trial request after the cool-down fails too, then the circuit opens again for another cool-down', async () => {
    graph.inject(/^\/v1\.0\/users\//, { status: 503 }, Infinity);
    await expect(getU1()).rejects.toMatchObject({ reason: 'circuit-open' });
    graph.resetCounts();

    timers.advance(30_000);
    await expect(getU1()).rejects.toMatchObject({ reason: 'circuit-open', lastStatus: 503 });

    expect(graph.outerCount).toBe(1);
    expect(requests.resilience.breaker.current).toBe('open');
  });

  it('when two calls come at once after the cool-down, then only one trial request goes to Graph', async () => {
    graph.inject(/^\/v1\.0\/users\//, { status: 500 }, 5);
    await expect(getU1()).rejects.toMatchObject({ reason: 'circuit-open' });
    graph.resetCounts();
    timers.advance(30_000);

    const [first, second] = await Promise.allSettled([getU1(), getU1()]);

    expect(first).toMatchObject({ status: 'fulfilled' });
    expect(second).toMatchObject({ status: 'rejected', reason: { reason: 'circuit-open' } });
    expect(graph.outerCount).toBe(1);
  });

  it('when Graph only throttles (429), then the circuit stays closed: throttling is not an outage', async () => {
    graph.inject(/^\/v1\.0\/users\/u1$/, { status: 429, retryAfter: '1' }, 5);

    await expect(getU1()).resolves.toMatchObject({ id: 'u1' });

    expect(requests.resilience.breaker.current).toBe('closed');
    expect(timers.sleeps).toEqual([1_000, 1_000, 1_000, 1_000, 1_000]);
  });
});

describe('$batch', () => {
  const reads = (count: number): BatchRequest[] =>
    Array.from({ length: count }, (_, i) => ({
      id: `r${i}`,
      method: 'GET',
      url: `/users/u${i}?$select=id,displayName`,
    }));

  it('when a batch of 21 is posted to the stand-in, then it answers 400 as Graph does', async () => {
    const response = await fetch(`${graph.url}/v1.0/$batch`, {
      method: 'POST',
      headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
      body: JSON.stringify({ requests: reads(21) }),
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'BadRequest' } });
  });

  it('when 45 reads are batched, then they go as ⌈45/20⌉ = 3 requests and every answer comes back by id', async () => {
    const answers = await requests.batch(reads(45));

    expect(graph.outerCount).toBe(3);
    expect(graph.innerCount).toBe(45);
    expect(answers.size).toBe(45);
    expect(answers.get('r44')).toMatchObject({ status: 200, body: { id: 'u44' } });
  });

  it('when one inner request is throttled with Retry-After: 3, then only it is sent again, after exactly 3 s', async () => {
    graph.inject(/^\/v1\.0\/users\/u7$/, { status: 429, retryAfter: '3' });

    const answers = await requests.batch(reads(20));

    expect(answers.get('r7')).toMatchObject({ status: 200, body: { id: 'u7' } });
    expect(timers.sleeps).toEqual([3_000]);
    expect(graph.outerCount).toBe(2);
    expect(graph.innerCount).toBe(21);
  });

  it('when inner requests keep being throttled past the bound, then the batch fails with GraphUnavailableError, not a hang', async () => {
    graph.inject(/^\/v1\.0\/users\/u3$/, { status: 429, retryAfter: '20' }, Infinity);

    await expect(requests.batch(reads(5))).rejects.toMatchObject({
      name: 'GraphUnavailableError',
      reason: 'wait-budget-exceeded',
    });
    expect(timers.sleeps).toEqual([20_000]);
  });

  it('when a batch holding a plain POST meets a 500 or a dropped connection, then it is not sent again: Graph may have carried it out', async () => {
    const create: BatchRequest = { id: 'c', method: 'POST', url: '/users', body: {} };
    graph.inject(/^\/v1\.0\/\$batch$/, { status: 500 });
    await expect(requests.batch([create])).rejects.toMatchObject({ status: 500 });

    graph.inject(/^\/v1\.0\/\$batch$/, { drop: true });
    await expect(requests.batch([create])).rejects.toThrow('fetch failed');

    expect(graph.outerCount).toBe(2);
    expect(timers.sleeps).toEqual([]);
  });

  it('when the whole $batch request is answered 503, then the batch is sent again as a request of its own', async () => {
    graph.inject(/^\/v1\.0\/\$batch$/, { status: 503, retryAfter: '1' });

    const answers = await requests.batch(reads(3));

    expect(answers.size).toBe(3);
    expect(graph.count(/^\/v1\.0\/\$batch$/)).toBe(2);
  });
});

import { fullJitterMs, retryAfterMs } from '../../core/shared/retryTiming';

/**
 * How the app survives Microsoft Graph throttling it or falling over. Owned here rather than
 * left to the graph client's RetryHandler, so that every wait is ours, bounded and tested:
 *
 * - 429 and 503 wait exactly what Graph's Retry-After says (seconds or an HTTP date);
 * - other 5xx and network failures back off exponentially with full jitter;
 * - one call never waits longer than `maxTotalWaitMs` in all: then GraphUnavailableError;
 * - a circuit breaker stops sending after `failureThreshold` failures in a row, fails fast
 *   for `coolDownMs`, and then lets one trial request through to see if Graph is back.
 */

export interface ResilienceTimers {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
  /** In [0, 1): the jitter. */
  random(): number;
}

export interface ResilienceOptions {
  /** The most one call waits between its attempts, in all. */
  maxTotalWaitMs: number;
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** The backoff ceiling before jitter for the first retry; it doubles for each retry after. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failed requests in a row (5xx or network) that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit fails fast before one trial request. */
  coolDownMs: number;
}

export const DEFAULT_RESILIENCE: ResilienceOptions = {
  maxTotalWaitMs: 30_000,
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  failureThreshold: 5,
  coolDownMs: 30_000,
};

export const realTimers: ResilienceTimers = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

export type UnavailableReason = 'circuit-open' | 'wait-budget-exceeded' | 'attempts-exhausted';

/**
 * Graph did not answer usefully within the bounds: the caller tells the person to try again
 * later instead of waiting. `retryAfterMs` is Graph's own hint when it gave one.
 */
export class GraphUnavailableError extends Error {
  constructor(
    readonly reason: UnavailableReason,
    message: string,
    readonly lastStatus?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'GraphUnavailableError';
  }
}

/** Full jitter on this layer's own base and ceiling. */
export function backoffMs(retry: number, options: ResilienceOptions, random: number): number {
  return fullJitterMs(retry, options.baseDelayMs, options.maxDelayMs, random);
}

export type CircuitState = 'closed' | 'open' | 'half-open';

export class CircuitBreaker {
  private state: CircuitState = 'closed';
  private failuresInARow = 0;
  private openUntil = 0;
  private trialInFlight = false;

  constructor(
    private readonly options: Pick<ResilienceOptions, 'failureThreshold' | 'coolDownMs'>,
    private readonly now: () => number,
  ) {}

  get current(): CircuitState {
    return this.state;
  }

  /** When an open circuit lets its trial request through. */
  get reopensAt(): number {
    return this.openUntil;
  }

  /** May a request go out now? Takes the one trial slot when the cool-down is over. */
  tryAcquire(): boolean {
    if (this.state === 'closed') return true;
    if (this.state === 'open') {
      if (this.now() < this.openUntil) return false;
      this.state = 'half-open';
    }
    if (this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  recordSuccess(): void {
    this.state = 'closed';
    this.failuresInARow = 0;
    this.trialInFlight = false;
  }

  recordFailure(): void {
    this.failuresInARow += 1;
    const trialFailed = this.state === 'half-open';
    this.trialInFlight = false;
    if (trialFailed || this.failuresInARow >= this.options.failureThreshold) {
      this.state = 'open';
      this.openUntil = this.now() + this.options.coolDownMs;
    }
  }

  /** A request that was let through and then abandoned without an answer about Graph. */
  release(): void {
    this.trialInFlight = false;
  }
}

/**
 * One HTTP attempt at Graph as the metrics count it: answered (`ok`, 4xx included: Graph is
 * up), `throttled` (429), `failed` (5xx or network), or `refused` by the open circuit unsent.
 */
export type GraphCallOutcome = 'ok' | 'throttled' | 'failed' | 'refused';

/** What one HTTP attempt came to. */
export type AttemptResult = { response: Response } | { networkError: unknown };

/** Graph says it did not do the work: safe to send again whatever the method. */
const NOT_PROCESSED = new Set([429, 503]);

/**
 * Runs one Graph call through the breaker and the retry rules. `replayable` says whether a
 * request Graph may have carried out (another 5xx, a dropped connection) can be sent again:
 * reads and conditional writes can, a plain POST cannot.
 */
export class Resilience {
  readonly options: ResilienceOptions;
  readonly breaker: CircuitBreaker;
  /** Told of every attempt's outcome (the service's metrics); nothing by default. */
  onCall: (outcome: GraphCallOutcome) => void = () => undefined;

  constructor(
    options: Partial<ResilienceOptions> = {},
    readonly timers: ResilienceTimers = realTimers,
  ) {
    this.options = { ...DEFAULT_RESILIENCE, ...options };
    this.breaker = new CircuitBreaker(this.options, () => timers.now());
  }

  /** A wait allowance for one call, shared by its own retries and its batch's inner retries. */
  startBudget(): WaitBudget {
    return new WaitBudget(this.options.maxTotalWaitMs, this.timers);
  }

  async send(
    attempt: () => Promise<Response>,
    replayable: boolean,
    budget: WaitBudget = this.startBudget(),
  ): Promise<Response> {
    for (let attemptNumber = 1; ; attemptNumber++) {
      if (!this.breaker.tryAcquire()) {
        this.onCall('refused');
        throw new GraphUnavailableError(
          'circuit-open',
          `Microsoft Graph failed repeatedly; not calling it until ${new Date(this.breaker.reopensAt).toISOString()}`,
        );
      }
      const result = await attempt().then(
        (response): AttemptResult => ({ response }),
        (networkError: unknown): AttemptResult => ({ networkError }),
      );
      const response = 'response' in result ? result.response : undefined;
      const status = response?.status;
      if (response && status !== undefined && status < 500 && status !== 429) {
        this.breaker.recordSuccess();
        this.onCall('ok');
        return response;
      }
      this.onCall(status === 429 ? 'throttled' : 'failed');
      // Throttling means Graph is up and answering: no reason to open the circuit.
      if (status === 429) this.breaker.release();
      else this.breaker.recordFailure();

      const notProcessed = status !== undefined && NOT_PROCESSED.has(status);
      if (!replayable && !notProcessed) {
        if (response) return response;
        throw (result as { networkError: unknown }).networkError;
      }
      const hinted = notProcessed
        ? retryAfterMs(response?.headers.get('retry-after'), this.timers.now())
        : undefined;
      const failure = describeFailure(result);
      if (this.breaker.current === 'open') {
        throw new GraphUnavailableError(
          'circuit-open',
          `Microsoft Graph failed ${this.options.failureThreshold} times in a row (last: ${failure})`,
          status,
          hinted,
        );
      }
      if (attemptNumber >= this.options.maxAttempts) {
        throw new GraphUnavailableError(
          'attempts-exhausted',
          `Microsoft Graph still failing after ${attemptNumber} attempts (last: ${failure})`,
          status,
          hinted,
        );
      }
      if (response) await discardBody(response);
      await budget.wait(
        hinted ?? backoffMs(attemptNumber, this.options, this.timers.random()),
        failure,
        status,
      );
    }
  }
}

/** The time one call may still spend waiting between attempts. */
export class WaitBudget {
  private readonly deadline: number;

  constructor(
    maxTotalWaitMs: number,
    private readonly timers: ResilienceTimers,
  ) {
    this.deadline = timers.now() + maxTotalWaitMs;
  }

  /** Waits `ms`, or gives up at once when that would pass the deadline: never a hang. */
  async wait(ms: number, failure: string, status?: number): Promise<void> {
    if (this.timers.now() + ms > this.deadline) {
      throw new GraphUnavailableError(
        'wait-budget-exceeded',
        `Microsoft Graph asked for a wait of ${ms} ms, beyond this call's bound (last: ${failure})`,
        status,
        ms,
      );
    }
    await this.timers.sleep(ms);
  }
}

function describeFailure(result: AttemptResult): string {
  if ('response' in result) return `HTTP ${result.response.status}`;
  const error = result.networkError;
  const cause =
    error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `network error ${error instanceof Error ? error.message : String(error)}${cause}`;
}

/** An unread body keeps its connection busy; read it away before sending again. */
async function discardBody(response: Response): Promise<void> {
  await response.arrayBuffer().catch(() => undefined);
}

import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { summarize, type LatencySummary } from './stats';

/**
 * An open-loop load generator: turns are sent at fixed times (start + i / rate) whatever the
 * bot answers, and each turn's latency runs from the time it was *scheduled* to when its
 * answer was in and checked. A slow bot therefore cannot slow the generator down and hide its
 * own queueing (coordinated omission); a generator that falls behind its schedule shows up as
 * latency too, and as `dispatchLagMs`.
 */

export type TurnResult = { ok: true } | { ok: false; reason: string };

export interface OpenLoopOptions {
  ratePerSec: number;
  durationMs: number;
  /** Sends turn number `index` and checks its answer. Must not reject. */
  turn: (index: number) => Promise<TurnResult>;
  /**
   * Stop scheduling once more than `fraction` of the planned turns are failed or later than
   * `latencyMs` (answered or still waiting): the window can no longer meet its target, and
   * an overloaded bot would otherwise take long to drain.
   */
  abortWhen?: { latencyMs: number; fraction: number };
  /** How long to wait for answers after the last send; turns still open then are errors. */
  drainTimeoutMs: number;
}

export interface OpenLoopResult {
  ratePerSec: number;
  planned: number;
  sent: number;
  ok: number;
  errorCount: number;
  /** Error counts by reason, e.g. "HTTP 500", "timeout", "no card in the answer". */
  errors: Record<string, number>;
  /** Of the turns answered correctly. */
  latency: LatencySummary;
  aborted: boolean;
  /** Correct answers per second over the window, first send to last answer. */
  achievedPerSec: number;
  /** How late the generator itself sent, worst case: a saturated generator shows here. */
  dispatchLagMs: number;
}

/** How often the abort rule is checked, at most. */
const ABORT_CHECK_INTERVAL_MS = 50;

export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const { ratePerSec, durationMs, turn, abortWhen, drainTimeoutMs } = options;
  if (!(ratePerSec > 0) || !(durationMs > 0)) throw new RangeError('rate and duration must be > 0');
  const planned = Math.max(1, Math.round((ratePerSec * durationMs) / 1000));
  const intervalMs = 1000 / ratePerSec;

  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  /** Scheduled send time of every turn still waiting for its answer, by index. */
  const open = new Map<number, number>();
  let errorCount = 0;
  let lateCount = 0;
  let sent = 0;
  let dispatchLagMs = 0;
  let lastAnswerAt = 0;
  let aborted = false;
  let finished = false;
  let lastAbortCheck = 0;
  let wakeDrain: (() => void) | undefined;

  const fail = (reason: string): void => {
    errorCount++;
    lateCount++;
    errors[reason] = (errors[reason] ?? 0) + 1;
  };

  const start = performance.now();
  const dispatch = (index: number, scheduledAt: number): void => {
    open.set(index, scheduledAt);
    sent++;
    void turn(index)
      .catch((error: unknown): TurnResult => ({ ok: false, reason: describeError(error) }))
      .then((result) => {
        if (finished) return;
        open.delete(index);
        const now = performance.now();
        lastAnswerAt = now;
        if (result.ok) {
          const latency = now - scheduledAt;
          latencies.push(latency);
          if (abortWhen && latency > abortWhen.latencyMs) lateCount++;
        } else {
          fail(result.reason);
        }
        if (open.size === 0) wakeDrain?.();
      });
  };

  const shouldAbort = (now: number): boolean => {
    if (!abortWhen || now - lastAbortCheck < ABORT_CHECK_INTERVAL_MS) return false;
    lastAbortCheck = now;
    let overdue = 0;
    for (const scheduledAt of open.values()) {
      if (now - scheduledAt > abortWhen.latencyMs) overdue++;
    }
    return lateCount + overdue > abortWhen.fraction * planned;
  };

  // The scheduler: every wake-up sends all turns whose time has come, then sleeps until the
  // next one is due. Timers are coarse (about 1 ms), so at high rates several go per wake-up.
  await new Promise<void>((resolve) => {
    let next = 0;
    const tick = (): void => {
      const now = performance.now();
      while (next < planned && start + next * intervalMs <= now) {
        const scheduledAt = start + next * intervalMs;
        dispatchLagMs = Math.max(dispatchLagMs, now - scheduledAt);
        dispatch(next, scheduledAt);
        next++;
      }
      if (next < planned && shouldAbort(now)) aborted = true;
      if (next >= planned || aborted) {
        resolve();
        return;
      }
      setTimeout(tick, Math.max(0, start + next * intervalMs - performance.now()));
    };
    tick();
  });

  // Drain: wait for the open turns, but not for ever.
  if (open.size > 0) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, drainTimeoutMs);
      wakeDrain = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
  finished = true;
  for (let i = 0; i < open.size; i++) fail('no answer before the drain timeout');

  const ok = latencies.length;
  const windowMs = Math.max(1, (lastAnswerAt || performance.now()) - start);
  return {
    ratePerSec,
    planned,
    sent,
    ok,
    errorCount,
    errors,
    latency: summarize(latencies),
    aborted,
    achievedPerSec: (ok * 1000) / windowMs,
    dispatchLagMs,
  };
}

export interface HttpAnswer {
  status: number;
  body: string;
}

export interface HttpClient {
  post(path: string, body: string): Promise<HttpAnswer>;
  close(): void;
}

/**
 * A minimal JSON POST client over one keep-alive agent, so a benchmark measures the bot and
 * not TCP handshakes. `maxSockets` bounds the connections; more concurrent turns queue in the
 * agent, and that waiting counts in their latency.
 */
export function createHttpClient(
  baseUrl: string,
  options: { maxSockets: number; timeoutMs: number },
): HttpClient {
  const url = new URL(baseUrl);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`the benchmark only sends to loopback, not ${url.hostname}`);
  }
  const agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets });
  return {
    post: (path, body) =>
      new Promise<HttpAnswer>((resolve, reject) => {
        const req = request(
          {
            agent,
            host: url.hostname.replace(/^\[|\]$/g, ''),
            port: url.port,
            path,
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
            timeout: options.timeoutMs,
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                body: Buffer.concat(chunks).toString('utf8'),
              }),
            );
            res.on('error', reject);
          },
        );
        req.on('timeout', () => req.destroy(new TimeoutError()));
        req.on('error', reject);
        req.end(body);
      }),
    close: () => agent.destroy(),
  };
}

/** A request that got no answer within the client's timeout. */
export class TimeoutError extends Error {
  constructor() {
    super('timeout');
    this.name = 'TimeoutError';
  }
}

/** A short reason for a failed request: "timeout", "ECONNRESET", … */
export function describeError(error: unknown): string {
  if (error instanceof TimeoutError) return 'timeout';
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message;
  return String(error);
}

import { fullJitterMs } from '../shared/retryTiming';

/**
 * What to do after one attempt to send a reminder through the Bot Connector. Teams' answers
 * fall in three groups: accepted; refused for good (the person blocked or removed the bot, the
 * conversation is gone, the request is wrong), never retried; and "not now" (429, 412, 5xx,
 * no answer), retried later, but not forever.
 */
export type SendOutcome =
  | { kind: 'delivered' }
  /** No stored conversation reference: the person has not installed the app. */
  | { kind: 'not-installed' }
  | { kind: 'gone'; status: 403 | 404 }
  /** 429; `retryAfterMs` from the Retry-After header when Teams sent one. */
  | { kind: 'throttled'; retryAfterMs?: number }
  /** Any other failure; no status when the request never got an answer. */
  | { kind: 'failed'; status?: number; reason: string };

export interface RetryPolicy {
  /** Attempts in all, the first included; a job is dead-lettered after the last. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Seven waits whose ceilings double from 2 s to 128 s: at most about four minutes of trying. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 2000,
  maxDelayMs: 15 * 60_000,
};

export type NextStep =
  | { action: 'sent' }
  | { action: 'retry'; delayMs: number }
  | { action: 'dead'; reason: string }
  | { action: 'skip'; reason: string };

/**
 * Teams' guidance retries 412 (a conflict inside the service) with the 5xx; every other 4xx
 * would fail the same way again.
 */
const TRANSIENT_STATUSES = new Set([412, 500, 502, 503, 504]);

/** A retry sooner than this would hit the same overloaded service. */
const MIN_BACKOFF_MS = 1000;

/**
 * `attempts` counts the attempt just made. `random` returns [0, 1), as Math.random does; it
 * is passed in so tests can pin it.
 */
export function nextStep(
  outcome: SendOutcome,
  attempts: number,
  policy: RetryPolicy,
  random: () => number,
): NextStep {
  switch (outcome.kind) {
    case 'delivered':
      return { action: 'sent' };
    case 'not-installed':
      return { action: 'skip', reason: 'not installed' };
    case 'gone':
      return {
        action: 'dead',
        reason:
          outcome.status === 403
            ? 'Teams answered 403: the person blocked or removed the bot'
            : 'Teams answered 404: the conversation is gone',
      };
    case 'throttled':
      return retryOrGiveUp(
        attempts,
        policy,
        // Retry-After is Teams' own word on when it will take the message again; sooner is refused.
        outcome.retryAfterMs ?? backoffMs(attempts, policy, random),
      );
    case 'failed':
      if (outcome.status !== undefined && !TRANSIENT_STATUSES.has(outcome.status)) {
        return {
          action: 'dead',
          reason: `Teams refused with ${outcome.status}: ${outcome.reason}`,
        };
      }
      return retryOrGiveUp(attempts, policy, backoffMs(attempts, policy, random));
  }
}

function retryOrGiveUp(attempts: number, policy: RetryPolicy, delayMs: number): NextStep {
  if (attempts >= policy.maxAttempts) {
    return { action: 'dead', reason: `gave up after ${attempts} attempts` };
  }
  return { action: 'retry', delayMs };
}

function backoffMs(attempts: number, policy: RetryPolicy, random: () => number): number {
  return Math.max(
    MIN_BACKOFF_MS,
    fullJitterMs(Math.max(1, attempts), policy.baseDelayMs, policy.maxDelayMs, random()),
  );
}

/** The outcome in a few words, for a job's last error and the logs; never personal data. */
export function describeOutcome(outcome: SendOutcome): string {
  switch (outcome.kind) {
    case 'throttled':
      return 'Teams answered 429';
    case 'failed':
      return `${outcome.status ?? 'network error'}: ${outcome.reason}`;
    case 'gone':
      return `Teams answered ${outcome.status}`;
    default:
      return outcome.kind;
  }
}

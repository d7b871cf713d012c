/**
 * When to try again after a service said "not now": the same rules for Teams' Bot Connector
 * and for Microsoft Graph.
 */

/**
 * Retry-After as the service sent it: delay-seconds, or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when absent or unreadable, so the caller falls back to backoff.
 */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"): a random delay up to
 * a ceiling that doubles with each retry (counted from 1), so callers that failed together
 * do not retry together. `random` is in [0, 1).
 */
export function fullJitterMs(retry: number, baseMs: number, maxMs: number, random: number): number {
  return Math.floor(random * Math.min(maxMs, baseMs * 2 ** (retry - 1)));
}

/**
 * Keeps proactive sends inside Teams' limits, so Teams rarely has to answer 429:
 * - per tenant, the app's ceiling (Teams allows 50 requests a second per app per tenant; the
 *   ceiling is configurable and is per instance: with K instances, give each 1/K of it);
 * - per conversation, 7 messages a second and 1,800 an hour.
 *
 * `acquire` books the earliest time that keeps every limit, then waits for it, so concurrent
 * callers are served in order and never over a limit. A tenant is metered as an even pace
 * (one send every 1/ceiling seconds: no burst that a one-second window at Teams would count
 * as too many); a conversation keeps the times of its recent sends, which for reminders is
 * one or two, so a million conversations cost little.
 */
export interface SendRateLimits {
  /** Sends a second to one tenant. */
  perTenantPerSecond: number;
  /**
   * The share of the tenant ceiling left unused. Sends leave evenly spaced but arrive at
   * Teams with tens of milliseconds of jitter, so a pace exactly at the limit puts a 51st
   * arrival into some second and draws a 429 that costs a whole second (bench:reminders:
   * 64% of the ceiling with no headroom, 96% with 4%).
   */
  tenantHeadroom: number;
  perConversationPerSecond: number;
  perConversationPerHour: number;
}

/** Teams' published limits for a bot's proactive messages. */
export const TEAMS_SEND_LIMITS: SendRateLimits = {
  perTenantPerSecond: 50,
  tenantHeadroom: 0.03,
  perConversationPerSecond: 7,
  perConversationPerHour: 1800,
};

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

interface Meter {
  /** The earliest time at or after `now` a send for `key` keeps this limit. */
  earliest(key: string, now: number): number;
  /** Books a send for `key` at `at`. */
  book(key: string, at: number): void;
  /** Drops keys that no longer limit anything: they behave exactly like new ones. */
  forgetIdle(now: number): void;
  readonly size: number;
}

/** An even pace per key: `perSecond` sends a second, evenly spaced. */
class PaceMeter implements Meter {
  private readonly next = new Map<string, number>();
  private readonly intervalMs: number;

  constructor(perSecond: number) {
    this.intervalMs = SECOND / perSecond;
  }

  earliest(key: string, now: number): number {
    return Math.max(now, this.next.get(key) ?? now);
  }

  book(key: string, at: number): void {
    this.next.set(key, at + this.intervalMs);
  }

  /** Nothing for `key` before `until`. */
  holdUntil(key: string, until: number): void {
    this.next.set(key, Math.max(this.next.get(key) ?? until, until));
  }

  forgetIdle(now: number): void {
    for (const [key, next] of this.next) if (next <= now) this.next.delete(key);
  }

  get size(): number {
    return this.next.size;
  }
}

/** At most `count` sends in any `ms`, for each window, counted as Teams counts: sliding. */
class SlidingWindowMeter implements Meter {
  private readonly sends = new Map<string, number[]>();
  private readonly longestMs: number;

  constructor(private readonly windows: readonly { count: number; ms: number }[]) {
    this.longestMs = Math.max(...windows.map((w) => w.ms));
  }

  earliest(key: string, now: number): number {
    const sends = this.recent(key, now);
    let at = now;
    for (const { count, ms } of this.windows) {
      if (sends.length >= count) at = Math.max(at, (sends[sends.length - count] as number) + ms);
    }
    return at;
  }

  book(key: string, at: number): void {
    const sends = this.sends.get(key) ?? [];
    sends.push(at);
    this.sends.set(key, sends);
  }

  forgetIdle(now: number): void {
    for (const key of [...this.sends.keys()]) {
      if (this.recent(key, now).length === 0) this.sends.delete(key);
    }
  }

  get size(): number {
    return this.sends.size;
  }

  private recent(key: string, now: number): number[] {
    const sends = this.sends.get(key);
    if (!sends) return [];
    const firstKept = sends.findIndex((at) => at > now - this.longestMs);
    if (firstKept === -1) sends.length = 0;
    else if (firstKept > 0) sends.splice(0, firstKept);
    return sends;
  }
}

const SECOND = 1000;
const HOUR = 3600 * SECOND;

export class SendRateLimiter {
  private readonly tenants: PaceMeter;
  private readonly conversations: SlidingWindowMeter;
  private lastSweep = 0;

  constructor(
    limits: SendRateLimits = TEAMS_SEND_LIMITS,
    private readonly clock: Clock = systemClock,
  ) {
    this.tenants = new PaceMeter(limits.perTenantPerSecond * (1 - limits.tenantHeadroom));
    this.conversations = new SlidingWindowMeter([
      { count: limits.perConversationPerSecond, ms: SECOND },
      { count: limits.perConversationPerHour, ms: HOUR },
    ]);
  }

  /** Waits until one more send to this conversation in this tenant keeps every limit. */
  async acquire(tenantId: string, conversationId: string): Promise<void> {
    const now = this.clock.now();
    this.sweep(now);
    const at = Math.max(
      this.tenants.earliest(tenantId, now),
      this.conversations.earliest(conversationId, now),
    );
    this.tenants.book(tenantId, at);
    this.conversations.book(conversationId, at);
    if (at > now) await this.clock.sleep(at - now);
  }

  /** Teams answered 429 for this tenant: every send to it waits `retryAfterMs`. */
  holdTenant(tenantId: string, retryAfterMs: number): void {
    this.tenants.holdUntil(tenantId, this.clock.now() + retryAfterMs);
  }

  /** Keys tracked, for tests of the memory bound. */
  get trackedKeys(): number {
    return this.tenants.size + this.conversations.size;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < 60 * SECOND) return;
    this.lastSweep = now;
    this.tenants.forgetIdle(now);
    this.conversations.forgetIdle(now);
  }
}

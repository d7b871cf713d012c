import { SendRateLimiter, type Clock } from '../../bot/reminders/sendRateLimiter';

/** A clock that only moves when a caller sleeps, so the schedule is exact and instant. */
class SteppingClock implements Clock {
  current = 0;
  now(): number {
    return this.current;
  }
  async sleep(ms: number): Promise<void> {
    this.current += ms;
  }
}

/** When each of `count` sends would go out, one after another, through one limiter. */
async function sendTimes(
  limiter: SendRateLimiter,
  clock: SteppingClock,
  count: number,
  target: (index: number) => [tenant: string, conversation: string],
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    await limiter.acquire(...target(i));
    times.push(clock.now());
  }
  return times;
}

/** The most sends inside any window of `ms`. */
function busiestWindow(times: readonly number[], ms: number): number {
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] as number) - (times[start] as number) >= ms) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

const limits = {
  perTenantPerSecond: 50,
  tenantHeadroom: 0,
  perConversationPerSecond: 7,
  perConversationPerHour: 1800,
};

describe('the send rate limiter', () => {
  it('when 1,000 people in one tenant are due at once, then no second carries more than the ceiling, and the backlog takes about 1,000 / 50 seconds', async () => {
    const clock = new SteppingClock();
    const limiter = new SendRateLimiter(limits, clock);
    const times = await sendTimes(limiter, clock, 1000, (i) => ['tenant-a', `conversation-${i}`]);
    expect(busiestWindow(times, 1000)).toBeLessThanOrEqual(50);
    expect(times.at(-1)).toBeGreaterThanOrEqual(19_000);
    expect(times.at(-1)).toBeLessThan(20_500);
  });

  it('when two tenants are due at once, then each gets its own ceiling', async () => {
    const clock = new SteppingClock();
    const limiter = new SendRateLimiter(limits, clock);
    const times = await sendTimes(limiter, clock, 200, (i) => [
      i % 2 ? 'tenant-a' : 'tenant-b',
      `conversation-${i}`,
    ]);
    expect(times.at(-1)).toBeLessThan(2100);
  });

  it('when one conversation gets many messages, then at most 7 go in any second and at most 1,800 in any hour', async () => {
    const clock = new SteppingClock();
    const limiter = new SendRateLimiter(limits, clock);
    const times = await sendTimes(limiter, clock, 2000, () => ['tenant-a', 'one-chat']);
    expect(busiestWindow(times, 1000)).toBeLessThanOrEqual(7);
    expect(busiestWindow(times, 3_600_000)).toBeLessThanOrEqual(1800);
  });

  it('when Teams answers 429 with Retry-After, then nothing more goes to that tenant before it, and other tenants carry on', async () => {
    const clock = new SteppingClock();
    const limiter = new SendRateLimiter(limits, clock);
    limiter.holdTenant('tenant-a', 30_000);
    await limiter.acquire('tenant-b', 'chat-b');
    expect(clock.now()).toBe(0);
    await limiter.acquire('tenant-a', 'chat-a');
    expect(clock.now()).toBe(30_000);
  });

  it('when a ceiling is configured lower, then it is kept', async () => {
    const clock = new SteppingClock();
    const limiter = new SendRateLimiter({ ...limits, perTenantPerSecond: 5 }, clock);
    const times = await sendTimes(limiter, clock, 50, (i) => ['tenant-a', `conversation-${i}`]);
    expect(busiestWindow(times, 1000)).toBeLessThanOrEqual(5);
  });

  it('when conversations have been quiet for a while, then the limiter forgets them, so memory does not grow with every person reminded', async () => {
    const clock = new SteppingClock();
    const limiter = new SendRateLimiter(limits, clock);
    await sendTimes(limiter, clock, 500, (i) => ['tenant-a', `conversation-${i}`]);
    expect(limiter.trackedKeys).toBeGreaterThan(500);
    clock.current += 2 * 3_600_000;
    await limiter.acquire('tenant-a', 'later');
    expect(limiter.trackedKeys).toBe(2);
  });

  it('when headroom is configured, then the tenant is paced that much under its ceiling', async () => {
    const clock = new SteppingClock();
    const limiter = new SendRateLimiter({ ...limits, tenantHeadroom: 0.04 }, clock);
    const times = await sendTimes(limiter, clock, 49, (i) => ['tenant-a', `conversation-${i}`]);
    // 48 a second: the 49th goes a full second after the first.
    expect(times.at(-1)).toBeCloseTo(1000, 6);
  });
});

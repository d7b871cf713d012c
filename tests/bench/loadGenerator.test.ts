import { runOpenLoop, type TurnResult } from '../../bench/loadGenerator';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A bot that handles one turn at a time, each taking `ms`: a queue forms when it is too slow. */
function serialBot(ms: number): () => Promise<TurnResult> {
  let queue = Promise.resolve();
  return () => {
    const answered = queue.then(() => sleep(ms));
    queue = answered;
    return answered.then(() => ({ ok: true }));
  };
}

describe('the open-loop load generator', () => {
  it('when the bot keeps up, then every planned turn is sent and answered', async () => {
    const result = await runOpenLoop({
      ratePerSec: 200,
      durationMs: 250,
      drainTimeoutMs: 2000,
      turn: async () => {
        await sleep(1);
        return { ok: true };
      },
    });
    expect(result).toMatchObject({ planned: 50, sent: 50, ok: 50, errorCount: 0, aborted: false });
    expect(result.latency.count).toBe(50);
  });

  it('when the bot is slower than the rate, then sending does not wait for it and latency counts the queue from the scheduled time', async () => {
    // 20 turns at 100/s (one every 10 ms) into a bot that takes 30 ms each: the last one is
    // scheduled at 190 ms and answered at about 600 ms. A closed loop would report ~30 ms.
    const result = await runOpenLoop({
      ratePerSec: 100,
      durationMs: 200,
      drainTimeoutMs: 5000,
      turn: serialBot(30),
    });
    expect(result.sent).toBe(20);
    expect(result.ok).toBe(20);
    expect(result.latency.max).toBeGreaterThan(350);
    expect(result.latency.p50).toBeGreaterThan(150);
  });

  it('when turns fail, then they are errors by reason and not latencies', async () => {
    let n = 0;
    const result = await runOpenLoop({
      ratePerSec: 100,
      durationMs: 100,
      drainTimeoutMs: 1000,
      turn: async (): Promise<TurnResult> => {
        n++;
        if (n % 5 === 0) return { ok: false, reason: 'HTTP 500' };
        if (n === 3) throw new Error('boom');
        return { ok: true };
      },
    });
    expect(result.planned).toBe(10);
    expect(result.errors).toEqual({ 'HTTP 500': 2, boom: 1 });
    expect(result.errorCount).toBe(3);
    expect(result.latency.count).toBe(7);
  });

  it('when too many turns are late for the window to pass, then it stops sending early', async () => {
    const result = await runOpenLoop({
      ratePerSec: 200,
      durationMs: 3000,
      drainTimeoutMs: 5000,
      abortWhen: { latencyMs: 50, fraction: 0.06 },
      turn: serialBot(20),
    });
    expect(result.aborted).toBe(true);
    expect(result.sent).toBeLessThan(result.planned);
  });

  it('when a turn is never answered, then it becomes an error once the drain time is over', async () => {
    const result = await runOpenLoop({
      ratePerSec: 100,
      durationMs: 30,
      drainTimeoutMs: 100,
      turn: (index) =>
        index === 0 ? new Promise<TurnResult>(() => undefined) : Promise.resolve({ ok: true }),
    });
    expect(result.errors).toEqual({ 'no answer before the drain timeout': 1 });
    expect(result.ok).toBe(result.planned - 1);
  });
});

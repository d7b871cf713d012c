import { FakeBotConnector } from '../fakes/botConnector';
import { eventually } from '../support/eventually';
import {
  freshEmbeddedDatabase,
  freshPostgresSchema,
  type FreshDatabase,
} from '../support/freshDatabase';
import { ReminderRig, TestClock } from '../support/reminderRig';
import { postgresAvailable } from '../support/testEnvironment';
import { SqlReminderQueue } from '../../bot/storage/sqlReminderQueue';

const SECOND = 1000;
const people = (count: number, prefix = 'person') =>
  Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`);

const databases: [string, () => Promise<FreshDatabase & { connect?(): Promise<unknown> }>][] = [
  ['the embedded database', freshEmbeddedDatabase],
];
if (postgresAvailable()) databases.push(['PostgreSQL', freshPostgresSchema]);

describe.each(databases)('the reminder worker on %s', (_name, freshDatabase) => {
  let fresh: FreshDatabase;
  let connector: FakeBotConnector;
  let rig: ReminderRig;

  // One database for the file (PGlite takes seconds to start), emptied before each test.
  beforeAll(async () => {
    connector = await new FakeBotConnector().start();
    fresh = await freshDatabase();
  });
  afterAll(async () => {
    await connector.stop();
    await fresh.dispose();
  });
  beforeEach(async () => {
    await fresh.db.exec('truncate reminder_jobs, reminder_settings, conversation_references');
    connector.clear();
    rig = new ReminderRig(fresh.db, connector, new TestClock());
  });

  it('when reminders are due, then each is sent once to the person’s chat and marked sent; one not yet due waits', async () => {
    await rig.install('anna', 'erik', 'olle');
    await rig.plan(['anna', 'erik']);
    await rig.plan(['olle'], new Date(rig.clock.now().getTime() + 3600 * SECOND));

    expect(await rig.worker().runOnce()).toBe(2);

    expect(rig.deliveredKeys().sort()).toEqual([
      'follow-up:plan-anna:activity-1',
      'follow-up:plan-erik:activity-1',
    ]);
    expect(connector.received.map((r) => r.conversationId).sort()).toEqual([
      'a:personal-anna',
      'a:personal-erik',
    ]);
    expect(await rig.queue.counts()).toMatchObject({ sent: 2, pending: 1 });
    expect(await rig.worker().runOnce()).toBe(0);
  });

  it('when Teams answers 429 with Retry-After, then exactly one request was made, and the reminder waits that long before it is sent', async () => {
    await rig.install('anna');
    await rig.plan(['anna']);
    connector.injectFaults({ status: 429, retryAfterSeconds: 30 });

    await rig.worker().runOnce();
    expect(connector.receivedCount).toBe(0);
    const [waiting] = await rig.queue.list({ status: 'pending' });
    expect(waiting?.attempts).toBe(1);
    expect(waiting?.dueAt.getTime()).toBe(rig.clock.now().getTime() + 30 * SECOND);

    rig.clock.advance(29 * SECOND);
    expect(await rig.worker().runOnce()).toBe(0);
    rig.clock.advance(1 * SECOND);
    await rig.worker().runOnce();
    expect(rig.deliveredKeys()).toEqual(['follow-up:plan-anna:activity-1']);
  });

  it.each([412, 500, 502, 503, 504])(
    'when Teams answers %i, then the reminder is retried after a jittered backoff, and sent then',
    async (status) => {
      await rig.install('anna');
      await rig.plan(['anna']);
      connector.injectFaults({ status });

      await rig.worker().runOnce();
      const [waiting] = await rig.queue.list({ status: 'pending' });
      const delay = (waiting?.dueAt.getTime() ?? 0) - rig.clock.now().getTime();
      // random() is 0.5 in the rig: half of the first backoff ceiling (2 s), at least 1 s.
      expect(delay).toBe(1 * SECOND);
      expect(waiting?.lastError).toContain(String(status));

      rig.clock.advance(delay);
      await rig.worker().runOnce();
      expect(rig.deliveredKeys()).toEqual(['follow-up:plan-anna:activity-1']);
    },
  );

  it.each([403, 404])(
    'when Teams answers %i (blocked or gone), then the reminder is dead-lettered without retrying, the chat is forgotten, and the person’s later reminders are not tried',
    async (status) => {
      await rig.install('anna');
      await rig.plan(['anna']);
      connector.injectFaults({ status });

      await rig.worker().runOnce();
      const [dead] = await rig.queue.list({ status: 'dead' });
      expect(dead?.lastError).toContain(String(status));
      expect(await rig.references.findPersonalForUsers(['anna'])).toEqual(new Map());

      await rig.queue.replace('follow-up:plan-anna-2:', [
        {
          key: 'follow-up:plan-anna-2:activity-1',
          personId: 'anna',
          dueAt: rig.clock.now(),
          payload: {
            kind: 'effect-follow-up',
            planId: 'plan-anna-2',
            activityId: 'activity-1',
            dueDate: '2026-11-20',
          },
        },
      ]);
      await rig.worker().runOnce();
      expect(connector.receivedCount).toBe(0);
      expect(await rig.queue.list({ status: 'skipped' })).toEqual([
        expect.objectContaining({
          key: 'follow-up:plan-anna-2:activity-1',
          lastError: 'not installed',
        }),
      ]);
    },
  );

  it('when Teams keeps failing, then after the last attempt the reminder is dead-lettered and listed, not retried forever', async () => {
    await rig.install('anna');
    await rig.plan(['anna']);
    const worker = rig.worker({ retry: { maxAttempts: 3, baseDelayMs: 2000, maxDelayMs: 60_000 } });
    for (let attempt = 1; attempt <= 3; attempt++) {
      connector.injectFaults({ status: 503 });
      await worker.runOnce();
      rig.clock.advance(60 * SECOND);
    }
    expect(await worker.runOnce()).toBe(0);
    expect(await rig.queue.list({ status: 'dead' })).toEqual([
      expect.objectContaining({ attempts: 3, lastError: expect.stringMatching(/3 attempts/) }),
    ]);
    expect(worker.counters).toMatchObject({ retried: 2, deadLettered: 1, sent: 0 });
  });

  it('when a reminder falls due at night, then it is not sent but moved to the start of the next working day, and that does not count as an attempt', async () => {
    rig.clock.current = new Date('2026-11-27T21:30:00Z'); // Friday 22:30 in Stockholm
    await rig.install('anna');
    await rig.plan(['anna']);

    await rig.worker().runOnce();
    expect(connector.receivedCount).toBe(0);
    const [waiting] = await rig.queue.list({ status: 'pending' });
    expect(waiting?.dueAt.toISOString()).toBe('2026-11-30T07:00:00.000Z'); // Monday 08:00
    expect(waiting?.attempts).toBe(0);
  });

  it('when the person has paused reminders, then a follow-up waits until after the pause', async () => {
    await rig.install('anna');
    await rig.settings.save({
      personId: 'anna',
      reflectionRhythm: 'every-other-week',
      pause: { from: '2026-11-23', to: '2026-12-04' },
      updatedAt: rig.clock.now().toISOString(),
    });
    await rig.plan(['anna']);

    await rig.worker().runOnce();
    expect(connector.receivedCount).toBe(0);
    const [waiting] = await rig.queue.list({ status: 'pending' });
    expect(waiting?.dueAt.toISOString()).toBe('2026-12-07T07:00:00.000Z'); // Monday after
  });

  it('when two workers claim from the same queue at once, then every reminder is sent exactly once', async () => {
    const everyone = people(300);
    await rig.install(...everyone);
    await rig.plan(everyone);
    const secondQueue =
      'connect' in fresh && typeof fresh.connect === 'function'
        ? new SqlReminderQueue(await (fresh as { connect(): Promise<never> }).connect())
        : rig.queue;
    const first = rig.worker({ workerId: 'one', batchSize: 20 });
    const second = rig.worker({ workerId: 'two', batchSize: 20 }, secondQueue);

    const drain = async (worker: typeof first) => {
      while ((await worker.runOnce()) > 0);
    };
    await Promise.all([drain(first), drain(second)]);

    expect(connector.receivedCount).toBe(300);
    expect([...connector.perConversation.values()].every((count) => count === 1)).toBe(true);
    expect(first.counters.sent).toBeGreaterThan(0);
    expect(second.counters.sent).toBeGreaterThan(0);
    expect(first.counters.sent + second.counters.sent).toBe(300);
  });

  it('when an instance dies holding claims, then another sends those reminders once the lease is over, not before', async () => {
    await rig.install('anna', 'erik');
    await rig.plan(['anna', 'erik']);
    // The dead instance claimed both and never settled them.
    await rig.queue.claimDue(rig.clock.now(), 10, { leaseMs: 60_000, workerId: 'dead' });

    expect(await rig.worker().runOnce()).toBe(0);
    rig.clock.advance(60 * SECOND);
    expect(await rig.worker().runOnce()).toBe(2);
    expect(rig.deliveredKeys()).toHaveLength(2);
  });

  it('when an instance is too slow to send a reminder within most of its lease, then it hands the reminder back unsent, without counting an attempt, rather than race another instance', async () => {
    await rig.install('anna');
    await rig.plan(['anna']);
    rig.composeDelayMs = 120;
    const worker = rig.worker({ leaseMs: 100 });

    await worker.runOnce();
    expect(connector.receivedCount).toBe(0);
    expect(worker.counters).toMatchObject({ handedBack: 1, sent: 0 });
    expect(await rig.queue.list({ status: 'pending' })).toEqual([
      expect.objectContaining({ attempts: 0, dueAt: rig.clock.now() }),
    ]);
  });

  it('when a reminder due at once is planned while the worker waits, then waking it sends the reminder now, not after the idle pause', async () => {
    await rig.install('anna');
    const worker = rig.worker({ idlePollMs: 60_000 });
    worker.start();
    try {
      // Its first look found nothing; it now waits a minute before the next.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await rig.plan(['anna']);
      worker.wake();
      await eventually(
        async () => connector.receivedCount,
        (count) => expect(count).toBe(1),
        5000,
      );
    } finally {
      await worker.stop();
    }
  });

  it('when the worker is stopped in the middle of a batch, then the batch in hand is sent and settled first', async () => {
    const everyone = people(40);
    await rig.install(...everyone);
    await rig.plan(everyone);
    const worker = rig.worker({ batchSize: 40, concurrency: 2 });
    worker.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await worker.stop();

    const counts = await rig.queue.counts();
    expect(counts.sending).toBe(0);
    expect(counts.sent).toBe(connector.receivedCount);
  });
});

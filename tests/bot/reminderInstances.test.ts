import { SqlReminderQueue } from '../../bot/storage/sqlReminderQueue';
import { FakeBotConnector } from '../fakes/botConnector';
import { eventually } from '../support/eventually';
import { freshPostgresSchema, type FreshPostgresSchema } from '../support/freshDatabase';
import { startTestService, type TestService } from '../support/inProcessService';
import { ReminderRig, TestClock, WORKING_MORNING } from '../support/reminderRig';
import { describeWithPostgres } from '../support/testEnvironment';

const PEOPLE = Array.from({ length: 240 }, (_, i) => `person-${String(i).padStart(3, '0')}`);

/**
 * Issue 6: "two service instances claiming the same queue" — the whole service twice, as a
 * region runs it behind a load balancer, on one PostgreSQL schema, each with its worker on.
 */
describeWithPostgres('two service instances on one PostgreSQL', () => {
  let schema: FreshPostgresSchema;
  let connector: FakeBotConnector;
  let instances: TestService[] = [];

  beforeAll(async () => {
    schema = await freshPostgresSchema();
    connector = await new FakeBotConnector().start();
  });
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await connector.stop();
    await schema.dispose();
  });

  it('when both instances run their workers on the same due reminders, then every person gets theirs exactly once, and both did part of the work', async () => {
    // Everyone has installed the app and has an everyday question due now.
    const rig = new ReminderRig(schema.db, connector, new TestClock());
    await rig.install(...PEOPLE);
    const queue = new SqlReminderQueue(schema.db);
    for (const person of PEOPLE) {
      await queue.replace(`reflection:${person}:`, [
        {
          key: `reflection:${person}:0`,
          personId: person,
          dueAt: WORKING_MORNING,
          payload: { kind: 'reflection-prompt', sequence: 0 },
        },
      ]);
    }

    // 40 a second each: a claim takes 40, so the work lasts long enough for both to take part.
    const env = { DATABASE_URL: schema.url, REMINDERS: 'on', REMINDER_SEND_RATE: '40' };
    instances = await Promise.all([
      startTestService(env, { now: () => WORKING_MORNING }),
      startTestService(env, { now: () => WORKING_MORNING }),
    ]);

    await eventually(
      () => queue.counts(),
      (counts) => expect(counts.sent).toBe(PEOPLE.length),
      30_000,
    );
    expect(connector.receivedCount).toBe(PEOPLE.length);
    expect(new Set(connector.perConversation.values())).toEqual(new Set([1]));
    const [first, second] = instances.map(
      (instance) => instance.reminderWorker?.counters.sent ?? 0,
    );
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(0);
    expect((first ?? 0) + (second ?? 0)).toBe(PEOPLE.length);
    // Each sent prompt planned the person's next one, weeks ahead.
    expect((await queue.counts()).pending).toBe(PEOPLE.length);
  }, 60_000);
});

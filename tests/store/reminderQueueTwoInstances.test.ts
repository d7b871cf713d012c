import type { SqlDatabase } from '../../bot/storage/sqlDatabase';
import { SqlReminderQueue } from '../../bot/storage/sqlReminderQueue';
import type { PlannedReminder } from '../../core/reminders/reminderJob';
import {
  freshEmbeddedDatabase,
  freshPostgresSchema,
  type FreshDatabase,
  type FreshPostgresSchema,
} from '../support/freshDatabase';
import { describeWithPostgres } from '../support/testEnvironment';

const NOW = new Date('2026-03-02T08:00:00Z');
const LEASE_MS = 10 * 60_000;

/** `count` reflection prompts, all due, spread over people and times. */
async function planDuePrompts(queue: SqlReminderQueue, count: number): Promise<void> {
  const people = 20;
  for (let person = 0; person < people; person++) {
    const personId = `employee-${person}`;
    const planned: PlannedReminder[] = [];
    for (let sequence = person; sequence < count; sequence += people) {
      planned.push({
        key: `reflection:${personId}:${sequence}`,
        personId,
        dueAt: new Date(NOW.getTime() - sequence * 1000),
        payload: { kind: 'reflection-prompt', sequence },
      });
    }
    await queue.replace(`reflection:${personId}:`, planned);
  }
}

/** A worker claiming small batches until the queue has nothing due; returns what it got. */
async function claimUntilEmpty(queue: SqlReminderQueue, workerId: string): Promise<string[]> {
  const claimed: string[] = [];
  for (;;) {
    const batch = await queue.claimDue(NOW, 25, { leaseMs: LEASE_MS, workerId });
    if (batch.length === 0) return claimed;
    claimed.push(...batch.map((job) => job.id));
  }
}

/** Runs `lanes` claim loops per queue at once; the ids each queue claimed. */
async function claimConcurrently(queues: SqlReminderQueue[], lanes: number): Promise<string[][]> {
  return Promise.all(
    queues.map(async (queue, instance) =>
      (
        await Promise.all(
          Array.from({ length: lanes }, (_, lane) =>
            claimUntilEmpty(queue, `instance-${instance}-lane-${lane}`),
          ),
        )
      ).flat(),
    ),
  );
}

function expectEachClaimedOnce(claims: string[][], total: number): void {
  const all = claims.flat();
  expect(all).toHaveLength(total);
  expect(new Set(all).size).toBe(total);
}

describeWithPostgres('the reminder queue on PostgreSQL with two instances', () => {
  const JOBS = 2000;
  let fresh: FreshPostgresSchema;
  let instances: SqlDatabase[];

  beforeAll(async () => {
    fresh = await freshPostgresSchema();
    // Two pools on one schema: two instances of the service, each with its own connections.
    instances = [fresh.db, await fresh.connect()];
  });

  afterAll(async () => {
    await fresh?.dispose();
  });

  it('when two instances claim from 2,000 due reminders at once until none are left, then every reminder is claimed exactly once and both instances got some', async () => {
    const queues = instances.map((db) => new SqlReminderQueue(db));
    await planDuePrompts(queues[0] as SqlReminderQueue, JOBS);

    const claims = await claimConcurrently(queues, 3);

    expectEachClaimedOnce(claims, JOBS);
    for (const claimedByOne of claims) expect(claimedByOne.length).toBeGreaterThan(0);
    expect(await queues[0]?.counts()).toMatchObject({ sending: JOBS, pending: 0 });
  });
});

describe('the reminder queue on the embedded database (PGlite)', () => {
  let fresh: FreshDatabase;

  beforeAll(async () => {
    fresh = await freshEmbeddedDatabase();
  });

  afterAll(async () => {
    await fresh?.dispose();
  });

  it('when several claim loops of the one instance run at once, then PGlite takes the locking claim and each reminder is claimed exactly once', async () => {
    const queue = new SqlReminderQueue(fresh.db);
    await planDuePrompts(queue, 200);

    const claims = await claimConcurrently([queue], 3);

    expectEachClaimedOnce(claims, 200);
  });
});

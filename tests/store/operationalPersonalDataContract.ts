import { SqlJobLeases, SqlOperationalPersonalData } from '../../bot/storage/sqlPersonalData';
import { SqlBotStateStorage } from '../../bot/storage/sqlBotStateStorage';
import { SqlConversationReferenceStore } from '../../bot/storage/sqlConversationReferenceStore';
import type { SqlDatabase } from '../../bot/storage/sqlDatabase';
import { SqlReminderQueue } from '../../bot/storage/sqlReminderQueue';
import { SqlReminderSettingsStore } from '../../bot/storage/sqlReminderSettingsStore';
import { SqlWelcomeRegistry } from '../../bot/storage/sqlWelcomeRegistry';
import { RetentionJob } from '../../bot/privacy/retentionJob';
import { createLogger } from '../../bot/logger';
import { getProfile, listProfiles } from '../../core/profiles/profiles';
import { defaultReminderSettings } from '../../core/reminders/reminderSettings';
import type { PlanStore } from '../../core/ports/planStore';
import { SqlPlanStore } from '../../bot/storage/sqlPlanStore';

let counter = 0;
const uniqueId = (prefix: string): string => `${prefix}-${Date.now()}-${++counter}`;

/**
 * The operational database's part of "radera mina data" and of retention, and the lease that
 * lets one instance run a retention round: declared inside the store contract, so they run
 * on the embedded database and on PostgreSQL.
 */
export function describeOperationalPersonalDataContract(database: () => SqlDatabase): void {
  let db: SqlDatabase;
  beforeAll(() => {
    db = database();
  });

  /** What the bot remembers of a person after a few days of use. */
  async function rememberedPerson(personId: string) {
    const conversationId = `a:${uniqueId('conversation')}`;
    await new SqlConversationReferenceStore(db).upsert({
      userId: personId,
      conversationId,
      conversationType: 'personal',
      serviceUrl: 'https://smba.example/',
      tenantId: 'tenant-1',
      reference: {
        conversation: {
          id: conversationId,
          isGroup: false,
          conversationType: 'personal',
          name: '',
        },
      },
    });
    await new SqlBotStateStorage(db).write({
      [`msteams/conversations/${conversationId}/`]: { step: 2 },
    });
    await new SqlWelcomeRegistry(db).markWelcomed(`personal:${personId}`);
    await new SqlReminderSettingsStore(db).save(
      defaultReminderSettings(personId, new Date('2026-04-01T08:00:00Z')),
    );
    const dialogueId = uniqueId('dialogue');
    await new SqlReminderQueue(db).replace(`dialogue:${dialogueId}:`, [
      {
        key: `dialogue:${dialogueId}:employee:2`,
        personId,
        dueAt: new Date('2026-05-01T08:00:00Z'),
        payload: {
          kind: 'dialogue-employee',
          dialogueId,
          scheduledAt: '2026-05-05T09:00:00+02:00',
          workingDaysBefore: 2,
        },
      },
      {
        // To the manager, about this person: goes with them.
        key: `dialogue:${dialogueId}:manager:2`,
        personId: 'manager-1',
        dueAt: new Date('2026-05-01T08:00:00Z'),
        payload: {
          kind: 'dialogue-manager',
          dialogueId,
          employeeId: personId,
          scheduledAt: '2026-05-05T09:00:00+02:00',
          workingDaysBefore: 2,
        },
      },
    ]);
    return { conversationId };
  }

  it('when a person erases their data, then the bot forgets them everywhere, reminders to others about them included, and another person is untouched', async () => {
    const [anna, erik] = [uniqueId('employee'), uniqueId('employee')];
    const { conversationId } = await rememberedPerson(anna);
    await rememberedPerson(erik);

    const erased = await new SqlOperationalPersonalData(db).erasePerson(anna);

    expect(erased).toEqual({
      preparationDrafts: 0,
      reminderJobs: 2,
      reminderSettings: 1,
      conversationReferences: 1,
      welcomes: 1,
      botState: 1,
    });
    expect(await new SqlConversationReferenceStore(db).listForUser(anna)).toEqual([]);
    expect(await new SqlReminderSettingsStore(db).get(anna)).toBeUndefined();
    expect(await new SqlReminderQueue(db).list({ status: 'pending', personId: anna })).toEqual([]);
    const state = await new SqlBotStateStorage(db).read([
      `msteams/conversations/${conversationId}/`,
    ]);
    expect(state).toEqual({});
    // Welcomed again the next time they write: the registry forgot them.
    expect(await new SqlWelcomeRegistry(db).markWelcomed(`personal:${anna}`)).toBe(true);
    expect(await new SqlConversationReferenceStore(db).listForUser(erik)).toHaveLength(1);
    expect(await new SqlReminderSettingsStore(db).get(erik)).toBeDefined();
    expect(await new SqlOperationalPersonalData(db).erasePerson(anna)).toMatchObject({
      reminderJobs: 0,
      conversationReferences: 0,
    });
  });

  it('when two instances try the retention lease at once, then exactly one gets it, and nobody again until it runs out', async () => {
    const name = uniqueId('lease');
    const [first, second] = [new SqlJobLeases(db), new SqlJobLeases(db)];

    const got = await Promise.all([
      first.tryAcquire(name, 'instance-a', 60_000),
      second.tryAcquire(name, 'instance-b', 60_000),
    ]);

    expect(got.filter(Boolean)).toHaveLength(1);
    expect(await second.tryAcquire(name, 'instance-c', 60_000)).toBe(false);
    await db.query(
      `update job_leases set lease_until = clock_timestamp() - interval '1 second' where name = $1`,
      [name],
    );
    expect(await first.tryAcquire(name, 'instance-c', 60_000)).toBe(true);
  });

  it('when two instances run the retention job at the same time, then one round runs, old plans of each profile go, and this year’s stay', async () => {
    await db.query(`delete from job_leases where name = 'retention'`);
    const plans: PlanStore = new SqlPlanStore(db);
    const employee = uniqueId('employee');
    const plan = (year: number) => ({
      id: uniqueId('plan'),
      employeeId: employee,
      managerId: 'manager-1',
      profileId: 'vgr',
      year,
      status: 'draft' as const,
      version: 1,
      goals: [{ id: 'goal-1', text: 'Ett mål', priorityAreaIds: ['ai'] }],
      activities: [],
      createdAt: `${year}-02-01T09:00:00+01:00`,
      updatedAt: `${year}-02-01T09:00:00+01:00`,
    });
    const years = getProfile('vgr').retention.individualPlanYears;
    const expired = await plans.saveIndividualPlan(plan(2026 - years - 1), {
      expectedVersion: 0,
      savedBy: employee,
    });
    const kept = await plans.saveIndividualPlan(plan(2026 - years), {
      expectedVersion: 0,
      savedBy: employee,
    });
    const job = (holder: string) =>
      new RetentionJob(
        {
          plans,
          operationalData: new SqlOperationalPersonalData(db),
          leases: new SqlJobLeases(db),
          profiles: listProfiles(),
          now: () => new Date('2026-06-15T10:00:00+02:00'),
          logger: createLogger('silent'),
        },
        { holder, intervalMs: 3_600_000, firstDelayMs: 0 },
      );

    const rounds = await Promise.all([job('instance-a').runOnce(), job('instance-b').runOnce()]);

    expect(rounds.filter((round) => round.ran)).toHaveLength(1);
    expect(rounds.find((round) => round.ran)?.removed?.individualPlans).toBeGreaterThanOrEqual(1);
    expect(await plans.getIndividualPlanById(expired.id)).toBeUndefined();
    expect(await plans.getIndividualPlanById(kept.id)).toBeDefined();
  });
}

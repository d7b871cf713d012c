import { createLogger } from '../../bot/logger';
import {
  ReminderCatchUp,
  ReminderPlanner,
  withReminderPlanning,
} from '../../bot/reminders/reminderPlanning';
import { SqlPlanStore } from '../../bot/storage/sqlPlanStore';
import { SqlReminderQueue } from '../../bot/storage/sqlReminderQueue';
import type { PlanStore } from '../../core/ports/planStore';
import type { ReminderQueue } from '../../core/ports/reminderQueue';
import { activity, agreedPlan, dialogue, draftPlan, EMPLOYEE, MANAGER } from '../core/planBuilders';
import { freshEmbeddedDatabase, type FreshDatabase } from '../support/freshDatabase';
import { memoryLog } from '../support/memoryLog';

/** Wednesday 25 November 2026, 10:00 in Stockholm. */
const NOW = new Date('2026-11-25T09:00:00Z');

let fresh: FreshDatabase;
let queue: SqlReminderQueue;
let plans: PlanStore;
let planned: number;
const logger = createLogger('silent');

beforeAll(async () => {
  fresh = await freshEmbeddedDatabase();
});
afterAll(() => fresh.dispose());
beforeEach(async () => {
  await fresh.db.exec(
    'truncate reminder_jobs, dialogues cascade; truncate individual_plans cascade',
  );
  queue = new SqlReminderQueue(fresh.db);
  planned = 0;
  plans = withReminderPlanning(
    new SqlPlanStore(fresh.db),
    new ReminderPlanner({ queue, now: () => NOW, logger, onPlanned: () => planned++ }),
    logger,
  );
});

const pending = async () =>
  (await queue.list({ status: 'pending' }))
    .map((job) => [job.key, job.personId, job.dueAt.toISOString()])
    .sort();

describe('reminders follow the dialogues and plans, whoever saves them', () => {
  it('when a dialogue is booked, then the employee is reminded 10 and 2 working days before, the manager 2 days before, and the manager is nudged the working day after', async () => {
    // Tuesday 15 December 2026 at 10:00 in Stockholm.
    await plans.saveDialogue(dialogue({ id: 'd1', scheduledAt: '2026-12-15T10:00:00+01:00' }));

    expect(await pending()).toEqual([
      ['dialogue:d1:after', MANAGER, '2026-12-16T09:00:00.000Z'],
      ['dialogue:d1:employee:10', EMPLOYEE, '2026-12-01T09:00:00.000Z'],
      ['dialogue:d1:employee:2', EMPLOYEE, '2026-12-11T09:00:00.000Z'],
      ['dialogue:d1:manager:2', MANAGER, '2026-12-11T09:00:00.000Z'],
    ]);
    expect(planned).toBe(1);
  });

  it('when the dialogue booked is the follow-up of the plan, not the one the plan is written after, then nobody is nudged to write a plan', async () => {
    await plans.saveDialogue(
      dialogue({
        id: 'd3',
        dialogueTypeId: 'uppfoljning',
        scheduledAt: '2026-12-15T10:00:00+01:00',
      }),
    );
    expect((await pending()).map(([key]) => key)).toEqual([
      'dialogue:d3:employee:10',
      'dialogue:d3:employee:2',
      'dialogue:d3:manager:2',
    ]);
  });

  it('when the dialogue is moved, then its reminders move with it, and none is left at the old times', async () => {
    await plans.saveDialogue(dialogue({ id: 'd1', scheduledAt: '2026-12-15T10:00:00+01:00' }));
    // Thursday 21 January 2027 at 13:00.
    await plans.saveDialogue(dialogue({ id: 'd1', scheduledAt: '2027-01-21T13:00:00+01:00' }));

    expect(await pending()).toEqual([
      ['dialogue:d1:after', MANAGER, '2027-01-22T12:00:00.000Z'],
      ['dialogue:d1:employee:10', EMPLOYEE, '2027-01-07T12:00:00.000Z'],
      ['dialogue:d1:employee:2', EMPLOYEE, '2027-01-19T12:00:00.000Z'],
      ['dialogue:d1:manager:2', MANAGER, '2027-01-19T12:00:00.000Z'],
    ]);
  });

  it('when the dialogue is cancelled, then its reminders are dropped', async () => {
    await plans.saveDialogue(dialogue({ id: 'd1', scheduledAt: '2026-12-15T10:00:00+01:00' }));
    await plans.saveDialogue(
      dialogue({ id: 'd1', scheduledAt: '2026-12-15T10:00:00+01:00', status: 'cancelled' }),
    );

    expect(await pending()).toEqual([]);
    expect((await queue.counts()).cancelled).toBe(4);
  });

  it('when a plan is agreed, then each activity not cancelled gets an effect follow-up after its due date; a draft gets none', async () => {
    await plans.saveIndividualPlan(
      draftPlan({ id: 'p1', activities: [activity(1, { dueDate: '2026-12-10' })] }),
      {
        expectedVersion: 0,
        savedBy: MANAGER,
      },
    );
    expect(await pending()).toEqual([]);

    await plans.saveIndividualPlan(
      agreedPlan({
        id: 'p1',
        version: 1,
        activities: [
          activity(1, { dueDate: '2026-12-10' }),
          activity(2, { dueDate: '2026-12-10', status: 'cancelled' }),
        ],
      }),
      { expectedVersion: 1, savedBy: EMPLOYEE },
    );
    const jobs = await queue.list({ status: 'pending' });
    expect(jobs.map((job) => [job.key, job.personId])).toEqual([
      ['follow-up:p1:activity-1', EMPLOYEE],
    ]);
    // The working day after the due date (Friday 11 December), inside working hours.
    expect(jobs[0]?.dueAt.toISOString().slice(0, 10)).toBe('2026-12-11');
  });

  it('when planning the reminders fails, then the dialogue is still saved and the failure is logged', async () => {
    const log = memoryLog();
    const failing = {
      replace: () => Promise.reject(new Error('queue unreachable')),
    } as unknown as ReminderQueue;
    const store = withReminderPlanning(
      new SqlPlanStore(fresh.db),
      new ReminderPlanner({ queue: failing, now: () => NOW, logger: log.logger }),
      log.logger,
    );

    await store.saveDialogue(dialogue({ id: 'd2', scheduledAt: '2026-12-15T10:00:00+01:00' }));

    expect(await store.getDialogue('d2')).toMatchObject({ id: 'd2' });
    expect(log.tail()).toContain('reminders could not be planned');
  });

  it('when the service died between saving a dialogue and planning its reminders, then the catch-up after the restart plans them', async () => {
    // Saved through the bare store: the planning never happened.
    const bare = new SqlPlanStore(fresh.db);
    await bare.saveDialogue(dialogue({ id: 'd4', scheduledAt: '2026-12-15T10:00:00+01:00' }));
    await bare.saveIndividualPlan(
      agreedPlan({ id: 'p4', activities: [activity(1, { dueDate: '2026-12-10' })] }),
      { expectedVersion: 0, savedBy: EMPLOYEE },
    );
    expect(await pending()).toEqual([]);

    const catchUp = new ReminderCatchUp(
      bare,
      new ReminderPlanner({ queue, now: () => NOW, logger }),
      logger,
      { firstLookBackMs: 3600_000, intervalMs: 600_000 },
    );
    expect(await catchUp.runOnce(3600_000)).toEqual({ dialogues: 1, plans: 1 });
    expect((await pending()).map(([key]) => key)).toEqual([
      'dialogue:d4:after',
      'dialogue:d4:employee:10',
      'dialogue:d4:employee:2',
      'dialogue:d4:manager:2',
      'follow-up:p4:activity-1',
    ]);

    // A second round changes nothing.
    const before = await queue.list({ status: 'pending' });
    await catchUp.runOnce(3600_000);
    expect(await queue.list({ status: 'pending' })).toEqual(before);
  });
});

import type { SqlDatabase } from '../../bot/storage/sqlDatabase';
import { SqlReminderQueue } from '../../bot/storage/sqlReminderQueue';
import type { ClaimedReminder } from '../../core/ports/reminderQueue';
import { StoredDocumentError } from '../../core/ports/storeErrors';
import type { PlannedReminder, ReminderPayload } from '../../core/reminders/reminderJob';

const T0 = new Date('2026-03-02T08:00:00Z');
const MINUTE = 60_000;
/** The fake clock: `minutes` after T0. */
const at = (minutes: number): Date => new Date(T0.getTime() + minutes * MINUTE);
const LEASE = { leaseMs: 10 * MINUTE, workerId: 'instance-a' };

function employeeReminder(
  dialogueId: string,
  daysBefore: number,
  dueInMinutes: number,
  scheduledAt = '2026-03-20T09:00:00+01:00',
): PlannedReminder {
  return {
    key: `dialogue:${dialogueId}:employee:${daysBefore}`,
    personId: 'employee-1',
    dueAt: at(dueInMinutes),
    payload: { kind: 'dialogue-employee', dialogueId, scheduledAt, workingDaysBefore: daysBefore },
  };
}

function reflectionPrompt(personId: string, sequence: number, dueInMinutes: number) {
  return {
    keyPrefix: `reflection:${personId}:`,
    planned: [
      {
        key: `reflection:${personId}:${sequence}`,
        personId,
        dueAt: at(dueInMinutes),
        payload: { kind: 'reflection-prompt', sequence } satisfies ReminderPayload,
      },
    ],
  };
}

/** The reminder queue's cases, declared inside the store contract on its migrated database. */
export function describeReminderQueueContract(database: () => SqlDatabase): void {
  let queue: SqlReminderQueue;
  beforeAll(() => {
    queue = new SqlReminderQueue(database());
  });
  // Claiming takes from the whole queue, so each case starts from an empty one.
  beforeEach(async () => {
    await database().query('delete from reminder_jobs');
  });

  const keysIn = async (status: 'pending' | 'cancelled' | 'sent' | 'sending') =>
    (await queue.list({ status })).map((job) => job.key);

  /** Plans one reminder and claims it at its due time. */
  async function claimedReminder(planned = employeeReminder('d1', 10, 0)) {
    await queue.replace('dialogue:d1:', [planned]);
    const [claimed] = await queue.claimDue(planned.dueAt, 10, LEASE);
    if (!claimed) throw new Error('the planned reminder was not claimed');
    return claimed;
  }

  describe('reminder queue: planning', () => {
    it('when a dialogue is planned, then moved, then its reminders follow: kept ones move, dropped ones are cancelled, new ones are added', async () => {
      await queue.replace('dialogue:d1:', [
        employeeReminder('d1', 10, 0),
        employeeReminder('d1', 2, 60),
      ]);

      const moved = employeeReminder('d1', 10, 30, '2026-03-27T09:00:00+01:00');
      await queue.replace('dialogue:d1:', [moved, employeeReminder('d1', 1, 90)]);

      const pending = await queue.list({ status: 'pending' });
      expect(pending.map((job) => [job.key, job.dueAt, job.payload, job.attempts])).toEqual([
        ['dialogue:d1:employee:10', at(30), moved.payload, 0],
        ['dialogue:d1:employee:1', at(90), employeeReminder('d1', 1, 90).payload, 0],
      ]);
      expect(await keysIn('cancelled')).toEqual(['dialogue:d1:employee:2']);
    });

    it('when the prefix holds _ or %, then they match only themselves, so similar keys keep their reminders', async () => {
      const withKey = (key: string) => ({ ...employeeReminder('d1', 10, 0), key });
      await queue.replace('dialogue:a_1:', [withKey('dialogue:a_1:employee:10')]);
      await queue.replace('dialogue:aX1:', [withKey('dialogue:aX1:employee:10')]);
      await queue.replace('dialogue:a%:', [withKey('dialogue:a%:employee:10')]);
      await queue.replace('dialogue:aY:', [withKey('dialogue:aY:employee:10')]);

      await queue.replace('dialogue:a_1:', []);
      await queue.replace('dialogue:a%:', []);

      expect((await keysIn('pending')).sort()).toEqual([
        'dialogue:aX1:employee:10',
        'dialogue:aY:employee:10',
      ]);
      expect((await keysIn('cancelled')).sort()).toEqual([
        'dialogue:a%:employee:10',
        'dialogue:a_1:employee:10',
      ]);
    });

    const invalidPlans: [string, string, PlannedReminder[]][] = [
      ['a key outside the prefix', 'dialogue:d1:', [employeeReminder('d2', 10, 0)]],
      [
        'a payload that breaks its schema',
        'dialogue:d1:',
        [
          {
            ...employeeReminder('d1', 10, 0),
            payload: { kind: 'reflection-prompt', sequence: -1 },
          },
        ],
      ],
      [
        'the same key twice',
        'dialogue:d1:',
        [employeeReminder('d1', 10, 0), employeeReminder('d1', 10, 30)],
      ],
      ['an empty prefix', '', [employeeReminder('d1', 10, 0)]],
      [
        'a time that is not a time',
        'dialogue:d1:',
        [{ ...employeeReminder('d1', 10, 0), dueAt: new Date('not a time') }],
      ],
    ];
    it.each(invalidPlans)(
      'when a plan has %s, then it is refused and the reminders already planned stay',
      async (_case, keyPrefix, planned) => {
        await queue.replace('dialogue:d1:', [employeeReminder('d1', 2, 60)]);

        await expect(queue.replace(keyPrefix, planned)).rejects.toThrow();

        expect(await keysIn('pending')).toEqual(['dialogue:d1:employee:2']);
        expect((await queue.counts()).cancelled).toBe(0);
      },
    );

    it('when a sent reminder is planned again unchanged, then it stays sent; when its dialogue moved, then it is pending again from the first attempt', async () => {
      const claimed = await claimedReminder();
      await queue.markSent(claimed, at(1));

      await queue.replace('dialogue:d1:', [employeeReminder('d1', 10, 0)]);
      expect(await keysIn('sent')).toEqual(['dialogue:d1:employee:10']);

      const moved = employeeReminder('d1', 10, 600, '2026-03-27T09:00:00+01:00');
      await queue.replace('dialogue:d1:', [moved]);
      expect(await queue.list({ status: 'pending' })).toEqual([
        expect.objectContaining({ key: moved.key, dueAt: moved.dueAt, attempts: 0 }),
      ]);
      expect(await keysIn('sent')).toEqual([]);
    });

    it('when a reminder waiting for a retry is planned again unchanged, then it keeps its retry time and attempts; when its planned time moves, then it takes the new time', async () => {
      const claimed = await claimedReminder();
      await queue.retryAt(claimed, at(15), 'Teams answered 503');

      await queue.replace('dialogue:d1:', [employeeReminder('d1', 10, 0)]);
      expect(await queue.list({ status: 'pending' })).toEqual([
        expect.objectContaining({ dueAt: at(15), attempts: 1, lastError: 'Teams answered 503' }),
      ]);

      await queue.replace('dialogue:d1:', [employeeReminder('d1', 10, 120)]);
      const [moved] = await queue.list({ status: 'pending' });
      expect(moved).toMatchObject({ dueAt: at(120), attempts: 0 });
      expect(moved?.lastError).toBeUndefined();
    });

    it.each([
      ['skipped', (job: ClaimedReminder) => queue.skip(job, 'not installed')],
      ['dead', (job: ClaimedReminder) => queue.deadLetter(job, 'Teams answered 403')],
    ] as const)(
      'when a %s reminder is planned again unchanged, then it stays as it is',
      async (status, settle) => {
        await settle(await claimedReminder());

        await queue.replace('dialogue:d1:', [employeeReminder('d1', 10, 0)]);

        expect(await queue.counts()).toMatchObject({ [status]: 1, pending: 0 });
      },
    );

    it('when a cancelled reminder is planned again, then it is pending again', async () => {
      await queue.replace('dialogue:d1:', [employeeReminder('d1', 10, 0)]);
      await queue.replace('dialogue:d1:', []);

      await queue.replace('dialogue:d1:', [employeeReminder('d1', 10, 0)]);

      expect(await keysIn('pending')).toEqual(['dialogue:d1:employee:10']);
      expect((await queue.counts()).cancelled).toBe(0);
    });

    it('when a reminder is replanned while it is being sent, then the sending claim is left alone and settles it', async () => {
      const claimed = await claimedReminder();

      await queue.replace('dialogue:d1:', [
        employeeReminder('d1', 10, 30, '2026-03-27T09:00:00+01:00'),
      ]);
      await queue.replace('dialogue:d1:', []);

      expect(await keysIn('sending')).toEqual([claimed.key]);
      expect(await queue.markSent(claimed, at(1))).toBe(true);
      expect(await keysIn('sent')).toEqual([claimed.key]);
    });
  });

  describe('reminder queue: claiming and settling', () => {
    it('when jobs come due, then a claim takes only the due ones, oldest first, at most the limit', async () => {
      await queue.replace('dialogue:d1:', [
        employeeReminder('d1', 1, 120),
        employeeReminder('d1', 10, 0),
        employeeReminder('d1', 5, 60),
        employeeReminder('d1', 2, 90),
      ]);

      const first = await queue.claimDue(at(90), 2, LEASE);
      const second = await queue.claimDue(at(90), 2, LEASE);
      const third = await queue.claimDue(at(90), 2, LEASE);

      expect(first.map((job) => job.key)).toEqual([
        'dialogue:d1:employee:10',
        'dialogue:d1:employee:5',
      ]);
      expect(second.map((job) => job.key)).toEqual(['dialogue:d1:employee:2']);
      expect(third).toEqual([]);
      expect(first[0]).toMatchObject({
        status: 'sending',
        attempts: 1,
        personId: 'employee-1',
        claimId: expect.stringMatching(/^instance-a:/),
      });
      expect(await keysIn('pending')).toEqual(['dialogue:d1:employee:1']);
    });

    it('when an instance crashes holding a claim, then no one takes the job before the lease ends, the next instance takes it after, and the crashed claim can settle nothing', async () => {
      const crashed = await claimedReminder();

      const beforeLeaseEnds = await queue.claimDue(at(9), 10, { ...LEASE, workerId: 'b' });
      const [retaken] = await queue.claimDue(at(10), 10, { ...LEASE, workerId: 'b' });

      expect(beforeLeaseEnds).toEqual([]);
      expect(retaken).toMatchObject({ id: crashed.id, attempts: 2 });
      expect(retaken?.claimId).not.toBe(crashed.claimId);
      expect(await queue.markSent(crashed, at(11))).toBe(false);
      expect(await keysIn('sending')).toEqual([crashed.key]);
      expect(await queue.markSent(retaken as ClaimedReminder, at(11))).toBe(true);
      expect(await keysIn('sent')).toEqual([crashed.key]);
    });

    const settlements: [string, (job: ClaimedReminder) => Promise<boolean>][] = [
      ['marks it sent', (job) => queue.markSent(job, at(20))],
      ['retries it', (job) => queue.retryAt(job, at(30), 'Teams answered 429')],
      ['skips it', (job) => queue.skip(job, 'paused')],
      ['defers it', (job) => queue.defer(job, at(60))],
      ['dead-letters it', (job) => queue.deadLetter(job, 'Teams answered 404')],
      [
        'marks it sent and plans the next',
        (job) => queue.markSentAndReplace(job, at(20), reflectionPrompt('employee-1', 1, 600)),
      ],
    ];
    it.each(settlements)(
      'when a claim that was lost %s, then it is refused and the job stays with its new claim',
      async (_case, settleWithLostClaim) => {
        const lost = await claimedReminder();
        const [current] = await queue.claimDue(at(10), 10, { ...LEASE, workerId: 'b' });

        expect(await settleWithLostClaim(lost)).toBe(false);

        expect(await queue.list({ status: 'sending' })).toEqual([
          expect.objectContaining({ id: lost.id, attempts: 2 }),
        ]);
        expect(await queue.counts()).toMatchObject({ sending: 1, pending: 0 });
        expect(await queue.markSent(current as ClaimedReminder, at(20))).toBe(true);
      },
    );

    it('when a send is to be retried, then the job is due again at the retry time with its error, and is claimed again then', async () => {
      const claimed = await claimedReminder();

      expect(await queue.retryAt(claimed, at(5), 'Teams answered 429')).toBe(true);

      expect(await queue.list({ status: 'pending' })).toEqual([
        expect.objectContaining({ dueAt: at(5), attempts: 1, lastError: 'Teams answered 429' }),
      ]);
      expect(await queue.claimDue(at(4), 10, LEASE)).toEqual([]);
      expect(await queue.claimDue(at(5), 10, LEASE)).toEqual([
        expect.objectContaining({ id: claimed.id, attempts: 2 }),
      ]);
    });

    it('when a job is deferred to working hours, then it is due again then and the claim did not count as an attempt', async () => {
      const claimed = await claimedReminder();

      expect(await queue.defer(claimed, at(600))).toBe(true);

      expect(await queue.claimDue(at(599), 10, LEASE)).toEqual([]);
      expect(await queue.claimDue(at(600), 10, LEASE)).toEqual([
        expect.objectContaining({ id: claimed.id, attempts: 1 }),
      ]);
    });

    it('when a reflection prompt is sent, then it is sent and the next one planned in one step', async () => {
      const first = reflectionPrompt('employee-1', 0, 0);
      await queue.replace(first.keyPrefix, first.planned);
      const [claimed] = await queue.claimDue(at(0), 10, LEASE);

      const next = reflectionPrompt('employee-1', 1, 14 * 24 * 60);
      expect(await queue.markSentAndReplace(claimed as ClaimedReminder, at(1), next)).toBe(true);

      expect(await keysIn('sent')).toEqual(['reflection:employee-1:0']);
      expect(await queue.list({ status: 'pending' })).toEqual([
        expect.objectContaining({
          key: 'reflection:employee-1:1',
          payload: { kind: 'reflection-prompt', sequence: 1 },
        }),
      ]);
    });

    it('when jobs are dead-lettered or skipped, then operators find them with their reasons, and the counts show every status', async () => {
      await queue.replace('dialogue:d1:', [
        employeeReminder('d1', 10, 0),
        employeeReminder('d1', 5, 1),
        employeeReminder('d1', 2, 2),
        { ...employeeReminder('d1', 1, 3), personId: 'employee-2' },
      ]);
      const [dead, skipped] = await queue.claimDue(at(1), 2, LEASE);
      await queue.deadLetter(dead as ClaimedReminder, 'Teams answered 403');
      await queue.skip(skipped as ClaimedReminder, 'not installed');

      expect(await queue.list({ status: 'dead' })).toEqual([
        {
          id: dead?.id,
          key: 'dialogue:d1:employee:10',
          personId: 'employee-1',
          dueAt: at(0),
          payload: employeeReminder('d1', 10, 0).payload,
          status: 'dead',
          attempts: 1,
          lastError: 'Teams answered 403',
        },
      ]);
      expect(await queue.list({ status: 'skipped' })).toEqual([
        expect.objectContaining({ key: 'dialogue:d1:employee:5', lastError: 'not installed' }),
      ]);
      expect(await queue.counts()).toEqual({
        pending: 2,
        sending: 0,
        sent: 0,
        skipped: 1,
        cancelled: 0,
        dead: 1,
      });
    });

    it("when a person's pending reminders are listed, then only theirs come, oldest due first, up to the limit", async () => {
      await queue.replace('dialogue:d1:', [
        { ...employeeReminder('d1', 1, 30), personId: 'employee-2' },
        employeeReminder('d1', 2, 20),
        employeeReminder('d1', 5, 10),
        employeeReminder('d1', 10, 0),
      ]);

      const listed = await queue.list({ status: 'pending', personId: 'employee-1', limit: 2 });

      expect(listed.map((job) => job.key)).toEqual([
        'dialogue:d1:employee:10',
        'dialogue:d1:employee:5',
      ]);
    });

    it('when a stored payload no longer matches its schema, then reading it fails loudly instead of sending half a reminder', async () => {
      await queue.replace('dialogue:d1:', [employeeReminder('d1', 10, 0)]);
      await database().query(`update reminder_jobs set payload = payload - 'dialogueId'`);

      await expect(queue.list({ status: 'pending' })).rejects.toBeInstanceOf(StoredDocumentError);
    });
  });
}

import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ClaimedReminder, ReminderQueue } from '../../core/ports/reminderQueue';
import {
  REMINDER_STATUSES,
  ReminderPayloadSchema,
  type PlannedReminder,
  type ReminderJob,
  type ReminderStatus,
} from '../../core/reminders/reminderJob';
import { EntityIdSchema } from '../../core/shared/schemas';
import type { SqlDatabase, SqlExecutor } from './sqlDatabase';
import { parseStored } from './versionedDocuments';

interface JobRow {
  id: string;
  key: string;
  person_id: string;
  due_at: Date;
  status: ReminderStatus;
  attempts: number;
  payload: unknown;
  last_error: string | null;
  claim_id: string | null;
}

const JOB_COLUMNS = 'id, key, person_id, due_at, status, attempts, payload, last_error, claim_id';

/** Without a limit, `list` returns this many: enough for an operator, bounded for the database. */
const DEFAULT_LIST_LIMIT = 100;
/** Errors come from Teams and the network; only their start is worth keeping. */
const ERROR_MAX = 1000;

const PlannedReminderSchema = z.object({
  key: z.string().min(1).max(400),
  personId: EntityIdSchema,
  dueAt: z.date(),
  payload: ReminderPayloadSchema,
});

/** Checks the whole plan before anything is written, so a bad one changes nothing. */
function validatedPlan(keyPrefix: string, planned: readonly PlannedReminder[]): PlannedReminder[] {
  if (keyPrefix.length === 0) {
    // An empty prefix would cancel every pending reminder of every person.
    throw new Error('A reminder key prefix must not be empty');
  }
  const keys = new Set<string>();
  return planned.map((reminder) => {
    const parsed = PlannedReminderSchema.parse(reminder);
    if (!parsed.key.startsWith(keyPrefix)) {
      throw new Error(`Reminder key "${parsed.key}" does not start with its prefix "${keyPrefix}"`);
    }
    if (keys.has(parsed.key)) throw new Error(`Reminder key "${parsed.key}" is planned twice`);
    keys.add(parsed.key);
    return parsed;
  });
}

/** A LIKE pattern matching exactly the keys that start with `prefix`. */
const startsWithPattern = (prefix: string): string => `${prefix.replace(/[\\%_]/g, '\\$&')}%`;

function jobOf(row: JobRow): ReminderJob {
  return {
    id: row.id,
    key: row.key,
    personId: row.person_id,
    dueAt: row.due_at,
    payload: parseStored(ReminderPayloadSchema, 'reminder job', row.id, row.payload),
    status: row.status,
    attempts: row.attempts,
    ...(row.last_error === null ? {} : { lastError: row.last_error }),
  };
}

function claimedOf(row: JobRow): ClaimedReminder {
  if (row.claim_id === null) throw new Error(`Reminder job ${row.id} was claimed without a claim`);
  return { ...jobOf(row), claimId: row.claim_id };
}

/**
 * The reminder queue in SQL, the same on PostgreSQL and PGlite.
 *
 * Planning again is idempotent: a job that has run its course (sent, skipped, dead) stays as
 * it is unless its payload or person changed, and a pending one keeps its retry time and
 * attempts unless its planned time changed; otherwise the job is pending again from attempt 0.
 * A job being sent is never touched by planning; its claim settles it.
 */
export class SqlReminderQueue implements ReminderQueue {
  constructor(private readonly db: SqlDatabase) {}

  async replace(keyPrefix: string, planned: readonly PlannedReminder[]): Promise<void> {
    const plan = validatedPlan(keyPrefix, planned);
    await this.db.transaction(async (tx) => {
      await lockPrefix(tx, keyPrefix);
      await replaceIn(tx, keyPrefix, plan);
    });
  }

  /**
   * One statement: the rows are locked as they are chosen and rows another instance has locked
   * are passed over, so two instances claiming at once never get the same job.
   */
  async claimDue(
    now: Date,
    limit: number,
    options: { leaseMs: number; workerId: string },
  ): Promise<ClaimedReminder[]> {
    if (!Number.isInteger(limit) || limit < 0) {
      throw new RangeError(`limit must be a whole number ≥ 0, not ${limit}`);
    }
    if (!(options.leaseMs > 0)) throw new RangeError(`leaseMs must be > 0, not ${options.leaseMs}`);
    if (limit === 0) return [];
    const rows = await this.db.query<JobRow>(
      // Materialized: the locking subquery must run once; as a join it could run again and
      // pick more rows than the limit.
      `with due as materialized (
         select id from reminder_jobs
         where (status = 'pending' and due_at <= $1::timestamptz)
            or (status = 'sending' and lease_until <= $1::timestamptz)
         order by due_at, id
         limit $2
         for update skip locked
       )
       update reminder_jobs as job set
         status = 'sending',
         claim_id = $3,
         lease_until = $4::timestamptz,
         attempts = job.attempts + 1,
         updated_at = now()
       from due
       where job.id = due.id
       returning job.*`,
      [
        now.toISOString(),
        limit,
        // A fresh id per claim: an instance whose lease ran out holds an id no job has any more.
        `${options.workerId}:${randomUUID()}`,
        new Date(now.getTime() + options.leaseMs).toISOString(),
      ],
    );
    return rows
      .map(claimedOf)
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id));
  }

  markSent(job: ClaimedReminder, at: Date): Promise<boolean> {
    return settle(this.db, job, "status = 'sent', sent_at = $3::timestamptz", [at.toISOString()]);
  }

  retryAt(job: ClaimedReminder, at: Date, error: string): Promise<boolean> {
    return settle(this.db, job, "status = 'pending', due_at = $3::timestamptz, last_error = $4", [
      at.toISOString(),
      error.slice(0, ERROR_MAX),
    ]);
  }

  skip(job: ClaimedReminder, reason: string): Promise<boolean> {
    return settle(this.db, job, "status = 'skipped', last_error = $3", [
      reason.slice(0, ERROR_MAX),
    ]);
  }

  defer(job: ClaimedReminder, until: Date): Promise<boolean> {
    return settle(
      this.db,
      job,
      "status = 'pending', due_at = $3::timestamptz, attempts = greatest(attempts - 1, 0)",
      [until.toISOString()],
    );
  }

  deadLetter(job: ClaimedReminder, error: string): Promise<boolean> {
    return settle(this.db, job, "status = 'dead', last_error = $3", [error.slice(0, ERROR_MAX)]);
  }

  async markSentAndReplace(
    job: ClaimedReminder,
    at: Date,
    next: { keyPrefix: string; planned: readonly PlannedReminder[] },
  ): Promise<boolean> {
    const plan = validatedPlan(next.keyPrefix, next.planned);
    return this.db.transaction(async (tx) => {
      // The prefix lock before the job's row lock, in the same order as `replace` takes them.
      await lockPrefix(tx, next.keyPrefix);
      const sent = await settle(tx, job, "status = 'sent', sent_at = $3::timestamptz", [
        at.toISOString(),
      ]);
      if (sent) await replaceIn(tx, next.keyPrefix, plan);
      return sent;
    });
  }

  async list(filter: {
    status: ReminderStatus;
    personId?: string;
    limit?: number;
  }): Promise<ReminderJob[]> {
    const rows = await this.db.query<JobRow>(
      `select ${JOB_COLUMNS} from reminder_jobs
       where status = $1 and ($2::text is null or person_id = $2)
       order by due_at, id
       limit $3`,
      [filter.status, filter.personId ?? null, filter.limit ?? DEFAULT_LIST_LIMIT],
    );
    return rows.map(jobOf);
  }

  async counts(): Promise<Record<ReminderStatus, number>> {
    const rows = await this.db.query<{ status: ReminderStatus; count: number }>(
      'select status, count(*)::integer as count from reminder_jobs group by status',
    );
    const counts = Object.fromEntries(REMINDER_STATUSES.map((status) => [status, 0])) as Record<
      ReminderStatus,
      number
    >;
    for (const row of rows) counts[row.status] = row.count;
    return counts;
  }
}

/**
 * Replans of one prefix (two instances saving the same dialogue) take turns, so the result is
 * one plan or the other, never a mix of both.
 */
async function lockPrefix(tx: SqlExecutor, keyPrefix: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtext('kompetensdialog.reminders:' || $1))`, [
    keyPrefix,
  ]);
}

async function replaceIn(
  tx: SqlExecutor,
  keyPrefix: string,
  plan: readonly PlannedReminder[],
): Promise<void> {
  await tx.query(
    `update reminder_jobs set status = 'cancelled', updated_at = now()
     where key like $1 escape '\\' and status = 'pending' and key <> all($2::text[])`,
    [startsWithPattern(keyPrefix), plan.map((reminder) => reminder.key)],
  );
  for (const reminder of plan) {
    await tx.query(
      `insert into reminder_jobs
         (id, key, kind, person_id, planned_due_at, due_at, status, attempts, payload)
       values ($1, $2, $3, $4, $5::timestamptz, $5::timestamptz, 'pending', 0, $6::jsonb)
       on conflict (key) do update set
         kind = excluded.kind,
         person_id = excluded.person_id,
         planned_due_at = excluded.planned_due_at,
         due_at = excluded.due_at,
         status = 'pending',
         attempts = 0,
         payload = excluded.payload,
         last_error = null,
         claim_id = null,
         lease_until = null,
         sent_at = null,
         updated_at = now()
       where reminder_jobs.status <> 'sending' and (
         reminder_jobs.status = 'cancelled'
         or reminder_jobs.payload <> excluded.payload
         or reminder_jobs.person_id <> excluded.person_id
         or (reminder_jobs.status = 'pending'
             and reminder_jobs.planned_due_at <> excluded.planned_due_at))`,
      [
        randomUUID(),
        reminder.key,
        reminder.payload.kind,
        reminder.personId,
        reminder.dueAt.toISOString(),
        JSON.stringify(reminder.payload),
      ],
    );
  }
}

/** Changes a claimed job only while the claim is still its own. */
async function settle(
  executor: SqlExecutor,
  job: ClaimedReminder,
  assignments: string,
  values: readonly unknown[],
): Promise<boolean> {
  const changed = await executor.query<{ id: string }>(
    `update reminder_jobs set ${assignments}, lease_until = null, updated_at = now()
     where id = $1 and claim_id = $2 and status = 'sending'
     returning id`,
    [job.id, job.claimId, ...values],
  );
  return changed.length === 1;
}

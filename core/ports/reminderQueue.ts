import type { PlannedReminder, ReminderJob, ReminderStatus } from '../reminders/reminderJob';

/** A job one instance has claimed; `claimId` proves the claim when the job is settled. */
export interface ClaimedReminder extends ReminderJob {
  claimId: string;
}

/**
 * The durable reminder queue: rows in the database, not timers, so a restart loses nothing.
 * Several instances claim from it at once; a job is claimed by one of them only
 * (`FOR UPDATE SKIP LOCKED`), and a claim that outlives its lease (a crashed instance) is
 * taken again — the one window in which a reminder can be sent twice.
 */
export interface ReminderQueue {
  /**
   * Makes the pending reminders under `keyPrefix` exactly `planned`: new keys are added, moved
   * ones get their new time, keys no longer planned are cancelled. A reminder already sent
   * stays sent unless its payload changed (a dialogue moved to a new time is reminded again).
   * One transaction, so a reader never sees half of a change.
   */
  replace(keyPrefix: string, planned: readonly PlannedReminder[]): Promise<void>;
  /** Claims up to `limit` jobs due at `now` (and expired claims), oldest due first. */
  claimDue(
    now: Date,
    limit: number,
    options: { leaseMs: number; workerId: string },
  ): Promise<ClaimedReminder[]>;
  /**
   * Settles a claimed job. False when the claim was lost (its lease expired and another
   * instance took it): the caller then leaves the job alone.
   */
  markSent(job: ClaimedReminder, at: Date): Promise<boolean>;
  retryAt(job: ClaimedReminder, at: Date, error: string): Promise<boolean>;
  skip(job: ClaimedReminder, reason: string): Promise<boolean>;
  /**
   * Hands the job back unsent, due at `until`, without counting the claim as an attempt:
   * outside working hours, during a pause, or when this instance ran out of lease.
   */
  defer(job: ClaimedReminder, until: Date): Promise<boolean>;
  deadLetter(job: ClaimedReminder, error: string): Promise<boolean>;
  /**
   * Marks the job sent and plans the next ones in one transaction (the next reflection prompt
   * follows the one just sent), so a crash between the two cannot lose the rhythm.
   */
  markSentAndReplace(
    job: ClaimedReminder,
    at: Date,
    next: { keyPrefix: string; planned: readonly PlannedReminder[] },
  ): Promise<boolean>;
  /** Jobs in a status, oldest due first: dead letters for operators, pending ones for a person. */
  list(filter: {
    status: ReminderStatus;
    personId?: string;
    limit?: number;
  }): Promise<ReminderJob[]>;
  /** How many jobs are in each status. */
  counts(): Promise<Record<ReminderStatus, number>>;
}

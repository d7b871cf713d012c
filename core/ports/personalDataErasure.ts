import type { ErasedOperationalRecords } from '../privacy/erasure';

/**
 * What the service keeps about a person beside the plans: the bot's memory of them (drafts,
 * reminders, how to reach them, whether they were welcomed, dialogue state). Erased with
 * the plans; the audit log is not part of it (see core/privacy/audit.ts).
 */
export interface OperationalPersonalData {
  erasePerson(personId: string): Promise<ErasedOperationalRecords>;
  /**
   * Retention of the operational records that outlive their use: drafts untouched since
   * `before`, settled reminder jobs, and audit entries older than `auditBefore`.
   */
  removeExpired(before: Date, auditBefore: Date | undefined): Promise<number>;
}

/**
 * A named lease, so a periodic job runs on one instance at a time: `tryAcquire` answers true
 * to exactly one holder until the lease runs out.
 */
export interface JobLeases {
  tryAcquire(name: string, holder: string, forMs: number): Promise<boolean>;
}

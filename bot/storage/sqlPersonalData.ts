import type { ErasedOperationalRecords } from '../../core/privacy/erasure';
import type { JobLeases, OperationalPersonalData } from '../../core/ports/personalDataErasure';
import type { SqlDatabase } from './sqlDatabase';

/** The operational database's part of "radera mina data" and of retention. */
export class SqlOperationalPersonalData implements OperationalPersonalData {
  constructor(private readonly db: SqlDatabase) {}

  async erasePerson(personId: string): Promise<ErasedOperationalRecords> {
    return this.db.transaction(async (tx) => {
      const count = async (sql: string, params: readonly unknown[] = [personId]) =>
        (await tx.query(sql, params)).length;
      const references = await tx.query<{ conversation_id: string }>(
        `delete from conversation_references where user_id = $1 returning conversation_id`,
        [personId],
      );
      // botbuilder keys dialogue state by conversation ('msteams/conversations/<id>/…').
      const botState = await count(
        `delete from bot_state where key like any (
           select 'msteams/conversations/' || c || '%' from unnest($1::text[]) as c)
         returning 1`,
        [references.map((r) => r.conversation_id)],
      );
      return {
        preparationDrafts: await count(
          `delete from preparation_drafts where employee_id = $1 returning 1`,
        ),
        // Their own reminders, and those to others about them (a manager's "dialogue in two
        // days" names the employee in its payload): nothing is sent about an erased person.
        reminderJobs: await count(
          `delete from reminder_jobs
           where person_id = $1 or position($1 in payload::text) > 0 returning 1`,
        ),
        reminderSettings: await count(
          `delete from reminder_settings where person_id = $1 returning 1`,
        ),
        conversationReferences: references.length,
        welcomes: await count(
          `delete from welcomes where scope_key = 'personal:' || $1 returning 1`,
        ),
        botState,
      };
    });
  }

  async removeExpired(before: Date, auditBefore: Date | undefined): Promise<number> {
    const at = before.toISOString();
    const drafts = await this.db.query(
      `delete from preparation_drafts where updated_at < $1::timestamptz returning 1`,
      [at],
    );
    const jobs = await this.db.query(
      `delete from reminder_jobs
       where status in ('sent', 'skipped', 'cancelled', 'dead') and updated_at < $1::timestamptz
       returning 1`,
      [at],
    );
    const audit = auditBefore
      ? await this.db.query(`delete from audit_log where at < $1::timestamptz returning 1`, [
          auditBefore.toISOString(),
        ])
      : [];
    return drafts.length + jobs.length + audit.length;
  }
}

/** Leases in one row per job: the row lock lets one instance's upsert through at a time. */
export class SqlJobLeases implements JobLeases {
  constructor(private readonly db: SqlDatabase) {}

  async tryAcquire(name: string, holder: string, forMs: number): Promise<boolean> {
    const rows = await this.db.query<{ holder: string }>(
      `insert into job_leases (name, holder, lease_until)
       values ($1, $2, clock_timestamp() + $3::bigint * interval '1 millisecond')
       on conflict (name) do update set
         holder = excluded.holder, lease_until = excluded.lease_until
       where job_leases.lease_until <= clock_timestamp()
       returning holder`,
      [name, holder, Math.ceil(forMs)],
    );
    return rows[0]?.holder === holder;
  }
}

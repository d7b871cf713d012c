import { randomUUID } from 'node:crypto';
import type { AuditEntry, AuditEntryInput, AuditLog } from '../../core/ports/auditLog';
import type { SqlDatabase } from './sqlDatabase';

interface AuditRow {
  id: string;
  at: Date;
  actor_id: string;
  action: string;
  subject_person_id: string | null;
  details: AuditEntry['details'];
}

const DEFAULT_LIMIT = 100;

export class SqlAuditLog implements AuditLog {
  constructor(private readonly db: SqlDatabase) {}

  async record(entry: AuditEntryInput): Promise<void> {
    await this.db.query(
      `insert into audit_log (id, actor_id, action, subject_person_id, details)
       values ($1, $2, $3, $4, $5::jsonb)`,
      [
        randomUUID(),
        entry.actorId,
        entry.action,
        entry.subjectPersonId ?? null,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }

  async listForSubject(personId: string, options: { limit?: number } = {}): Promise<AuditEntry[]> {
    const rows = await this.db.query<AuditRow>(
      `select id, at, actor_id, action, subject_person_id, details from audit_log
       where subject_person_id = $1
       order by at desc, id
       limit $2`,
      [personId, options.limit ?? DEFAULT_LIMIT],
    );
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      actorId: row.actor_id,
      action: row.action,
      ...(row.subject_person_id === null ? {} : { subjectPersonId: row.subject_person_id }),
      details: row.details,
    }));
  }
}

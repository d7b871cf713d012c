import type { AuditEntryInput, AuditLog } from '../../core/ports/auditLog';
import { auditEntryFor, type AuditAction } from '../../core/privacy/audit';
import type { Logger } from '../logger';

export interface AuditDependencies {
  /** Absent in compositions without a database for it (some tests): nothing is recorded. */
  audit?: AuditLog;
  logger: Logger;
}

/**
 * Records an access when core/privacy/audit.ts says it is one. Awaited, so an answer that
 * showed someone's plan is never sent without its entry; a failure to record is the
 * request's failure, since an unrecorded read is what the trail exists to prevent.
 */
export async function recordAccess(
  deps: AuditDependencies,
  actorId: string,
  subjectPersonId: string,
  action: AuditAction,
  details?: AuditEntryInput['details'],
): Promise<void> {
  const entry = auditEntryFor(actorId, subjectPersonId, action, details);
  if (entry && deps.audit) await deps.audit.record(entry);
}

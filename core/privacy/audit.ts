import type { AuditEntryInput } from '../ports/auditLog';

/**
 * The audit trail: who read or changed whose plan, preparation or shared answers, never what
 * they said. Decided here so every route and turn records the same way:
 *
 * - Someone else's data read or changed: always an entry, the person concerned sees it.
 * - One's own data read or changed: no entry; the plan's versions already say who saved
 *   what, and a trail of one's own clicks tells the person nothing.
 * - One's own export and erasure: a light entry, the controller's evidence that the request
 *   was met (GDPR articles 5.2 and 12).
 *
 * Erasing a person leaves the trail: entries about who saw their data are the region's
 * accountability record and hold only ids; entries about what they saw of others belong to
 * those others. The retention job removes entries older than the longest retention.
 */
export const AUDIT_ACTIONS = [
  'plan.viewed',
  'plan.history-viewed',
  'plan.changed',
  'preparation.viewed',
  'personal-data.exported',
  'personal-data.erased',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const ALWAYS_RECORDED: ReadonlySet<AuditAction> = new Set([
  'personal-data.exported',
  'personal-data.erased',
]);

export function auditEntryFor(
  actorId: string,
  subjectPersonId: string,
  action: AuditAction,
  details: AuditEntryInput['details'] = {},
): AuditEntryInput | undefined {
  if (actorId === subjectPersonId && !ALWAYS_RECORDED.has(action)) return undefined;
  return { actorId, subjectPersonId, action, details };
}

/** One entry as the person concerned is shown it (GET /me/audit): who, with their name now. */
export interface AuditEntryView {
  at: string;
  actor: { id: string; displayName?: string };
  /** One of AUDIT_ACTIONS; an older entry may carry an action since renamed. */
  action: string;
  details: Readonly<Record<string, string | number | boolean>>;
}

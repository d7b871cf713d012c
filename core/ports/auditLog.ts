/** Who did what to whose data, and when: the trail a region's data protection officer asks for. */
export interface AuditEntry {
  id: string;
  at: Date;
  /** The acting user's Entra object id, or a system actor such as 'scheduler'. */
  actorId: string;
  /** What happened, e.g. 'plan.saved' or 'plan.viewed'. */
  action: string;
  /** The person whose data was touched, when there is one. */
  subjectPersonId?: string;
  /** Ids and versions only, never the personal content itself. */
  details: Readonly<Record<string, string | number | boolean>>;
}

export type AuditEntryInput = Omit<AuditEntry, 'id' | 'at' | 'details'> & {
  details?: AuditEntry['details'];
};

export interface AuditLog {
  record(entry: AuditEntryInput): Promise<void>;
  /** Newest first. */
  listForSubject(personId: string, options?: { limit?: number }): Promise<AuditEntry[]>;
}

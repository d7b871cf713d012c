import type { PreparationDraft } from '../preparation/draft';

/**
 * Where preparations are kept while they are written, so an employee can leave and come back
 * days later or after a restart. Writes are compare-and-set on the draft's revision: of two
 * concurrent writers from the same revision (a double click), exactly one succeeds.
 */
export interface PreparationDraftStore {
  /** The employee's draft in progress; there is at most one. */
  findInProgress(employeeId: string): Promise<PreparationDraft | undefined>;
  /**
   * The draft as stored — or, unless `fresh`, as this instance last read or wrote it, which
   * may trail another instance's write; a compare-and-set write then fails and says so.
   */
  get(draftId: string, options?: { fresh?: boolean }): Promise<PreparationDraft | undefined>;
  /** Stores a new draft; false when the employee already has one in progress. */
  create(draft: PreparationDraft): Promise<boolean>;
  /** Writes `draft` only if the stored revision is still `draft.revision - 1`; false if not. */
  update(draft: PreparationDraft): Promise<boolean>;
}

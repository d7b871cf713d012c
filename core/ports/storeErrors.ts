/** The kinds of stored document whose writes are checked against the version they were read at. */
export type VersionedDocumentKind = 'individual-plan' | 'team-plan' | 'dialogue-preparation';

/**
 * Someone saved the document after this writer read it (or created it first). Nothing was
 * written; the caller reloads `currentVersion`, shows what changed, and lets the user decide.
 */
export class VersionConflictError extends Error {
  constructor(
    readonly kind: VersionedDocumentKind,
    /** The stored document's id; differs from the one written when another was created first. */
    readonly id: string,
    readonly expectedVersion: number,
    /** 0 when nothing is stored under the id any more. */
    readonly currentVersion: number,
  ) {
    super(
      `${kind} ${id}: expected version ${expectedVersion}, the stored version is ${currentVersion}`,
    );
    this.name = 'VersionConflictError';
  }
}

/**
 * A stored document no longer matches its schema: a migration missed it or someone edited the
 * database by hand. Never shown as an empty plan; it needs a person to look at it.
 */
export class StoredDocumentError extends Error {
  constructor(
    readonly kind: string,
    readonly id: string,
    readonly problems: readonly string[],
  ) {
    super(`Stored ${kind} ${id} does not match its schema: ${problems.join('; ')}`);
    this.name = 'StoredDocumentError';
  }
}

/**
 * The store (SharePoint through Graph) did not answer within its bounds. A passing state: the
 * caller keeps what the person entered and asks them to try again. A write may or may not have
 * landed; trying again is safe, since a landed one turns the retry into a version conflict
 * that shows the person their own change.
 */
export class PlanStoreUnavailableError extends Error {
  constructor(
    message: string,
    /** The store's own hint of when to try again, when it gave one. */
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PlanStoreUnavailableError';
  }
}

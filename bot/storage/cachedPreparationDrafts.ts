import type { PreparationDraftStore } from '../../core/ports/preparationDraftStore';
import type { PreparationDraft } from '../../core/preparation/draft';

/** Drafts kept per instance; people at work on a preparation at the same time, with room. */
const MAX_CACHED = 5_000;

/**
 * Keeps the drafts this instance read or wrote, so a card step reads nothing and only writes
 * (the read was half of a step's database work). Safe across instances because every write is
 * a compare-and-set on the revision: a draft that trails another instance's write makes the
 * write fail, the entry is dropped, and the flow reads afresh. Starting and resuming
 * (`findInProgress`, `fresh`) always read the store.
 */
export class CachedPreparationDrafts implements PreparationDraftStore {
  private readonly drafts = new Map<string, PreparationDraft>();

  constructor(private readonly store: PreparationDraftStore) {}

  findInProgress(employeeId: string): Promise<PreparationDraft | undefined> {
    return this.store.findInProgress(employeeId);
  }

  async get(draftId: string, options?: { fresh?: boolean }): Promise<PreparationDraft | undefined> {
    const cached = options?.fresh ? undefined : this.drafts.get(draftId);
    if (cached) return cached;
    const stored = await this.store.get(draftId);
    if (stored) this.remember(stored);
    else this.drafts.delete(draftId);
    return stored;
  }

  async create(draft: PreparationDraft): Promise<boolean> {
    const created = await this.store.create(draft);
    if (created) this.remember(draft);
    return created;
  }

  async update(draft: PreparationDraft): Promise<boolean> {
    const written = await this.store.update(draft);
    if (written) this.remember(draft);
    else this.drafts.delete(draft.id);
    return written;
  }

  private remember(draft: PreparationDraft): void {
    // Oldest first out: a Map iterates in insertion order, so re-inserting marks it recent.
    this.drafts.delete(draft.id);
    this.drafts.set(draft.id, draft);
    if (this.drafts.size > MAX_CACHED) {
      const oldest = this.drafts.keys().next().value;
      if (oldest !== undefined) this.drafts.delete(oldest);
    }
  }
}

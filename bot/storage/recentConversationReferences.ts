import type {
  ConversationReferenceInput,
  ConversationReferenceRecord,
  ConversationReferenceStore,
} from '../../core/ports/conversationReferenceStore';

/** How long a written reference is trusted before the next turn writes it again. */
const REWRITE_AFTER_MS = 10 * 60 * 1000;
/** Bounded, so a long-running instance does not grow with every person it has seen. */
const MAX_REMEMBERED = 50_000;

/**
 * Skips rewriting a conversation reference that this instance wrote moments ago with the
 * same service URL: the reference is stored on every turn, and that write was a third of a
 * card step's database work. Removing through this store forgets at once; a removal by
 * another instance is repaired by the person's turns within REWRITE_AFTER_MS.
 */
export class RecentConversationReferences<
  TReference extends object,
> implements ConversationReferenceStore<TReference> {
  private readonly written = new Map<string, { serviceUrl: string; at: number }>();

  constructor(
    private readonly store: ConversationReferenceStore<TReference>,
    private readonly now: () => number = Date.now,
  ) {}

  async upsert(record: ConversationReferenceInput<TReference>): Promise<void> {
    const key = keyOf(record.userId, record.conversationId);
    const last = this.written.get(key);
    const now = this.now();
    if (last && last.serviceUrl === record.serviceUrl && now - last.at < REWRITE_AFTER_MS) return;
    await this.store.upsert(record);
    if (this.written.size >= MAX_REMEMBERED) this.written.clear();
    this.written.set(key, { serviceUrl: record.serviceUrl, at: now });
  }

  async remove(userId: string, conversationId: string): Promise<void> {
    this.written.delete(keyOf(userId, conversationId));
    await this.store.remove(userId, conversationId);
  }

  listForUser(userId: string): Promise<ConversationReferenceRecord<TReference>[]> {
    return this.store.listForUser(userId);
  }

  findPersonalForUsers(
    userIds: readonly string[],
  ): Promise<Map<string, ConversationReferenceRecord<TReference>>> {
    return this.store.findPersonalForUsers(userIds);
  }
}

const keyOf = (userId: string, conversationId: string) => `${userId}\u0000${conversationId}`;

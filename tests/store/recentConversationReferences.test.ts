import type {
  ConversationReferenceInput,
  ConversationReferenceRecord,
  ConversationReferenceStore,
} from '../../core/ports/conversationReferenceStore';
import { RecentConversationReferences } from '../../bot/storage/recentConversationReferences';

type Reference = { id: string };

/** Counts what reaches the real store. */
class CountingStore implements ConversationReferenceStore<Reference> {
  upserts = 0;
  removes = 0;
  async upsert(): Promise<void> {
    this.upserts++;
  }
  async remove(): Promise<void> {
    this.removes++;
  }
  async listForUser(): Promise<ConversationReferenceRecord<Reference>[]> {
    return [];
  }
  async findPersonalForUsers(): Promise<Map<string, ConversationReferenceRecord<Reference>>> {
    return new Map();
  }
}

const record = (
  serviceUrl = 'https://smba.example/emea/',
): ConversationReferenceInput<Reference> => ({
  userId: 'anna',
  conversationId: 'a:1',
  conversationType: 'personal',
  serviceUrl,
  tenantId: 't',
  reference: { id: 'r' },
});

describe('remembering conversations without rewriting them every turn', () => {
  let clock: number;
  let store: CountingStore;
  let recent: RecentConversationReferences<Reference>;

  beforeEach(() => {
    clock = 1_000_000;
    store = new CountingStore();
    recent = new RecentConversationReferences(store, () => clock);
  });

  it('when the same person writes again soon, then the reference is not written again', async () => {
    await recent.upsert(record());
    await recent.upsert(record());
    expect(store.upserts).toBe(1);
  });

  it('when ten minutes have passed, then it is written again (repairing a removal by another instance)', async () => {
    await recent.upsert(record());
    clock += 10 * 60 * 1000;
    await recent.upsert(record());
    expect(store.upserts).toBe(2);
  });

  it('when Teams moves the conversation to another service URL, then it is written at once', async () => {
    await recent.upsert(record());
    await recent.upsert(record('https://smba.example/amer/'));
    expect(store.upserts).toBe(2);
  });

  it('when a reference is removed here, then the next turn writes it again at once', async () => {
    await recent.upsert(record());
    await recent.remove('anna', 'a:1');
    await recent.upsert(record());
    expect({ upserts: store.upserts, removes: store.removes }).toEqual({ upserts: 2, removes: 1 });
  });
});

import type { ConversationReference } from 'botbuilder';
import type {
  ConversationReferenceInput,
  ConversationReferenceRecord,
  ConversationReferenceStore,
} from '../../core/ports/conversationReferenceStore';
import type { SqlDatabase } from './sqlDatabase';

/** What `TurnContext.getConversationReference` returns and `continueConversationAsync` takes. */
export type BotConversationReference = Partial<ConversationReference>;

interface ReferenceRow {
  user_id: string;
  conversation_id: string;
  conversation_type: string;
  service_url: string;
  tenant_id: string;
  reference: BotConversationReference;
  updated_at: Date;
}

const COLUMNS =
  'user_id, conversation_id, conversation_type, service_url, tenant_id, reference, updated_at';

function toRecord(row: ReferenceRow): ConversationReferenceRecord<BotConversationReference> {
  return {
    userId: row.user_id,
    conversationId: row.conversation_id,
    conversationType: row.conversation_type,
    serviceUrl: row.service_url,
    tenantId: row.tenant_id,
    reference: row.reference,
    updatedAt: row.updated_at,
  };
}

export class SqlConversationReferenceStore implements ConversationReferenceStore<BotConversationReference> {
  constructor(private readonly db: SqlDatabase) {}

  async upsert(record: ConversationReferenceInput<BotConversationReference>): Promise<void> {
    await this.db.query(
      `insert into conversation_references
         (user_id, conversation_id, conversation_type, service_url, tenant_id, reference)
       values ($1, $2, $3, $4, $5, $6::jsonb)
       on conflict (user_id, conversation_id) do update set
         conversation_type = excluded.conversation_type,
         service_url = excluded.service_url,
         tenant_id = excluded.tenant_id,
         reference = excluded.reference,
         updated_at = now()`,
      [
        record.userId,
        record.conversationId,
        record.conversationType,
        record.serviceUrl,
        record.tenantId,
        JSON.stringify(record.reference),
      ],
    );
  }

  async listForUser(
    userId: string,
  ): Promise<ConversationReferenceRecord<BotConversationReference>[]> {
    const rows = await this.db.query<ReferenceRow>(
      `select ${COLUMNS} from conversation_references
       where user_id = $1
       order by updated_at desc, conversation_id`,
      [userId],
    );
    return rows.map(toRecord);
  }

  async findPersonalForUsers(
    userIds: readonly string[],
  ): Promise<Map<string, ConversationReferenceRecord<BotConversationReference>>> {
    if (userIds.length === 0) return new Map();
    // A user has one personal chat with the bot; should Teams ever hand out a new one, the
    // most recently used wins.
    const rows = await this.db.query<ReferenceRow>(
      `select distinct on (user_id) ${COLUMNS} from conversation_references
       where user_id = any($1::text[]) and conversation_type = 'personal'
       order by user_id, updated_at desc`,
      [userIds],
    );
    return new Map(rows.map((row) => [row.user_id, toRecord(row)]));
  }

  async remove(userId: string, conversationId: string): Promise<void> {
    await this.db.query(
      'delete from conversation_references where user_id = $1 and conversation_id = $2',
      [userId, conversationId],
    );
  }
}

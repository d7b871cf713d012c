/**
 * Where and how to reach a user later (reminders), captured from their latest activity in each
 * conversation. The reference itself is the channel's opaque document; the bot gives it its type.
 */
export interface ConversationReferenceRecord<TReference extends object> {
  /** The user's Entra object id. */
  userId: string;
  conversationId: string;
  /** Teams' conversation type: 'personal', 'groupChat' or 'channel'. */
  conversationType: string;
  serviceUrl: string;
  tenantId: string;
  reference: TReference;
  updatedAt: Date;
}

export type ConversationReferenceInput<TReference extends object> = Omit<
  ConversationReferenceRecord<TReference>,
  'updatedAt'
>;

export interface ConversationReferenceStore<TReference extends object> {
  /** Creates or refreshes the reference for this user in this conversation. */
  upsert(record: ConversationReferenceInput<TReference>): Promise<void>;
  /** Every conversation the user was seen in, most recently active first. */
  listForUser(userId: string): Promise<ConversationReferenceRecord<TReference>[]>;
  /** The personal chat with each user who has one, keyed by user id; for reminders. */
  findPersonalForUsers(
    userIds: readonly string[],
  ): Promise<Map<string, ConversationReferenceRecord<TReference>>>;
  /** Forgets a conversation the bot can no longer write to (blocked, removed). */
  remove(userId: string, conversationId: string): Promise<void>;
}

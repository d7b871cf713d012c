import { TurnContext, type Middleware } from 'botbuilder';
import type { ConversationReferenceStore } from '../../core/ports/conversationReferenceStore';
import type { BotConversationReference } from '../storage/sqlConversationReferenceStore';

/**
 * Keeps, for every person, where the bot can reach them later (a manager told of a
 * preparation, reminders): Teams gives no other way to write to someone first. Offered on
 * every turn, since another instance may have dropped the reference (a 403 from Teams) and
 * the person's turns must bring it back; the store decides whether a write is needed.
 * Uninstalling forgets it.
 */
export function rememberConversations(
  references: ConversationReferenceStore<BotConversationReference>,
): Middleware {
  return {
    async onTurn(context, next) {
      const activity = context.activity;
      const userId = activity.from?.aadObjectId;
      const conversationId = activity.conversation?.id;
      // Proactive turns are the bot's own (type event): nothing new to learn from them.
      if (userId && conversationId && activity.serviceUrl && activity.type !== 'event') {
        if (activity.type === 'installationUpdate' && activity.action?.startsWith('remove')) {
          await references.remove(userId, conversationId);
        } else {
          await references.upsert({
            userId,
            conversationId,
            conversationType: activity.conversation.conversationType ?? 'personal',
            serviceUrl: activity.serviceUrl,
            tenantId: tenantOf(activity),
            reference: TurnContext.getConversationReference(activity),
          });
        }
      }
      await next();
    },
  };
}

function tenantOf(activity: TurnContext['activity']): string {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return channelData?.tenant?.id ?? activity.conversation?.tenantId ?? '';
}

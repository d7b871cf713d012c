import type { Activity } from 'botbuilder';
import type { ConversationScope } from '../cards/welcomeCard';

/** Teams says "personal", "groupChat" or "channel"; a missing type is a personal chat. */
export function scopeOf(activity: Partial<Activity>): ConversationScope {
  switch (activity.conversation?.conversationType) {
    case 'channel':
      return 'team';
    case 'groupChat':
      return 'groupChat';
    default:
      return 'personal';
  }
}

/**
 * The key that makes a welcome happen once: per person in a personal chat, per team in a
 * channel (never one message per member), per chat in a group chat.
 */
export function welcomeKey(activity: Partial<Activity>): string | undefined {
  const scope = scopeOf(activity);
  if (scope === 'personal') {
    const user = activity.from?.aadObjectId ?? activity.from?.id;
    return user ? `personal:${user}` : undefined;
  }
  if (scope === 'team') {
    const teamId = (activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
    return `team:${teamId ?? activity.conversation?.id ?? ''}`;
  }
  return activity.conversation?.id ? `chat:${activity.conversation.id}` : undefined;
}

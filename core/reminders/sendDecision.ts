import type { ReminderPolicy } from '../profiles/profileSchema';
import { dateAt } from '../time/zonedTime';
import type { ReminderJob } from './reminderJob';
import type { ReminderSettings } from './reminderSettings';
import {
  atLocalTime,
  firstWorkingDayAfter,
  isWithinWorkingTime,
  nextWorkingInstant,
} from './workingCalendar';

export type SendDecision =
  { action: 'send' } | { action: 'defer'; until: Date } | { action: 'skip'; reason: string };

/**
 * Checked by the worker when a job comes due, because a job is planned days or weeks ahead
 * and the person may have paused reminders or turned prompts off since, or the worker may
 * have been down overnight. What no longer makes sense is skipped, never sent late; what only
 * came at the wrong hour waits for working time. `settings` absent: the person's defaults.
 */
export function decideSend(
  job: ReminderJob,
  settings: ReminderSettings | undefined,
  policy: ReminderPolicy,
  now: Date,
): SendDecision {
  const { payload } = job;
  if (payload.kind === 'reflection-prompt' && settings?.reflectionRhythm === 'off') {
    return { action: 'skip', reason: 'reflection prompts turned off' };
  }
  const dialogueStarts =
    payload.kind === 'dialogue-employee' || payload.kind === 'dialogue-manager'
      ? new Date(payload.scheduledAt)
      : undefined;
  if (dialogueStarts && dialogueStarts <= now) return { action: 'skip', reason: 'too late' };

  const pause = settings?.pause;
  const today = dateAt(now, policy.timeZone);
  if (pause && pause.from <= today && today <= pause.to) {
    // A dialogue's reminders belong to their moment and are not worth sending late. An effect
    // follow-up still matters after a holiday, and so does a notice of someone's action; a
    // prompt waits too, because the next prompt is planned when one is sent: skipping it would
    // end the person's rhythm for good.
    if (payload.kind.startsWith('dialogue-')) return { action: 'skip', reason: 'paused' };
    const start = atLocalTime(firstWorkingDayAfter(pause.to), 0, policy);
    return { action: 'defer', until: nextWorkingInstant(start, policy) };
  }

  if (isWithinWorkingTime(now, policy)) return { action: 'send' };
  const until = nextWorkingInstant(now, policy);
  // Working time may come only after the dialogue has begun: a reminder then is no use.
  if (dialogueStarts && dialogueStarts <= until) return { action: 'skip', reason: 'too late' };
  return { action: 'defer', until };
}

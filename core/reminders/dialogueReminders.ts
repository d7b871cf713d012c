import type { Dialogue } from '../plan/dialogue';
import type { ReminderPolicy } from '../profiles/profileSchema';
import { reminderKeyPrefix, type PlannedReminder } from './reminderJob';
import { workingDaysAfter, workingDaysBefore } from './workingCalendar';

/** A nudge to write the plan weeks after the dialogue reads as noise; later ones are dropped. */
const AFTER_NUDGE_KEPT_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Every reminder one dialogue should have, as of `now`. The queue replaces all jobs under
 * `keyPrefix` with `planned`, so calling this again after the dialogue was moved moves its
 * reminders (same keys, new times), and after it was cancelled drops them.
 */
export function planDialogueReminders(
  dialogue: Dialogue,
  policy: ReminderPolicy,
  now: Date,
  /** Whether the plan is written after this type of dialogue: only then is the manager nudged. */
  writesPlan: boolean,
): { keyPrefix: string; planned: PlannedReminder[] } {
  const keyPrefix = reminderKeyPrefix.dialogue(dialogue.id);
  const { scheduledAt, managerId } = dialogue;
  if (scheduledAt === undefined || dialogue.status === 'cancelled') {
    return { keyPrefix, planned: [] };
  }
  const dialogueAt = new Date(scheduledAt);
  const planned: PlannedReminder[] = [];

  // A reminder due already is left out rather than sent at once: booked at short notice, the
  // people already know.
  const before = (days: number): Date | undefined => {
    const dueAt = workingDaysBefore(dialogueAt, days, policy);
    return dueAt > now && dueAt < dialogueAt ? dueAt : undefined;
  };
  const ahead =
    (dialogue.status === 'planned' || dialogue.status === 'prepared') && dialogueAt > now;
  if (ahead) {
    for (const days of policy.employeeWorkingDaysBefore) {
      const dueAt = before(days);
      if (!dueAt) continue;
      planned.push({
        key: `${keyPrefix}employee:${days}`,
        personId: dialogue.employeeId,
        dueAt,
        payload: {
          kind: 'dialogue-employee',
          dialogueId: dialogue.id,
          scheduledAt,
          workingDaysBefore: days,
        },
      });
    }
    if (managerId) {
      for (const days of policy.managerWorkingDaysBefore) {
        const dueAt = before(days);
        if (!dueAt) continue;
        planned.push({
          key: `${keyPrefix}manager:${days}`,
          personId: managerId,
          dueAt,
          payload: {
            kind: 'dialogue-manager',
            dialogueId: dialogue.id,
            employeeId: dialogue.employeeId,
            scheduledAt,
            workingDaysBefore: days,
          },
        });
      }
    }
  }

  if (managerId && writesPlan) {
    const dueAt = workingDaysAfter(dialogueAt, policy.afterDialogueWorkingDays, policy);
    if (now.getTime() - dueAt.getTime() <= AFTER_NUDGE_KEPT_MS) {
      planned.push({
        key: `${keyPrefix}after`,
        personId: managerId,
        dueAt,
        payload: {
          kind: 'dialogue-after',
          dialogueId: dialogue.id,
          employeeId: dialogue.employeeId,
          scheduledAt,
        },
      });
    }
  }
  return { keyPrefix, planned };
}

import { DateTime, type DurationLikeObject } from 'luxon';
import { PRINCIPLE_IDS, type PrincipleId } from '../principles/principles';
import type { ReminderPolicy } from '../profiles/profileSchema';
import { reminderKeyPrefix, type PlannedReminder } from './reminderJob';
import type { ReflectionRhythm, ReminderSettings } from './reminderSettings';
import {
  atLocalTime,
  firstWorkingDayAfter,
  firstWorkingDayFrom,
  spreadTimeOfDay,
} from './workingCalendar';

/** The principle of a person's n-th prompt: inclusive, activating, motivating, sustainable, … */
export function principleForSequence(sequence: number): PrincipleId {
  if (!Number.isInteger(sequence) || sequence < 0) {
    throw new RangeError(`A prompt's sequence is a whole number of at least 0, not ${sequence}`);
  }
  return PRINCIPLE_IDS[sequence % PRINCIPLE_IDS.length] as PrincipleId;
}

/** Calendar steps in the person's zone: a month is a month, whatever its length. */
const INTERVALS: Record<Exclude<ReflectionRhythm, 'off'>, DurationLikeObject> = {
  weekly: { days: 7 },
  'every-other-week': { days: 14 },
  monthly: { months: 1 },
};

/**
 * The person's next everyday reflection prompt, one interval of their rhythm after `after`
 * (the last prompt, or when they changed their rhythm). It comes at their own time of day on
 * a working day; a day off or a pause moves it to the next working day, at the same time, so
 * prompts moved past Easter do not all arrive at once. The queue replaces the person's
 * pending prompt with it, so a changed rhythm takes effect at once.
 */
export function planNextReflectionPrompt(
  settings: ReminderSettings,
  policy: ReminderPolicy,
  after: Date,
  sequence: number,
): { keyPrefix: string; planned: PlannedReminder[] } {
  const { personId, reflectionRhythm, pause } = settings;
  const keyPrefix = reminderKeyPrefix.reflections(personId);
  if (reflectionRhythm === 'off') return { keyPrefix, planned: [] };

  const interval = INTERVALS[reflectionRhythm];
  const start = DateTime.fromJSDate(after, { zone: policy.timeZone }).plus(interval).toISODate();
  if (start === null) throw new RangeError(`Cannot read ${String(after)} in ${policy.timeZone}`);
  let day = firstWorkingDayFrom(start);
  if (pause && pause.from <= day && day <= pause.to) day = firstWorkingDayAfter(pause.to);

  return {
    keyPrefix,
    planned: [
      {
        key: `${keyPrefix}${sequence}`,
        personId,
        dueAt: atLocalTime(day, spreadTimeOfDay(personId, policy), policy),
        payload: { kind: 'reflection-prompt', sequence },
      },
    ],
  };
}

import { DateTime } from 'luxon';
import type { Dialogue } from '../plan/dialogue';
import type { IsoDateTime } from '../shared/schemas';

/**
 * Booking a dialogue: a date and a wall-clock time as the manager picks them in the card,
 * read in the profile's zone (Europe/Stockholm), stored as an instant with its offset.
 */

export type ScheduleProblem = 'invalid-date' | 'invalid-time' | 'no-such-time' | 'in-the-past';

export type ScheduledInstant =
  { ok: true; scheduledAt: IsoDateTime } | { ok: false; problem: ScheduleProblem };

/**
 * `date` is YYYY-MM-DD and `time` HH:MM, as Input.Date and Input.Time send them. A time the
 * clocks skip (02:30 on the last Sunday of March) does not exist and is refused rather than
 * moved; an hour that happens twice (October) means its first, summer-time occurrence.
 */
export function scheduledInstant(
  date: string,
  time: string,
  timeZone: string,
  now: Date,
): ScheduledInstant {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !DateTime.fromISO(date).isValid) {
    return { ok: false, problem: 'invalid-date' };
  }
  // Luxon reads 24:00 as the next midnight; a clock in the card never shows it.
  if (!/^(?:[01]\d|2[0-3]):[0-5]\d$/.test(time)) return { ok: false, problem: 'invalid-time' };
  const read = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  // Date and time are well formed by now: only a zone Luxon does not know is left to fail,
  // and that is the profile's mistake, not the manager's.
  if (!read.isValid) throw new RangeError(`Unknown time zone "${timeZone}"`);
  // Luxon reads a repeated wall-clock time as its second, winter-time occurrence; the first
  // is the earlier instant of the ones it can mean.
  const local = read
    .getPossibleOffsets()
    .reduce((earliest, candidate) =>
      candidate.toMillis() < earliest.toMillis() ? candidate : earliest,
    );
  // Luxon moves a skipped wall-clock time forward; a moved time is one nobody picked.
  if (local.toFormat('yyyy-MM-dd HH:mm') !== `${date} ${time}`) {
    return { ok: false, problem: 'no-such-time' };
  }
  if (local.toMillis() <= now.getTime()) return { ok: false, problem: 'in-the-past' };
  return { ok: true, scheduledAt: local.toISO({ suppressMilliseconds: true }) as IsoDateTime };
}

/** The booked time as the card's inputs show it again: date and time in the zone. */
export function localDateAndTime(
  scheduledAt: IsoDateTime,
  timeZone: string,
): { date: string; time: string } {
  const local = DateTime.fromISO(scheduledAt).setZone(timeZone);
  return { date: local.toFormat('yyyy-MM-dd'), time: local.toFormat('HH:mm') };
}

/** The booked time for people to read, e.g. "tisdag 8 december 2026 kl. 09:30". */
export function formatDialogueTime(
  scheduledAt: IsoDateTime,
  timeZone: string,
  language: 'sv' | 'en',
): string {
  const local = DateTime.fromISO(scheduledAt).setZone(timeZone).setLocale(language);
  return language === 'sv'
    ? local.toFormat("cccc d LLLL yyyy 'kl.' HH:mm")
    : local.toFormat("cccc d LLLL yyyy 'at' HH:mm");
}

/**
 * Booking or moving: a held or prepared dialogue keeps its status (moving the time undoes
 * neither the dialogue nor the employee's preparation); a planned or cancelled one is planned.
 */
export function bookDialogue(dialogue: Dialogue, scheduledAt: IsoDateTime): Dialogue {
  const status =
    dialogue.status === 'held' || dialogue.status === 'prepared' ? dialogue.status : 'planned';
  return { ...dialogue, scheduledAt, status };
}

export function cancelDialogue(dialogue: Dialogue): Dialogue {
  return { ...dialogue, status: 'cancelled' };
}

export function markDialogueHeld(dialogue: Dialogue): Dialogue {
  return { ...dialogue, status: 'held' };
}

import { DateTime } from 'luxon';
import type { ReminderPolicy } from '../../core/profiles/profileSchema';
import { isWithinWorkingTime, workingDaysAfter } from '../../core/reminders/workingCalendar';

/**
 * The service's clock in an end-to-end walk: real time moved by an offset, so it runs on
 * while the walk waits for the playground, and the walk can jump it forward (to the morning
 * of a dialogue, or to a reminder's due time).
 *
 * Walks start in working time: a notice from one person to another goes at once only inside
 * the recipient's working hours (bot/reminders/quietHoursMessenger.ts), and CI runs at any
 * hour, on any day.
 */
export class ShiftedClock {
  private offsetMs = 0;

  /** `start` gives the clock its time and the zone `local` reads it in. */
  constructor(private readonly start: DateTime) {
    this.moveTo(start);
  }

  readonly now = (): Date => new Date(Date.now() + this.offsetMs);

  moveTo(instant: DateTime): void {
    this.offsetMs = instant.toMillis() - Date.now();
  }

  /** The clock's time in the zone of its start. */
  local(): DateTime {
    return DateTime.fromJSDate(this.now(), { zone: this.start.zone });
  }
}

/** Two hours into the working day: a walk started then never meets the day's start. */
const MORNING = { hour: 10, minute: 0, second: 0, millisecond: 0 };
/** Working time left that a walk needs at its start: one takes a minute or two of real time. */
const WALK_HOURS = 1;

/** 10:00 on the next working day whose 10:00 is still to come: today's, or a later one. */
export function nextWorkingMorning(now: DateTime, policy: ReminderPolicy): DateTime {
  for (let day = now.setZone(policy.timeZone).startOf('day'); ; day = day.plus({ days: 1 })) {
    const morning = day.set(MORNING);
    if (morning > now && isWithinWorkingTime(morning.toJSDate(), policy)) return morning;
  }
}

/** `now` when an hour of working time is left today, else the next working morning. */
export function workingStart(now: DateTime, policy: ReminderPolicy): DateTime {
  const enoughLeft =
    isWithinWorkingTime(now.toJSDate(), policy) &&
    isWithinWorkingTime(now.plus({ hours: WALK_HOURS }).toJSDate(), policy);
  return enoughLeft ? now.setZone(policy.timeZone) : nextWorkingMorning(now, policy);
}

/** `days` working days after `from`'s date, at `time` (hour and minute) in the policy's zone. */
export function onWorkingDayAfter(
  from: DateTime,
  days: number,
  time: { hour: number; minute: number },
  policy: ReminderPolicy,
): DateTime {
  return DateTime.fromJSDate(workingDaysAfter(from.toJSDate(), days, policy), {
    zone: policy.timeZone,
  }).set({ ...time, second: 0, millisecond: 0 });
}

/**
 * Where a walk that books a dialogue `days` working days ahead starts: in working time, and
 * in time for the dialogue to fall in the same year, since the booking card takes only this
 * year's dates. Late in December, that is the first working morning of the month.
 */
export function startForBooking(now: DateTime, days: number, policy: ReminderPolicy): DateTime {
  const start = workingStart(now, policy);
  if (onWorkingDayAfter(start, days, MORNING, policy).year === start.year) return start;
  return nextWorkingMorning(start.set({ month: 12, day: 1 }).startOf('day'), policy);
}

import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import type { ReminderPolicy } from '../profiles/profileSchema';
import type { IsoDate, IsoDateTime } from '../shared/schemas';
import { dateAt } from '../time/zonedTime';

/**
 * When the bot may speak: Monday to Friday within the profile's working hours, in its zone,
 * never on a Swedish public holiday. The holidays come from date-holidays (maintained, Easter
 * and midsummer computed per year) rather than a table someone must remember to extend.
 * Dates are local calendar dates (YYYY-MM-DD) in the policy's zone; luxon turns a local date
 * and clock time into an instant, so a reminder keeps its clock time across a DST change.
 */

const swedishHolidays = new Holidays('SE');

/**
 * Days off besides weekends: 'public' (röda dagar) and 'bank' (midsommarafton, julafton,
 * nyårsafton: not red days, but nobody is at work to read a reminder).
 */
const DAYS_OFF = new Set(['public', 'bank']);

/**
 * Calendar days are counted as whole days since 1970-01-01, so stepping through them is
 * integer arithmetic: the worker counts working days for thousands of jobs at a time.
 */
type DayNumber = number;
const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** Computed once a year. */
const holidaysByYear = new Map<number, ReadonlySet<DayNumber>>();

function holidaysIn(year: number): ReadonlySet<DayNumber> {
  let days = holidaysByYear.get(year);
  if (!days) {
    // `date` reads "YYYY-MM-DD hh:mm:ss" in Sweden's own calendar.
    days = new Set(
      swedishHolidays
        .getHolidays(year)
        .filter((holiday) => DAYS_OFF.has(holiday.type))
        .map((holiday) => dayNumberOf(holiday.date.slice(0, 10))),
    );
    holidaysByYear.set(year, days);
  }
  return days;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumberOf(localDate: string): DayNumber {
  const match = ISO_DATE.exec(localDate);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== localDate) {
    throw new RangeError(`"${localDate}" is not a date (YYYY-MM-DD)`);
  }
  return ms / MS_PER_DAY;
}

/** The day as a UTC midnight: only for reading its parts, never an instant anyone sees. */
function utcMidnightOf(day: DayNumber): Date {
  return new Date(day * MS_PER_DAY);
}

function isoDateOf(day: DayNumber): string {
  return utcMidnightOf(day).toISOString().slice(0, 10);
}

function isWorkingDayNumber(day: DayNumber): boolean {
  const midnight = utcMidnightOf(day);
  const weekday = midnight.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidaysIn(midnight.getUTCFullYear()).has(day);
}

function firstWorkingDayNumberFrom(day: DayNumber): DayNumber {
  let working = day;
  while (!isWorkingDayNumber(working)) working += 1;
  return working;
}

/** Monday to Friday and not a Swedish public holiday, midsommarafton, julafton or nyårsafton. */
export function isWorkingDay(localDate: string): boolean {
  return isWorkingDayNumber(dayNumberOf(localDate));
}

/** The date itself when it is a working day, else the next working day. */
export function firstWorkingDayFrom(localDate: string): string {
  return isoDateOf(firstWorkingDayNumberFrom(dayNumberOf(localDate)));
}

/** The next working day after the date, never the date itself. */
export function firstWorkingDayAfter(localDate: string): string {
  return isoDateOf(firstWorkingDayNumberFrom(dayNumberOf(localDate) + 1));
}

function minutesOfClock(clock: string): number {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}

function workingMinutes(policy: ReminderPolicy): { start: number; end: number } {
  return {
    start: minutesOfClock(policy.workingHours.start),
    end: minutesOfClock(policy.workingHours.end),
  };
}

/** The instant's local day and clock time in the policy's zone. */
function local(instant: Date, policy: ReminderPolicy): { day: DayNumber; time: DateTime<true> } {
  const time = DateTime.fromJSDate(instant, { zone: policy.timeZone });
  if (!time.isValid) throw new RangeError(`Cannot read ${String(instant)} in ${policy.timeZone}`);
  return { day: Date.UTC(time.year, time.month - 1, time.day) / MS_PER_DAY, time };
}

function minutesOf(time: DateTime): number {
  return time.hour * 60 + time.minute;
}

/**
 * The instant at `minutesOfDay` after midnight on a local day. Working hours lie in the day,
 * never in the hour a DST change skips or repeats.
 */
function atDay(
  day: DayNumber,
  minutesOfDay: number,
  policy: ReminderPolicy,
  seconds = 0,
  milliseconds = 0,
): Date {
  const midnight = utcMidnightOf(day);
  return DateTime.fromObject(
    {
      year: midnight.getUTCFullYear(),
      month: midnight.getUTCMonth() + 1,
      day: midnight.getUTCDate(),
      hour: Math.floor(minutesOfDay / 60),
      minute: minutesOfDay % 60,
      second: seconds,
      millisecond: milliseconds,
    },
    { zone: policy.timeZone },
  ).toJSDate();
}

/** The instant at `minutesOfDay` after local midnight on a date in the policy's zone. */
export function atLocalTime(localDate: string, minutesOfDay: number, policy: ReminderPolicy): Date {
  return atDay(dayNumberOf(localDate), minutesOfDay, policy);
}

/** On a working day, from the start of working hours up to (not including) their end. */
export function isWithinWorkingTime(instant: Date, policy: ReminderPolicy): boolean {
  const { day, time } = local(instant, policy);
  const minutes = minutesOf(time);
  const { start, end } = workingMinutes(policy);
  return minutes >= start && minutes < end && isWorkingDayNumber(day);
}

/** The instant itself within working time, else the next start of working hours. */
export function nextWorkingInstant(instant: Date, policy: ReminderPolicy): Date {
  const { day, time } = local(instant, policy);
  const minutes = minutesOf(time);
  const { start, end } = workingMinutes(policy);
  if (isWorkingDayNumber(day)) {
    if (minutes < start) return atDay(day, start, policy);
    if (minutes < end) return instant;
  }
  return atDay(firstWorkingDayNumberFrom(day + 1), start, policy);
}

/**
 * How long before the end of working hours a reminder moved out of the evening lands. A
 * reminder counted to a day stays on that day rather than sliding to the next morning, which
 * would be one working day fewer before the dialogue; half an hour still leaves time to read it.
 */
const LATE_CLAMP_MINUTES = 30;

/**
 * `days` working days away from the instant's local date, at the same local clock time (so a
 * 09:30 dialogue gets 09:30 reminders on either side of a DST change), clamped into working
 * hours: earlier than the start → the start; at or after the end → half an hour before the end.
 * With 0 days on a day off, the nearest working day in the direction of travel.
 */
function workingDaysAway(
  instant: Date,
  days: number,
  direction: 1 | -1,
  policy: ReminderPolicy,
): Date {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`Working days must be a whole number of at least 0, not ${days}`);
  }
  const { day: from, time } = local(instant, policy);
  let day = from;
  let counted = 0;
  while (counted < days || !isWorkingDayNumber(day)) {
    day += direction;
    if (isWorkingDayNumber(day)) counted += 1;
  }
  const { start, end } = workingMinutes(policy);
  const minutes = minutesOf(time);
  if (minutes < start) return atDay(day, start, policy);
  if (minutes >= end) return atDay(day, Math.max(start, end - LATE_CLAMP_MINUTES), policy);
  return atDay(day, minutes, policy, time.second, time.millisecond);
}

/** The same local clock time `days` working days earlier, clamped into working hours. */
export function workingDaysBefore(instant: Date, days: number, policy: ReminderPolicy): Date {
  return workingDaysAway(instant, days, -1, policy);
}

/** The same local clock time `days` working days later, clamped into working hours. */
export function workingDaysAfter(instant: Date, days: number, policy: ReminderPolicy): Date {
  return workingDaysAway(instant, days, 1, policy);
}

/**
 * The last hour of the day is left out, so a prompt that asks for an answer comes while there
 * is time to give it at work.
 */
const SPREAD_END_MARGIN_MINUTES = 60;

/**
 * A person's own time of day for prompts, as minutes after local midnight: spread across
 * working hours by a hash of their id, so 55,000 people are not all asked at 08:00 (and the
 * sender is not asked to send them all at once). Stable: the same person, the same time.
 */
export function spreadTimeOfDay(personId: string, policy: ReminderPolicy): number {
  const { start, end } = workingMinutes(policy);
  const window = Math.max(1, end - SPREAD_END_MARGIN_MINUTES - start);
  return start + (fnv1a(personId) % window);
}

/** FNV-1a, 32 bits: cheap and well spread for short ids; not for anything secret. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The working days from the day after `now` up to and including the dialogue's day, in the
 * profile's zone: a reminder on Thursday for a Monday dialogue says "om 2 arbetsdagar".
 */
export function workingDaysUntil(now: Date, scheduledAt: IsoDateTime, timeZone: string): number {
  const last = dateAt(new Date(scheduledAt), timeZone);
  let day = DateTime.fromISO(dateAt(now, timeZone), { zone: 'UTC' });
  let count = 0;
  for (;;) {
    day = day.plus({ days: 1 });
    const date = day.toISODate() as IsoDate;
    if (date > last) return count;
    if (isWorkingDay(date)) count += 1;
  }
}

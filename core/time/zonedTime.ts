import { DateTime } from 'luxon';
import type { IsoDate } from '../shared/schemas';

/**
 * Time as people in the organisation read it. Plans and dialogues belong to a calendar year
 * and a wall-clock time in the profile's zone (Europe/Stockholm), not to UTC: a dialogue at
 * 00:30 on 1 January in Sweden is in the new year. Luxon does the zone arithmetic (DST
 * included) and keeps its Intl formatters cached.
 */

/** The calendar year at `instant` in `timeZone`. */
export function yearAt(instant: Date, timeZone: string): number {
  return DateTime.fromJSDate(instant, { zone: timeZone }).year;
}

/** The calendar date (YYYY-MM-DD) at `instant` in `timeZone`: "today" for that organisation. */
export function dateAt(instant: Date, timeZone: string): IsoDate {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate() as IsoDate;
}

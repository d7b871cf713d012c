import type { Language } from '../../../core/i18n/i18n';
import type { IsoDate, IsoDateTime } from '../../../core/shared/schemas';

/**
 * Dates on the plan pages, as the bot's cards say them: calendar dates in words ("14 mars
 * 2027"), instants in the profile's zone ("tisdag 8 december 2026 kl. 09:30"). The browser's
 * Intl does it, so the tab's first paint carries no date library (the cards use luxon's
 * formatDialogueTime; a test keeps the two saying the same).
 */

/** The zone every time of the plan is shown in when the profile names none. */
export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

/** A calendar date (YYYY-MM-DD) in words; the date is read as is, never moved by a zone. */
export function dateInWords(date: IsoDate, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** The calendar day of an instant in the zone, in words: an agreement late on 14 March is the 14th. */
export function dayInWords(instant: IsoDateTime, timeZone: string, language: Language): string {
  return dateInWords(dateIn(new Date(instant), timeZone), language);
}

/** An instant with its time of day in the zone: "tisdag 8 december 2026 kl. 09:30". */
export function timeInWords(instant: IsoDateTime, timeZone: string, language: Language): string {
  const parts = new Intl.DateTimeFormat(LOCALES[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  const date = `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
  const time = `${part('hour')}:${part('minute')}`;
  return language === 'sv' ? `${date} kl. ${time}` : `${date} at ${time}`;
}

/** The calendar date (YYYY-MM-DD) an instant falls on in the zone. */
export function dateIn(instant: Date, timeZone: string): IsoDate {
  // sv-SE writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('sv-SE', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).format(instant);
}

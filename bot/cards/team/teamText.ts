import { DateTime } from 'luxon';
import type { TFunction } from 'i18next';
import { formatDialogueTime } from '../../../core/cycle/scheduling';
import type { Language } from '../../../core/i18n/i18n';
import type { DeliveryResult } from '../../../core/ports/messenger';
import type { DialogueType, OrganisationProfile } from '../../../core/profiles/profileSchema';
import type { IsoDate, IsoDateTime } from '../../../core/shared/schemas';

/** Texts the cards of "mitt team" and booking share, so each says a dialogue the same way. */

/** A dialogue type's name as a heading or list label: "Medarbetarsamtal (utvecklingssamtal)". */
export function dialogueName(type: DialogueType, language: Language): string {
  return type.name[language];
}

/** The name inside a sentence or on a button: "Boka medarbetarsamtal (utvecklingssamtal)". */
export function dialogueInSentence(type: DialogueType, language: Language): string {
  const name = dialogueName(type, language);
  return name.charAt(0).toLocaleLowerCase(language) + name.slice(1);
}

/** A booked time in the profile's zone, in words: "tisdag 8 december 2026 kl. 09:30". */
export function bookedTime(
  profile: OrganisationProfile,
  scheduledAt: IsoDateTime,
  language: Language,
): string {
  return formatDialogueTime(scheduledAt, profile.reminderPolicy.timeZone, language);
}

/**
 * A booked time for a compact list: "tis 8 dec. kl. 09:30", with the year only when it is
 * not the list's own year.
 */
export function shortBookedTime(
  profile: OrganisationProfile,
  scheduledAt: IsoDateTime,
  language: Language,
  year: number,
): string {
  const local = zoned(profile, scheduledAt, language);
  const day = local.year === year ? 'ccc d LLL' : 'ccc d LLL yyyy';
  return local.toFormat(language === 'sv' ? `${day} 'kl.' HH:mm` : `${day} 'at' HH:mm`);
}

/** The day a booked dialogue fell on, for a compact list: "10 mars" (a year only if another). */
export function shortBookedDay(
  profile: OrganisationProfile,
  scheduledAt: IsoDateTime,
  language: Language,
  year: number,
): string {
  const local = zoned(profile, scheduledAt, language);
  return local.toFormat(local.year === year ? 'd LLLL' : 'd LLLL yyyy');
}

const zoned = (profile: OrganisationProfile, scheduledAt: IsoDateTime, language: Language) =>
  DateTime.fromISO(scheduledAt).setZone(profile.reminderPolicy.timeZone).setLocale(language);

/** A calendar date in words: "14 mars 2027". */
export function dateInWords(date: IsoDate, language: Language): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale(language).toFormat('d LLLL yyyy');
}

/** What became of the employee's message; never claims a delivery that did not happen. */
export type EmployeeNotice = DeliveryResult['status'];

/** One sentence for the manager on whether the employee was told. */
export function employeeNoticeText(t: TFunction, notice: EmployeeNotice, name: string): string {
  return t(`team.notice.${notice}`, { name });
}

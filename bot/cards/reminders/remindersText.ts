import type { TFunction } from 'i18next';
import { DateTime } from 'luxon';
import type { Language } from '../../../core/i18n/i18n';
import type { DialogueType, OrganisationProfile } from '../../../core/profiles/profileSchema';
import type { ReminderPause } from '../../../core/reminders/reminderSettings';
import { dialogueInSentence } from '../team/teamText';

/** Texts the reminder cards share, so each says a day, a pause or a dialogue the same way. */

/** The day a prompt comes, in the profile's zone: "tisdag 8 december". */
export function weekdayInWords(instant: Date, timeZone: string, language: Language): string {
  return DateTime.fromJSDate(instant, { zone: timeZone })
    .setLocale(language)
    .toFormat('cccc d LLLL');
}

/**
 * A pause as people say it: "1–14 december", "28 november–3 december", and the years only
 * when it crosses one: "28 december 2026–3 januari 2027".
 */
export function pausePeriod(pause: ReminderPause, language: Language): string {
  const from = DateTime.fromISO(pause.from, { zone: 'UTC' }).setLocale(language);
  const to = DateTime.fromISO(pause.to, { zone: 'UTC' }).setLocale(language);
  if (pause.from === pause.to) return to.toFormat('d LLLL');
  if (from.year !== to.year) return `${from.toFormat('d LLLL yyyy')}–${to.toFormat('d LLLL yyyy')}`;
  if (from.month !== to.month) return `${from.toFormat('d LLLL')}–${to.toFormat('d LLLL')}`;
  return `${from.toFormat('d')}–${to.toFormat('d LLLL')}`;
}

/** "I dag." or "Om 2 arbetsdagar.": how far off the dialogue is, in working days. */
export function whenText(t: TFunction, workingDays: number): string {
  return workingDays === 0
    ? t('reminders.when.today')
    : t('reminders.when.inWorkingDays', { count: workingDays });
}

/**
 * The dialogue inside a sentence: the region's own word for the plan-writing dialogue
 * ("medarbetarsamtal"), the type's name for the others.
 */
export function dialogueWording(
  profile: OrganisationProfile,
  type: DialogueType,
  language: Language,
): string {
  return type.writesPlan ? profile.wording.dialogue[language] : dialogueInSentence(type, language);
}

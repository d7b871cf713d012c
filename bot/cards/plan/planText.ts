import type { TFunction } from 'i18next';
import { DateTime } from 'luxon';
import { TextBlock, type CardElement } from '@microsoft/teams.cards';
import { formatDialogueTime } from '../../../core/cycle/scheduling';
import type { Language } from '../../../core/i18n/i18n';
import type { IndividualPlan } from '../../../core/plan/individualPlan';
import type { OrganisationProfile } from '../../../core/profiles/profileSchema';
import type { IsoDate, IsoDateTime } from '../../../core/shared/schemas';
import type { FieldError, FieldErrors } from '../../plans/planInputs';
import { userTextBlock } from '../userText';

/** Texts and small pieces the plan's cards share, so each says a plan the same way. */

/** "Individuell utvecklingsplan": the profile's word for the plan, as a heading starts. */
export function planWord(profile: OrganisationProfile, language: Language): string {
  const word = profile.wording.individualPlan[language];
  return word.charAt(0).toLocaleUpperCase(language) + word.slice(1);
}

/** "Individuell utvecklingsplan 2026 – Anna Andersson": above every card of the manager's. */
export function planTitle(
  t: TFunction,
  profile: OrganisationProfile,
  language: Language,
  year: number,
  name: string,
): TextBlock {
  return new TextBlock(t('plan.title', { plan: planWord(profile, language), year, name }), {
    isSubtle: true,
    wrap: true,
  });
}

export function heading(text: string): TextBlock {
  return new TextBlock(text, { style: 'heading', size: 'Large', wrap: true });
}

/** A calendar date in words: "14 mars 2027". */
export function dateInWords(date: IsoDate, language: Language): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale(language).toFormat('d LLLL yyyy');
}

/** The day of an instant in the profile's zone, in words. */
export function dayInWords(
  profile: OrganisationProfile,
  instant: IsoDateTime,
  language: Language,
): string {
  return DateTime.fromISO(instant)
    .setZone(profile.reminderPolicy.timeZone)
    .setLocale(language)
    .toFormat('d LLLL yyyy');
}

/** When a version was saved, in the profile's zone: "tisdag 8 december 2026 kl. 09:30". */
export function savedAtInWords(
  profile: OrganisationProfile,
  savedAt: Date,
  language: Language,
): string {
  return formatDialogueTime(savedAt.toISOString(), profile.reminderPolicy.timeZone, language);
}

export function formName(profile: OrganisationProfile, id: string, language: Language): string {
  return profile.formsOfLearning.find((form) => form.id === id)?.name[language] ?? id;
}

/** "Utkast · version 3". */
export function statusLine(t: TFunction, plan: IndividualPlan): TextBlock {
  return new TextBlock(
    t('plan.statusLine', { status: t(`plan.status.${plan.status}`), version: plan.version }),
    { wrap: true, isSubtle: true, spacing: 'Small' },
  );
}

export function followUpLine(t: TFunction, plan: IndividualPlan, language: Language): TextBlock {
  return new TextBlock(
    plan.followUpDate
      ? t('plan.followUpLine', { date: dateInWords(plan.followUpDate, language) })
      : t('plan.noFollowUp'),
    { wrap: true, weight: 'Bolder', spacing: 'Medium', separator: true },
  );
}

/** What the employee said they need to learn well, beside the activities. */
export function inclusiveNeedsBlock(
  t: TFunction,
  name: string,
  needs: string | undefined,
): CardElement[] {
  if (!needs) return [];
  return [
    new TextBlock(t('plan.inclusive.heading', { name }), {
      wrap: true,
      weight: 'Bolder',
      spacing: 'Medium',
    }),
    userTextBlock(needs),
    new TextBlock(t('plan.inclusive.hint'), { wrap: true, isSubtle: true, spacing: 'Small' }),
  ];
}

export const notice = (text: string) =>
  new TextBlock(text, { wrap: true, color: 'Warning', weight: 'Bolder' });

export const hint = (text: string) =>
  new TextBlock(text, { wrap: true, isSubtle: true, spacing: 'Small' });

/** The error under an input, in the clicker's language. */
export function errorBlock(t: TFunction, error: FieldError | undefined): CardElement[] {
  if (!error) return [];
  const text = t(`plan.errors.${error.key}`, error.max !== undefined ? { max: error.max } : {});
  return [new TextBlock(text, { wrap: true, color: 'Attention', size: 'Small', spacing: 'Small' })];
}

/** The line above a form with errors, telling the person to look below. */
export function fixBelow(t: TFunction, errors: FieldErrors | undefined): CardElement[] {
  return errors && Object.keys(errors).length > 0 ? [notice(t('plan.errors.fixBelow'))] : [];
}

/** What the employee asked to change, while the plan waits for the manager's revision. */
export function changeRequestBlock(
  t: TFunction,
  profile: OrganisationProfile,
  language: Language,
  plan: IndividualPlan | undefined,
  name: string,
): CardElement[] {
  const request = plan?.status === 'changes-requested' ? plan.changeRequest : undefined;
  if (!request) return [];
  return [
    new TextBlock(
      t('plan.review.changeRequested', {
        name,
        date: dayInWords(profile, request.requestedAt, language),
      }),
      { wrap: true, weight: 'Bolder', color: 'Warning', spacing: 'Medium' },
    ),
    userTextBlock(request.comment),
  ];
}

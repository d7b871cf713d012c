import type { Language } from '../../../core/i18n/i18n';
import { getProfile, UnknownProfileError } from '../../../core/profiles/profiles';
import type { OrganisationProfile } from '../../../core/profiles/profileSchema';

/**
 * The names a plan's ids stand for, from the organisation profile: priority areas, forms of
 * learning, courses, dialogue types. An id the profile does not know is shown as it is,
 * rather than hiding the goal or activity it belongs to.
 */

/** The profile, or undefined when this build does not know it (a newer service's profile). */
export function profileOrNothing(profileId: string): OrganisationProfile | undefined {
  try {
    return getProfile(profileId);
  } catch (error) {
    if (error instanceof UnknownProfileError) return undefined;
    throw error;
  }
}

export function priorityAreaName(
  profile: OrganisationProfile | undefined,
  id: string,
  language: Language,
): string {
  return profile?.priorityAreas.areas.find((area) => area.id === id)?.name[language] ?? id;
}

export function formOfLearningName(
  profile: OrganisationProfile | undefined,
  id: string,
  language: Language,
): string {
  return profile?.formsOfLearning.find((form) => form.id === id)?.name[language] ?? id;
}

/** A catalogue offer keeps its own (Swedish) title in both languages. */
export function courseTitle(profile: OrganisationProfile | undefined, id: string): string {
  return profile?.catalogue.items.find((item) => item.id === id)?.title ?? id;
}

export function dialogueTypeName(
  profile: OrganisationProfile | undefined,
  id: string,
  language: Language,
): string {
  return profile?.dialogueCycle.find((type) => type.id === id)?.name[language] ?? id;
}

/** The order of the dialogue type in the year's cycle; unknown types last. */
export function dialogueTypeOrder(profile: OrganisationProfile | undefined, id: string): number {
  return profile?.dialogueCycle.find((type) => type.id === id)?.order ?? Number.MAX_SAFE_INTEGER;
}

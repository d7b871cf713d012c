import type { Language } from '../../../../core/i18n/i18n';
import type { OrganisationProfile } from '../../../../core/profiles/profileSchema';
import { DEFAULT_TIME_ZONE } from '../../plan/planDates';
import {
  dialogueTypeName,
  formOfLearningName,
  priorityAreaName,
  profileOrNothing,
} from '../../plan/profileNames';

/** Names of a profile's priority areas, forms of learning and dialogues, in one language. */
export interface ProfileNames {
  profile: OrganisationProfile | undefined;
  area(id: string): string;
  form(id: string): string;
  dialogue(id: string): string;
  /** The profile's priority areas in its own order: what a need may be about. */
  areas: readonly { id: string; name: string }[];
  timeZone: string;
}

/** The shipped profile with this id, or undefined when the app does not know it. */
export function findProfile(id: string | undefined): OrganisationProfile | undefined {
  return id ? profileOrNothing(id) : undefined;
}

/**
 * Looks names up in the profile; an id the profile does not name (a profile changed since a
 * plan was agreed) is shown as the id rather than hidden, so no count goes missing.
 */
export function profileNames(
  profile: OrganisationProfile | undefined,
  language: Language,
): ProfileNames {
  return {
    profile,
    area: (id) => priorityAreaName(profile, id, language),
    form: (id) => formOfLearningName(profile, id, language),
    dialogue: (id) => dialogueTypeName(profile, id, language),
    areas: (profile?.priorityAreas.areas ?? []).map((area) => ({
      id: area.id,
      name: area.name[language],
    })),
    timeZone: profile?.reminderPolicy.timeZone ?? DEFAULT_TIME_ZONE,
  };
}

/** An instant as people read it here, e.g. "25 november 2026 09:30", in the profile's zone. */
export function formatInstant(iso: string, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

import type { Person } from '../../core/ports/directory';
import type { OrganisationProfile } from '../../core/profiles/profileSchema';
import { getProfile, UnknownProfileError } from '../../core/profiles/profiles';
import { dateAt, yearAt } from '../../core/time/zonedTime';
import type { IsoDate } from '../../core/shared/schemas';
import type { Logger } from '../logger';
import type { PersonSummary } from './contract';

/** What the API tells about a person: the name and title the directory has, no more. */
export function personSummary(person: Person): PersonSummary {
  return {
    id: person.id,
    displayName: person.displayName,
    ...(person.jobTitle ? { jobTitle: person.jobTitle } : {}),
  };
}

/** The person's own profile; the service's default when the directory names an unknown one. */
export function profileOf(
  person: Pick<Person, 'profileId'>,
  defaultProfileId: string,
  logger: Logger,
): OrganisationProfile | undefined {
  for (const id of new Set([person.profileId, defaultProfileId])) {
    try {
      return getProfile(id);
    } catch (error) {
      if (!(error instanceof UnknownProfileError)) throw error;
      logger.warn({ profileId: id }, 'unknown organisation profile');
    }
  }
  return undefined;
}

/** As {@link profileOf}, for pages that cannot be drawn without one (a configuration fault). */
export function requiredProfileOf(
  person: Pick<Person, 'profileId'>,
  defaultProfileId: string,
  logger: Logger,
): OrganisationProfile {
  const profile = profileOf(person, defaultProfileId, logger);
  if (!profile) throw new Error('Neither the person’s nor the default profile is known');
  return profile;
}

/** This year and today where the organisation is. */
export function calendarOf(
  profile: OrganisationProfile,
  now: Date,
): { year: number; today: IsoDate } {
  const { timeZone } = profile.reminderPolicy;
  return { year: yearAt(now, timeZone), today: dateAt(now, timeZone) };
}

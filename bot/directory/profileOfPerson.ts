import type { Directory } from '../../core/ports/directory';
import { getProfile } from '../../core/profiles/profiles';
import type { OrganisationProfile } from '../../core/profiles/profileSchema';

/**
 * The organisation profile a person works under, as the directory places them; the
 * configured default (DEFAULT_PROFILE) for someone it does not know.
 */
export async function profileOfPerson(
  directory: Directory,
  personId: string,
  defaultProfileId: string,
): Promise<OrganisationProfile> {
  const person = await directory.findPerson(personId);
  return getProfile(person?.profileId ?? defaultProfileId);
}

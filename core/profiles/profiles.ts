import { OrganisationProfileSchema, type OrganisationProfile } from './profileSchema';
import vgr from './data/vgr.json';
import vasterbotten from './data/vasterbotten.json';

/** A profile file that does not pass the schema; `problems` name the path and what is wrong. */
export class ProfileValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid organisation profile:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ProfileValidationError';
  }
}

export class UnknownProfileError extends Error {
  constructor(
    readonly profileId: string,
    readonly knownIds: string[],
  ) {
    super(`Unknown organisation profile "${profileId}" (known: ${knownIds.join(', ')})`);
    this.name = 'UnknownProfileError';
  }
}

/** Validates a region's profile file, e.g. one the service reads from disk at start. */
export function parseProfile(json: unknown): OrganisationProfile {
  const result = OrganisationProfileSchema.safeParse(json);
  if (!result.success) {
    throw new ProfileValidationError(
      result.error.issues.map((issue) =>
        issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
      ),
    );
  }
  return result.data;
}

export interface ProfileRegistry {
  getProfile(id: string): OrganisationProfile;
  listProfiles(): readonly OrganisationProfile[];
}

/** A registry over validated profiles, e.g. the shipped ones plus region files read at start. */
export function createProfileRegistry(profiles: readonly OrganisationProfile[]): ProfileRegistry {
  const byId = new Map<string, OrganisationProfile>();
  for (const profile of profiles) {
    if (byId.has(profile.id)) {
      throw new ProfileValidationError([`Profile id "${profile.id}" is registered twice`]);
    }
    byId.set(profile.id, profile);
  }
  const list = [...byId.values()];
  return {
    getProfile(id) {
      const profile = byId.get(id);
      if (!profile) throw new UnknownProfileError(id, [...byId.keys()]);
      return profile;
    },
    listProfiles: () => list,
  };
}

// The profiles shipped with the app: a region added in the repository is one entry here.
const shipped = createProfileRegistry([vgr, vasterbotten].map(parseProfile));

export const getProfile = (id: string): OrganisationProfile => shipped.getProfile(id);
export const listProfiles = (): readonly OrganisationProfile[] => shipped.listProfiles();

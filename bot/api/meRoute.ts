import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { Directory, Person } from '../../core/ports/directory';
import { getProfile, UnknownProfileError } from '../../core/profiles/profiles';
import type { OrganisationProfile } from '../../core/profiles/profileSchema';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { MeResponse, ProfileSummary } from './contract';
import { callerOf } from './identity';
import { parseInput } from './validation';

const NoQuerySchema = z.strictObject({});

/** GET /me: who the caller is, whether they lead anyone, and their organisation's profile. */
export function getMe(deps: {
  config: Config;
  directory: Directory;
  logger: Logger;
}): RequestHandler {
  return async (req, res) => {
    parseInput(NoQuerySchema, req.query, 'query');
    const { person } = callerOf(req);
    const reports = await deps.directory.directReportsOf(person.id);
    const profile = profileOf(person, deps.config.defaultProfileId, deps.logger);
    const body: MeResponse = {
      person: {
        id: person.id,
        displayName: person.displayName,
        ...(person.jobTitle ? { jobTitle: person.jobTitle } : {}),
      },
      isManager: reports.length > 0,
      directReportCount: reports.length,
      profile: profile ? summarise(profile) : null,
    };
    res.json(body);
  };
}

/** The person's own profile; the service's default when the directory names an unknown one. */
function profileOf(
  person: Person,
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

function summarise(profile: OrganisationProfile): ProfileSummary {
  return {
    id: profile.id,
    name: profile.name,
    dialogueTypes: [...profile.dialogueCycle]
      .sort((a, b) => a.order - b.order)
      .map(({ id, name, order }) => ({ id, name, order })),
    priorityAreas: profile.priorityAreas.areas.map(({ id, name }) => ({ id, name })),
  };
}

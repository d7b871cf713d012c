import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { Directory } from '../../core/ports/directory';
import type { OrganisationProfile } from '../../core/profiles/profileSchema';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { personSummary, profileOf } from './apiPeople';
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
      person: personSummary(person),
      isManager: reports.length > 0,
      directReportCount: reports.length,
      profile: profile ? summarise(profile) : null,
      unitId: person.unitId ?? null,
    };
    res.json(body);
  };
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

import type { RequestHandler } from 'express';
import { z } from 'zod';
import { authorize, MIN_GROUP_SIZE } from '../../core/access/authorization';
import { organisationSummary } from '../../core/team/organisationSummary';
import { forbidden } from './apiErrors';
import { calendarOf, requiredProfileOf } from './apiPeople';
import { HR_APP_ROLE } from './appRoles';
import type { OrganisationSummaryResponse } from './contract';
import { callerOf } from './identity';
import type { ApiDependencies } from './router';
import { parseInput } from './validation';

const QuerySchema = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/, 'a year such as 2026')
    .transform(Number)
    .pipe(z.int().min(2000).max(2100))
    .optional(),
});

/**
 * GET /organisation/summary?year=2026: per unit, how many people there are, how many have a
 * current agreed plan and how many had each dialogue of the cycle held in the year – for
 * people holding the HR app role only, and with no counts for a unit under the minimum group
 * size. Everyone else gets 403: the route exists, it is just not theirs.
 */
export function getOrganisationSummary(deps: ApiDependencies): RequestHandler {
  const now = deps.now ?? (() => new Date());
  return async (req, res) => {
    const caller = callerOf(req);
    const decision = authorize(
      { id: caller.person.id, roles: caller.roles, relations: [] },
      'read',
      'organisation-aggregates',
    );
    if (!decision.allowed) {
      throw forbidden(
        'not_hr',
        `Only people with the HR role (the app role ${HR_APP_ROLE} in Entra) see the organisation's figures.`,
      );
    }
    const query = parseInput(QuerySchema, req.query, 'query');

    const people = await deps.directory.listPeople();
    const { agreedPlans, dialogues } = await deps.plans.readTeamRecords(
      people.map((person) => person.id),
    );
    const profileOf = (person: { profileId: string }) =>
      requiredProfileOf(person, deps.config.defaultProfileId, deps.logger);
    const { year: thisYear, today } = calendarOf(profileOf(caller.person), now());
    const year = query.year ?? thisYear;
    const body: OrganisationSummaryResponse = {
      year,
      today,
      minGroupSize: MIN_GROUP_SIZE,
      units: organisationSummary({
        people,
        agreedPlans,
        dialogues,
        profileOf,
        year,
        today,
        suppress: decision.suppressSmallGroups,
      }),
    };
    res.json(body);
  };
}

import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { isAllowed } from '../../core/access/authorization';
import { TeamPlanSchema, type TeamPlan } from '../../core/plan/teamPlan';
import { VersionConflictError } from '../../core/ports/storeErrors';
import { EntityIdSchema } from '../../core/shared/schemas';
import { AppError } from '../errors';
import { newTeamPlan } from '../teamPlan/teamPlanChanges';
import { forbidden, notFound, versionConflict } from './apiErrors';
import { TeamPlanChangeSchema, type TeamPlanChange, type TeamPlanPageResponse } from './contract';
import { callerOf } from './identity';
import type { ApiDependencies } from './router';
import { teamPlanPage, unitReader, type UnitTeam } from './teamPlanPage';
import { expectNoQuery, parseInput } from './validation';

const PathSchema = z.strictObject({ unitId: EntityIdSchema });

/** GET /units/{unitId}/team-plan: the unit's plan and counts, for its members and manager. */
export function getTeamPlanPage(deps: ApiDependencies): RequestHandler {
  return async (req, res) => {
    const { unitId } = parseInput(PathSchema, req.params, 'path');
    expectNoQuery(req.query);
    const reader = await unitReader(deps, callerOf(req).person, unitId);
    if (!reader) throw notFound('unit');
    const body: TeamPlanPageResponse = teamPlanPage(reader);
    res.json(body);
  };
}

/**
 * PUT /units/{unitId}/team-plan: the unit's manager replaces the goals and needed
 * competences of this year's plan, from the version their page showed. The same content
 * again stores no new version.
 */
export function putTeamPlan(deps: ApiDependencies): RequestHandler {
  const now = deps.now ?? (() => new Date());
  return async (req, res) => {
    const { unitId } = parseInput(PathSchema, req.params, 'path');
    expectNoQuery(req.query);
    const change = parseInput(TeamPlanChangeSchema, req.body, 'body');
    const { person } = callerOf(req);
    const reader = await unitReader(deps, person, unitId);
    if (!reader) throw notFound('unit');
    if (!isAllowed(reader.actor, 'write', 'team-plan')) {
      throw forbidden('not_the_unit_manager', "Only the unit's manager changes the team plan.");
    }
    const { team } = reader;
    const current = team.teamPlan;
    if ((current?.version ?? 0) !== change.expectedVersion) throw versionConflict();

    const plan = changedPlan(team, unitId, change, { by: person.id, at: now().toISOString() });
    const unchanged =
      current !== undefined &&
      JSON.stringify([current.unitGoals, current.neededCompetences]) ===
        JSON.stringify([plan.unitGoals, plan.neededCompetences]);
    let stored = current;
    if (!unchanged) {
      try {
        stored = await deps.plans.saveTeamPlan(plan, {
          expectedVersion: change.expectedVersion,
          savedBy: person.id,
        });
      } catch (error) {
        if (error instanceof VersionConflictError) throw versionConflict();
        throw error;
      }
      deps.logger.info({ version: stored.version }, 'team plan saved');
    }
    const body: TeamPlanPageResponse = teamPlanPage(reader, stored);
    res.json(body);
  };
}

/**
 * This year's plan of the unit with the goals and needs sent. Every need names a priority
 * area of the profile and, when it serves a unit goal, one of the goals sent along with it.
 */
function changedPlan(
  team: UnitTeam,
  unitId: string,
  change: TeamPlanChange,
  stamp: { by: string; at: string },
): TeamPlan {
  const areas = new Set(team.profile.priorityAreas.areas.map((area) => area.id));
  change.neededCompetences.forEach((need, index) => {
    if (!areas.has(need.priorityAreaId)) {
      throw new AppError(
        400,
        'invalid_request',
        `Invalid body. neededCompetences.${index}.priorityAreaId: not a priority area of the profile`,
      );
    }
  });
  const base =
    team.teamPlan ??
    newTeamPlan({ id: randomUUID(), unitId, profileId: team.profile.id, year: team.year });
  return parseInput(
    TeamPlanSchema,
    {
      ...base,
      unitGoals: change.unitGoals,
      neededCompetences: change.neededCompetences,
      updatedAt: stamp.at,
      updatedBy: stamp.by,
    },
    'body',
  );
}

import {
  authorize,
  isAllowed,
  suppressSmallGroups,
  unitRelations,
  type Actor,
} from '../../core/access/authorization';
import type { TeamPlan } from '../../core/plan/teamPlan';
import type { Person } from '../../core/ports/directory';
import { teamCoverage, type TeamCoverage } from '../../core/team/coverage';
import { plannedNeeds, unplannedCompetences } from '../../core/team/plannedNeeds';
import { loadTeamSnapshot, type TeamSnapshot } from '../team/teamSnapshot';
import { calendarOf, requiredProfileOf } from './apiPeople';
import type { TeamPlanPageResponse } from './contract';
import type { ApiDependencies } from './router';

/** What a unit's page counts: a manager's team snapshot, or a unit with no team to count. */
export type UnitTeam = Pick<
  TeamSnapshot,
  'profile' | 'year' | 'today' | 'reports' | 'agreedPlans' | 'dialogues' | 'teamPlan'
>;

/**
 * Who reads a unit's team plan, decided from the directory on every request and checked
 * against the authorization matrix (core/access/authorization.ts): the unit's manager (who
 * has direct reports and is placed in the unit) may change it; a member of the unit reads
 * what their manager's team adds up to, with the counts of a team under the minimum group
 * size withheld. Anyone else is told nothing.
 */
export interface UnitReader {
  /** The caller, with how they stand to the unit. */
  actor: Actor;
  unitId: string;
  team: UnitTeam;
}

export async function unitReader(
  deps: ApiDependencies,
  caller: Person,
  unitId: string,
): Promise<UnitReader | undefined> {
  const own = caller.unitId === unitId ? await loadTeamSnapshot(deps, caller.id) : undefined;
  const actor: Actor = {
    id: caller.id,
    roles: [],
    relations: unitRelations(caller, unitId, own !== undefined),
  };
  if (!isAllowed(actor, 'read', 'team-plan')) return undefined;
  if (own) return { actor, unitId, team: own };
  const manager = await deps.directory.managerOf(caller.id);
  const managers = manager?.unitId === unitId && (await loadTeamSnapshot(deps, manager.id));
  if (managers) return { actor, unitId, team: managers };

  // A member whose manager is placed elsewhere: the unit's plan, with no team to count.
  const profile = requiredProfileOf(caller, deps.config.defaultProfileId, deps.logger);
  const { year, today } = calendarOf(profile, (deps.now ?? (() => new Date()))());
  const teamPlan = await deps.plans.getTeamPlan(unitId, year);
  const team: UnitTeam = {
    profile,
    year,
    today,
    reports: [],
    agreedPlans: [],
    dialogues: [],
    ...(teamPlan ? { teamPlan } : {}),
  };
  return { actor, unitId, team };
}

/** The coverage "mitt team" and the team plan show: over the agreed plans of the reports. */
export function teamCoverageOf(team: UnitTeam): TeamCoverage {
  const { profile, year, today, agreedPlans: plans, dialogues } = team;
  const employeeIds = team.reports.map((report) => report.id);
  return teamCoverage({ profile, employeeIds, plans, dialogues, year, today });
}

/**
 * The channel tab's page, the same for every reader of the unit: the unit's plan and what
 * the team's agreed plans add up to, as counts only. For a reader the matrix gives counts of
 * small groups withheld (a channel member), a team of fewer than MIN_GROUP_SIZE people shows
 * the plan without counts: with three colleagues, "1 has a plan" names someone. `saved`
 * stands in for the stored plan right after a save.
 */
export function teamPlanPage(reader: UnitReader, saved?: TeamPlan): TeamPlanPageResponse {
  const { team } = reader;
  const teamPlan = saved ?? team.teamPlan;
  const aggregates = authorize(reader.actor, 'read', 'team-aggregates');
  const needs = plannedNeeds({
    employeeIds: team.reports.map((report) => report.id),
    plans: team.agreedPlans,
    today: team.today,
  });
  const counts = {
    plannedNeeds: needs,
    unplannedCompetenceIds: teamPlan
      ? unplannedCompetences(teamPlan, needs).map((need) => need.id)
      : [],
    coverage: teamCoverageOf(team),
  };
  const shown = aggregates.allowed
    ? suppressSmallGroups(team.reports.length, counts, aggregates.suppressSmallGroups)
    : ({ suppressed: true, counts: null } as const);
  return {
    unitId: reader.unitId,
    profileId: team.profile.id,
    year: team.year,
    teamPlan: teamPlan ?? null,
    countsWithheld: shown.suppressed,
    plannedNeeds: shown.counts?.plannedNeeds ?? null,
    unplannedCompetenceIds: shown.counts?.unplannedCompetenceIds ?? null,
    coverage: shown.counts?.coverage ?? null,
    canEdit: isAllowed(reader.actor, 'write', 'team-plan'),
  };
}

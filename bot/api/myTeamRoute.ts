import type { RequestHandler } from 'express';
import { DateTime } from 'luxon';
import type { IndividualPlan } from '../../core/plan/individualPlan';
import type { IsoDate } from '../../core/shared/schemas';
import { latestPlan, memberStatuses, type MemberStatus } from '../team/memberStatus';
import { loadTeamSnapshot } from '../team/teamSnapshot';
import { forbidden } from './apiErrors';
import { personSummary } from './apiPeople';
import type { TeamMember, TeamResponse } from './contract';
import { callerOf } from './identity';
import { cycleEntry } from './planPage';
import type { ApiDependencies } from './router';
import { teamCoverageOf } from './teamPlanPage';
import { expectNoQuery } from './validation';

/** A current plan whose last day is this close is "expiring" in the manager's filter. */
export const PLAN_EXPIRING_DAYS = 60;

/**
 * GET /me/team: "mitt team" for the manager view of the personal tab: each direct report's
 * cycle and plan, flagged for the view's filters, and the team's coverage.
 */
export function getMyTeam(deps: ApiDependencies): RequestHandler {
  const now = deps.now ?? (() => new Date());
  return async (req, res) => {
    expectNoQuery(req.query);
    const snapshot = await loadTeamSnapshot(deps, callerOf(req).person.id);
    if (!snapshot) {
      throw forbidden('not_a_manager', 'Only a manager with direct reports has a team here.');
    }
    const plansOf = new Map<string, IndividualPlan[]>();
    for (const plan of snapshot.plans) {
      plansOf.set(plan.employeeId, [...(plansOf.get(plan.employeeId) ?? []), plan]);
    }
    const body: TeamResponse = {
      profileId: snapshot.profile.id,
      year: snapshot.year,
      today: snapshot.today,
      members: memberStatuses(snapshot, now()).map((status) =>
        teamMember(snapshot.today, status, plansOf.get(status.person.id) ?? []),
      ),
      coverage: teamCoverageOf(snapshot),
    };
    res.json(body);
  };
}

function teamMember(
  today: IsoDate,
  status: MemberStatus,
  plans: readonly IndividualPlan[],
): TeamMember {
  const { person, planCurrentUntil: until } = status;
  const latest = latestPlan(plans);
  return {
    person: personSummary(person),
    cycle: status.cycle.map(cycleEntry),
    plan: {
      ...(latest ? { planId: latest.id, status: latest.status } : {}),
      ...(until ? { currentUntil: until } : {}),
    },
    flags: {
      noCurrentPlan: until === undefined,
      planExpiring: until !== undefined && until <= daysAfter(today, PLAN_EXPIRING_DAYS),
      dialogueNotHeld: status.cycle.some((entry) => entry.status !== 'held'),
    },
  };
}

function daysAfter(date: IsoDate, days: number): IsoDate {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() as IsoDate;
}

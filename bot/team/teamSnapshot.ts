import type { Dialogue } from '../../core/plan/dialogue';
import type { EffectFollowUp } from '../../core/plan/effectFollowUp';
import type { IndividualPlan } from '../../core/plan/individualPlan';
import type { TeamPlan } from '../../core/plan/teamPlan';
import type { Person } from '../../core/ports/directory';
import type { OrganisationProfile } from '../../core/profiles/profileSchema';
import { getProfile } from '../../core/profiles/profiles';
import { unansweredFollowUps } from '../../core/reminders/effectFollowUps';
import type { IsoDate } from '../../core/shared/schemas';
import { dateAt, yearAt } from '../../core/time/zonedTime';
import type { FlowDependencies } from '../flowDependencies';
import { latestPlan } from './memberStatus';

/** Everything "mitt team" and the team plan show, read once per turn. */
export interface TeamSnapshot {
  manager: Person;
  profile: OrganisationProfile;
  /** This year and today in the profile's zone. */
  year: number;
  today: IsoDate;
  /** The manager's direct reports as the directory says now, by name. */
  reports: Person[];
  /** The reports' plans as they stand now (drafts and proposals included), every year. */
  plans: IndividualPlan[];
  /**
   * What is agreed: for each plan ever agreed, its latest agreed version, also while a newer
   * version is being drafted or proposed. Coverage and planned needs count these.
   */
  agreedPlans: IndividualPlan[];
  /** The reports' dialogues, every year. */
  dialogues: Dialogue[];
  /** The unit's plan for this year, when the manager has written one. */
  teamPlan?: TeamPlan;
  /**
   * Per report, the activities of their latest agreed plan whose due date has passed with no
   * effect follow-up answered; reports with none are left out. Absent when not counted.
   */
  unansweredFollowUps?: ReadonlyMap<string, number>;
}

/**
 * The manager's team, or undefined when the directory names no direct reports: then the
 * person is not a manager here and sees nothing of anyone. Everything is read for the
 * reports the directory lists today, so someone who left the team drops out at once.
 */
export async function loadTeamSnapshot(
  deps: FlowDependencies,
  managerId: string,
): Promise<TeamSnapshot | undefined> {
  const [manager, reports] = await Promise.all([
    deps.directory.findPerson(managerId),
    deps.directory.directReportsOf(managerId),
  ]);
  if (!manager || reports.length === 0) return undefined;
  const profile = getProfile(manager.profileId ?? deps.defaultProfileId);
  const now = (deps.now ?? (() => new Date()))();
  const { timeZone } = profile.reminderPolicy;
  const year = yearAt(now, timeZone);
  const reportIds = reports.map((report) => report.id);
  const [{ plans, agreedPlans, dialogues, followUps }, teamPlan] = await Promise.all([
    deps.plans.readTeamRecords(reportIds),
    manager.unitId ? deps.plans.getTeamPlan(manager.unitId, year) : Promise.resolve(undefined),
  ]);
  const today = dateAt(now, timeZone);
  return {
    manager,
    profile,
    year,
    today,
    reports: [...reports].sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv')),
    plans,
    agreedPlans,
    dialogues,
    ...(teamPlan ? { teamPlan } : {}),
    unansweredFollowUps: unansweredFollowUpsOf(agreedPlans, followUps, today),
  };
}

/**
 * Counted against every answer, private ones too: that an employee answered is not what they
 * answered, and a private answer must not look to the manager like a follow-up still open.
 * The counts are all the manager sees of them.
 */
function unansweredFollowUpsOf(
  agreedPlans: readonly IndividualPlan[],
  answers: readonly EffectFollowUp[],
  today: IsoDate,
): Map<string, number> {
  const latest = new Map<string, IndividualPlan>();
  for (const plan of agreedPlans) {
    const known = latest.get(plan.employeeId);
    latest.set(plan.employeeId, known ? (latestPlan([known, plan]) ?? plan) : plan);
  }
  const counts = new Map<string, number>();
  for (const [employeeId, plan] of latest) {
    const open = unansweredFollowUps(plan, answers, today).length;
    if (open > 0) counts.set(employeeId, open);
  }
  return counts;
}

import type { Dialogue } from '../../core/plan/dialogue';
import type { IndividualPlan } from '../../core/plan/individualPlan';
import type { TeamPlan } from '../../core/plan/teamPlan';
import type { Person } from '../../core/ports/directory';
import type { OrganisationProfile } from '../../core/profiles/profileSchema';
import { getProfile } from '../../core/profiles/profiles';
import type { IsoDate } from '../../core/shared/schemas';
import { dateAt, yearAt } from '../../core/time/zonedTime';
import type { FlowDependencies } from '../flowDependencies';

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
  const [plans, dialogues, teamPlan] = await Promise.all([
    deps.plans.listIndividualPlans(reportIds),
    deps.plans.listDialoguesForEmployees(reportIds),
    manager.unitId ? deps.plans.getTeamPlan(manager.unitId, year) : Promise.resolve(undefined),
  ]);
  return {
    manager,
    profile,
    year,
    today: dateAt(now, timeZone),
    reports: [...reports].sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv')),
    plans,
    agreedPlans: await agreedVersionsOf(deps, plans),
    dialogues,
    ...(teamPlan ? { teamPlan } : {}),
  };
}

/** Only a plan under revision needs its history read: few at a time, so one read each. */
async function agreedVersionsOf(
  deps: FlowDependencies,
  plans: readonly IndividualPlan[],
): Promise<IndividualPlan[]> {
  const agreed = await Promise.all(
    plans.map(async (plan) => {
      if (plan.status === 'agreed' || plan.agreedAt === undefined) {
        return plan.status === 'agreed' ? plan : undefined;
      }
      const history = await deps.plans.individualPlanHistory(plan.id);
      return history
        .map((revision) => revision.document)
        .filter((version) => version.status === 'agreed')
        .at(-1);
    }),
  );
  return agreed.filter((plan): plan is IndividualPlan => plan !== undefined);
}

import { dialogueCycle, type CycleEntry as CoreCycleEntry } from '../../core/cycle/dialogueCycle';
import type { Dialogue } from '../../core/plan/dialogue';
import type { Person } from '../../core/ports/directory';
import type { OrganisationProfile } from '../../core/profiles/profileSchema';
import { getProfile } from '../../core/profiles/profiles';
import { saverNames } from '../plans/planHistory';
import { calendarOf, personSummary, requiredProfileOf } from './apiPeople';
import type { CycleEntry, PlanPageResponse, PlanVersion } from './contract';
import type { ApiDependencies } from './router';

/** Who is reading the plan page: the employee themselves, or their manager today. */
export type PlanReader = 'employee' | 'manager';

/**
 * An employee's plan page: the latest plan, its versions, this year's dialogue cycle and the
 * reflections the reader may see. The manager's page is read with `sharedOnly`, so the store
 * itself leaves the private reflections out: no later step can show them by mistake.
 */
export async function planPage(
  deps: ApiDependencies,
  employee: Person,
  reader: PlanReader,
): Promise<PlanPageResponse> {
  const now = (deps.now ?? (() => new Date()))();
  const [plan, manager, dialogues, reflections] = await Promise.all([
    deps.plans.findLatestIndividualPlan(employee.id),
    deps.directory.managerOf(employee.id),
    deps.plans.listDialoguesForEmployee(employee.id),
    deps.plans.listReflections(employee.id, { sharedOnly: reader === 'manager' }),
  ]);
  const profile = plan
    ? getProfile(plan.profileId)
    : requiredProfileOf(employee, deps.config.defaultProfileId, deps.logger);
  const { year } = calendarOf(profile, now);
  const own = reader === 'employee';
  return {
    employee: personSummary(employee),
    manager: manager ? personSummary(manager) : null,
    profileId: profile.id,
    year,
    plan: plan ?? null,
    history: plan ? await planVersions(deps, plan.id) : [],
    cycle: cycleOf(profile, dialogues, year),
    reflections,
    canEdit: {
      activityStatus: own && plan?.status === 'agreed',
      reflections: own,
      answerProposal: own && plan?.status === 'proposed',
    },
  };
}

/** Every saved version of the plan, newest first, each with who saved it by name. */
export async function planVersions(
  deps: Pick<ApiDependencies, 'plans' | 'directory'>,
  planId: string,
): Promise<PlanVersion[]> {
  const revisions = (await deps.plans.individualPlanHistory(planId)).reverse();
  const names = await saverNames(deps, revisions);
  return revisions.map(({ version, savedAt, savedBy, document }) => ({
    version,
    savedAt: savedAt.toISOString(),
    savedByName: names.get(savedBy) ?? '',
    status: document.status,
  }));
}

/** The year's dialogue cycle as the page shows it: each type's status and booked time. */
export function cycleOf(
  profile: OrganisationProfile,
  dialogues: readonly Dialogue[],
  year: number,
): CycleEntry[] {
  return dialogueCycle(profile, dialogues, year).map(cycleEntry);
}

/** One dialogue of the cycle by ids and times only; the tab names it from the profile. */
export function cycleEntry({ dialogueType, status, dialogue }: CoreCycleEntry): CycleEntry {
  return {
    dialogueTypeId: dialogueType.id,
    status,
    ...(dialogue?.scheduledAt ? { scheduledAt: dialogue.scheduledAt } : {}),
  };
}

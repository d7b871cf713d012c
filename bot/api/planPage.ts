import { dialogueCycle, type CycleEntry as CoreCycleEntry } from '../../core/cycle/dialogueCycle';
import type { Dialogue } from '../../core/plan/dialogue';
import type { IndividualPlan } from '../../core/plan/individualPlan';
import type { Person } from '../../core/ports/directory';
import type { OrganisationProfile } from '../../core/profiles/profileSchema';
import { getProfile } from '../../core/profiles/profiles';
import { unansweredFollowUps } from '../../core/reminders/effectFollowUps';
import type { IsoDate } from '../../core/shared/schemas';
import { saverNames } from '../plans/planHistory';
import { calendarOf, personSummary, requiredProfileOf } from './apiPeople';
import type { CycleEntry, PlanFollowUps, PlanPageResponse, PlanVersion } from './contract';
import type { ApiDependencies } from './router';

/** Who is reading the plan page: the employee themselves, or their manager today. */
export type PlanReader = 'employee' | 'manager';

/**
 * An employee's plan page: the latest plan, its versions, this year's dialogue cycle and the
 * reflections and follow-up answers the reader may see. The manager's page is read with
 * `sharedOnly`, so the store itself leaves the private ones out: no later step can show them
 * by mistake.
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
  const { year, today } = calendarOf(profile, now);
  const own = reader === 'employee';
  const [history, followUps] = plan
    ? await Promise.all([planVersions(deps, plan.id), followUpsOf(deps, plan, reader, today)])
    : [[], { answers: [], unansweredActivityIds: [] }];
  return {
    employee: personSummary(employee),
    manager: manager ? personSummary(manager) : null,
    profileId: profile.id,
    year,
    plan: plan ?? null,
    history,
    cycle: cycleOf(profile, dialogues, year),
    reflections,
    followUps,
    canEdit: {
      activityStatus: own && plan?.status === 'agreed',
      reflections: own,
      answerProposal: own && plan?.status === 'proposed',
    },
  };
}

/**
 * The plan's follow-up answers the reader may see, and what is still open. What is open is
 * counted against every answer, private ones too, as "mitt team" counts it: that the employee
 * answered is not what they answered, and a private answer must not look to the manager like
 * a follow-up left undone. A plan never agreed has promised nothing to follow up yet.
 */
async function followUpsOf(
  deps: ApiDependencies,
  plan: IndividualPlan,
  reader: PlanReader,
  today: IsoDate,
): Promise<PlanFollowUps> {
  const sharedOnly = reader === 'manager';
  const [answers, everyAnswer] = await Promise.all([
    deps.plans.listEffectFollowUps([plan.id], { sharedOnly }),
    sharedOnly ? deps.plans.listEffectFollowUps([plan.id]) : undefined,
  ]);
  const open =
    plan.agreedAt === undefined ? [] : unansweredFollowUps(plan, everyAnswer ?? answers, today);
  return { answers, unansweredActivityIds: open.map((activity) => activity.id) };
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

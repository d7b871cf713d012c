import { mayActAsManagerOf, planReaderOf } from '../../core/access/planAccess';
import type { DialoguePreparation } from '../../core/plan/dialogue';
import type { EffectFollowUp } from '../../core/plan/effectFollowUp';
import type { IndividualPlan } from '../../core/plan/individualPlan';
import type { UnitGoal } from '../../core/plan/teamPlan';
import type { Person } from '../../core/ports/directory';
import { planWritingDialogueType, sharedAnswers } from '../../core/preparation/preparation';
import type { OrganisationProfile } from '../../core/profiles/profileSchema';
import { getProfile } from '../../core/profiles/profiles';
import type { IsoDate } from '../../core/shared/schemas';
import { dateAt, yearAt } from '../../core/time/zonedTime';
import { recordAccess } from '../privacy/auditTrail';
import type { FlowDependencies } from '../flowDependencies';

/**
 * What one turn of the plan flow reads, after the access check. Who may see what is decided
 * here from the turn's person and the directory as it is now, never from a card's data: a
 * context is only returned to someone allowed to see it.
 */

/** The manager's turn on one employee's plan. */
export interface ManagerPlanContext {
  manager: Person;
  employee: Person;
  profile: OrganisationProfile;
  /** The plan's year, or this year when there is no plan yet. */
  year: number;
  today: IsoDate;
  plan?: IndividualPlan;
  /** The unit's goals for the year, from the team plan. */
  unitGoals: UnitGoal[];
  /** The year's plan-writing dialogue, when there is one. */
  dialogueId?: string;
  /** The employee's preparation for that dialogue with only the answers they shared. */
  sharedPreparation?: DialoguePreparation;
  /** The effect follow-ups of the plan the employee shared; the private ones are never read. */
  sharedFollowUps: EffectFollowUp[];
}

/** The employee's turn on their own plan. */
export interface EmployeePlanContext {
  employee: Person;
  manager?: Person;
  profile: OrganisationProfile;
  plan: IndividualPlan;
  unitGoals: UnitGoal[];
}

/**
 * The manager's context, or undefined when the actor is not the employee's manager today or
 * the plan named is not that employee's: the caller then reveals nothing.
 */
export async function loadManagerContext(
  deps: FlowDependencies,
  managerId: string,
  employeeId: string,
  planId?: string,
): Promise<ManagerPlanContext | undefined> {
  const [manager, employee] = await Promise.all([
    deps.directory.findPerson(managerId),
    deps.directory.findPerson(employeeId),
  ]);
  if (!manager || !employee || !mayActAsManagerOf(managerId, employee)) return undefined;

  const { year, today, profile } = calendarOf(deps, employee);
  const plan = planId
    ? await deps.plans.getIndividualPlanById(planId)
    : await deps.plans.getIndividualPlan(employee.id, year);
  if (planId && plan?.employeeId !== employee.id) return undefined;
  const planProfile = plan ? getProfile(plan.profileId) : profile;
  const planYear = plan?.year ?? year;

  const [unitGoals, preparation, sharedFollowUps] = await Promise.all([
    unitGoalsOf(deps, manager.unitId, planYear),
    preparationFor(deps, employee.id, planProfile, planYear, plan?.dialogueId),
    plan ? deps.plans.listEffectFollowUps([plan.id], { sharedOnly: true }) : Promise.resolve([]),
  ]);
  // Every manager view of the plan and what was shared shows the employee's data: recorded.
  await recordAccess(deps, managerId, employee.id, 'plan.viewed', {
    via: 'chat',
    ...(plan ? { planId: plan.id, version: plan.version } : {}),
  });
  return {
    manager,
    employee,
    profile: planProfile,
    year: planYear,
    today,
    ...(plan ? { plan } : {}),
    unitGoals,
    ...(preparation ?? {}),
    sharedFollowUps,
  };
}

/** The employee's own plan, or undefined when the plan is not theirs (or does not exist). */
export async function loadEmployeeContext(
  deps: FlowDependencies,
  employeeId: string,
  planId: string,
): Promise<EmployeePlanContext | undefined> {
  const plan = await deps.plans.getIndividualPlanById(planId);
  if (!plan || plan.employeeId !== employeeId) return undefined;
  const [employee, manager] = await Promise.all([
    deps.directory.findPerson(employeeId),
    deps.directory.managerOf(employeeId),
  ]);
  if (!employee) return undefined;
  const unitGoals = await unitGoalsOf(deps, manager?.unitId ?? employee.unitId, plan.year);
  return {
    employee,
    ...(manager ? { manager } : {}),
    profile: getProfile(plan.profileId),
    plan,
    unitGoals,
  };
}

/** Who is asking about a plan: its employee or their manager (anyone else gets no role). */
export interface PlanRole {
  role: 'employee' | 'manager';
  plan: IndividualPlan;
  employee: Person;
}

export async function roleOn(
  deps: FlowDependencies,
  actorId: string,
  planId: string,
): Promise<PlanRole | undefined> {
  const plan = await deps.plans.getIndividualPlanById(planId);
  if (!plan) return undefined;
  const employee = await deps.directory.findPerson(plan.employeeId);
  const role = employee && planReaderOf(actorId, employee);
  if (!employee || !role) return undefined;
  return { role, plan, employee };
}

function calendarOf(deps: FlowDependencies, person: Person) {
  const profile = getProfile(person.profileId ?? deps.defaultProfileId);
  const now = (deps.now ?? (() => new Date()))();
  const { timeZone } = profile.reminderPolicy;
  return { profile, year: yearAt(now, timeZone), today: dateAt(now, timeZone) };
}

async function unitGoalsOf(
  deps: FlowDependencies,
  unitId: string | undefined,
  year: number,
): Promise<UnitGoal[]> {
  if (!unitId) return [];
  return (await deps.plans.getTeamPlan(unitId, year))?.unitGoals ?? [];
}

/**
 * The year's plan-writing dialogue and what the employee shared for it. The private answers
 * are dropped here, before any card is drawn, so no card can show them by mistake.
 */
async function preparationFor(
  deps: FlowDependencies,
  employeeId: string,
  profile: OrganisationProfile,
  year: number,
  dialogueId: string | undefined,
): Promise<Pick<ManagerPlanContext, 'dialogueId' | 'sharedPreparation'> | undefined> {
  const typeId = planWritingDialogueType(profile).id;
  const dialogues = await deps.plans.listDialoguesForEmployee(employeeId);
  const dialogue =
    dialogues.find((candidate) => candidate.id === dialogueId) ??
    dialogues.find(
      (candidate) =>
        candidate.dialogueTypeId === typeId &&
        candidate.year === year &&
        candidate.status !== 'cancelled',
    );
  if (!dialogue) return undefined;
  const stored = await deps.plans.getPreparation(dialogue.id);
  const shared = stored && sharedAnswers(stored.preparation);
  return {
    dialogueId: dialogue.id,
    ...(stored && shared && shared.length > 0
      ? { sharedPreparation: { ...stored.preparation, answers: shared } }
      : {}),
  };
}

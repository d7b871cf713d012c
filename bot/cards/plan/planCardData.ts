import type { TFunction } from 'i18next';
import type { Language } from '../../../core/i18n/i18n';
import type { EffectFollowUp } from '../../../core/plan/effectFollowUp';
import type { IndividualPlan } from '../../../core/plan/individualPlan';
import type { UnitGoal } from '../../../core/plan/teamPlan';
import type { OrganisationProfile } from '../../../core/profiles/profileSchema';
import { cardButton } from '../cardActions';
import type { PlanView } from './planActions';

/** What every card of the manager's plan flow shows: whose plan, and the plan as stored. */
export interface ManagerCardData {
  language: Language;
  profile: OrganisationProfile;
  employeeId: string;
  employeeName: string;
  /** The plan's year, or this year before the first save. */
  year: number;
  /** Absent until the first save. */
  plan?: IndividualPlan;
  unitGoals: readonly UnitGoal[];
  /** What the employee shared about how they learn best. */
  inclusiveNeeds?: string;
  /** The card clicked was older than the plan: nothing changed, this is the plan now. */
  stale?: boolean;
  /** The effect follow-ups the employee shared, shown under their activities in the review. */
  sharedFollowUps?: readonly EffectFollowUp[];
}

/** The plan a manager's button names: the employee, and the plan once it exists. */
export function planRef(data: ManagerCardData) {
  return { employeeId: data.employeeId, ...(data.plan ? { planId: data.plan.id } : {}) };
}

/** The plan and the version the card was drawn at (0 before the first save). */
export function planAt(data: ManagerCardData) {
  return { ...planRef(data), version: data.plan?.version ?? 0 };
}

/** A button to another card of the manager's flow; it sends no inputs and changes nothing. */
export function openButton(title: string, data: ManagerCardData, view: PlanView) {
  return cardButton(title, { verb: 'plan.open', ...planRef(data), view }, { sendsInputs: false });
}

export function historyButton(t: TFunction, planId: string) {
  return cardButton(
    t('plan.actions.history'),
    { verb: 'plan.history', planId },
    { sendsInputs: false },
  );
}

export function helpButton(t: TFunction) {
  return cardButton(
    t('actions.showHelp'),
    { verb: 'runCommand', command: 'help' },
    { sendsInputs: false },
  );
}

export function myTeamButton(t: TFunction) {
  return cardButton(
    t('plan.actions.myTeam'),
    { verb: 'runCommand', command: 'myTeam' },
    { sendsInputs: false },
  );
}

/** What the employee's cards of their own plan show. */
export interface EmployeeCardData {
  language: Language;
  profile: OrganisationProfile;
  plan: IndividualPlan;
  unitGoals: readonly UnitGoal[];
  /** Their manager's name as the directory says; empty when none is registered. */
  managerName: string;
  stale?: boolean;
}

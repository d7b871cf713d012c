import type { Request } from 'express';
import { languageOf, SUPPORTED_LANGUAGES, type Language } from '../../core/i18n/i18n';
import type { IndividualPlan } from '../../core/plan/individualPlan';
import type { PlanRefusal } from '../../core/plan/planLifecycle';
import type { Person } from '../../core/ports/directory';
import { roleOn } from '../plans/planContext';
import { savePlan } from '../plans/planEffects';
import { forbidden, notFound, versionConflict, wrongState } from './apiErrors';
import type { ApiDependencies } from './router';

/*
 * What the employee's changes to their plan share: only the plan's own employee writes, on
 * the version their page showed, and a refusal of core becomes the right 4xx.
 */

/**
 * The plan, when it is the caller's own. Their manager may read it but not answer for them
 * (403); for anyone else it does not exist (404).
 */
export async function ownPlan(
  deps: ApiDependencies,
  callerId: string,
  planId: string,
): Promise<{ plan: IndividualPlan; employee: Person }> {
  const role = await roleOn(deps, callerId, planId);
  if (!role) throw notFound('plan');
  if (role.role !== 'employee') {
    throw forbidden('not_the_employee', 'Only the employee changes this in their own plan.');
  }
  return { plan: role.plan, employee: role.employee };
}

/** The page was drawn at another version than the one stored: nothing is written. */
export function requireVersion(plan: IndividualPlan, expectedVersion: number): void {
  if (plan.version !== expectedVersion) throw versionConflict();
}

/** Stores the new version, or 409 when someone saved since it was read (nothing written). */
export async function saveOwnPlan(
  deps: ApiDependencies,
  plan: IndividualPlan,
  expectedVersion: number,
  savedBy: string,
): Promise<IndividualPlan> {
  const saved = await savePlan(deps, plan, expectedVersion, savedBy);
  if (!saved) throw versionConflict();
  return saved;
}

/** Core's refusal of an employee's change, as the client should read it. */
export function refusalError(reason: PlanRefusal): Error {
  switch (reason) {
    case 'unknown-activity':
      return notFound('activity');
    case 'not-proposed':
      return wrongState('plan_not_proposed', 'The plan is not waiting for your answer.');
    case 'not-agreed':
      return wrongState(
        'plan_not_agreed',
        'Activities are followed up on an agreed plan; this one is being changed.',
      );
    case 'not-the-employee':
      return forbidden('not_the_employee', 'Only the employee changes this in their own plan.');
    default:
      // The input was checked already; any other refusal is a bug here, not the caller's.
      return new Error(`The employee's plan change was refused: ${reason}`);
  }
}

/** The language the caller reads (Accept-Language), for what is sent on their behalf. */
export function languageOfRequest(req: Request): Language {
  return languageOf(req.acceptsLanguages(...SUPPORTED_LANGUAGES) || undefined);
}

import type { IndividualPlan } from '../../core/plan/individualPlan';
import type { CardMessage, DeliveryResult } from '../../core/ports/messenger';
import { VersionConflictError } from '../../core/ports/storeErrors';
import type { FlowDependencies } from '../flowDependencies';

/** What the plan flow does to the world besides answering: store a version, send a card. */

/**
 * Stores the plan if it is still at `expectedVersion`; undefined when someone saved first
 * (nothing of this click was written).
 */
export async function savePlan(
  deps: FlowDependencies,
  plan: IndividualPlan,
  expectedVersion: number,
  savedBy: string,
): Promise<IndividualPlan | undefined> {
  try {
    return await deps.plans.saveIndividualPlan(plan, { expectedVersion, savedBy });
  } catch (error) {
    if (error instanceof VersionConflictError) return undefined;
    throw error;
  }
}

/** Sends a card to someone's chat; a failure is reported, never thrown: the save stands. */
export async function deliverCard(
  deps: FlowDependencies,
  personId: string,
  message: CardMessage,
): Promise<DeliveryResult['status']> {
  try {
    return (await deps.messenger.sendToPerson(personId, message)).status;
  } catch (error) {
    deps.logger.error({ err: error }, 'sending a plan card failed');
    return 'unreachable';
  }
}

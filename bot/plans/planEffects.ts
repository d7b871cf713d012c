import type { Language } from '../../core/i18n/i18n';
import type { IndividualPlan } from '../../core/plan/individualPlan';
import type { Person } from '../../core/ports/directory';
import type { CardMessage, DeliveryResult } from '../../core/ports/messenger';
import { VersionConflictError } from '../../core/ports/storeErrors';
import type { OrganisationProfile } from '../../core/profiles/profileSchema';
import {
  planAgreedNoticeCard,
  planAgreedNoticeFallbackText,
} from '../cards/plan/planAgreedNoticeCard';
import {
  planChangesRequestedCard,
  planChangesRequestedFallbackText,
} from '../cards/plan/planChangesRequestedCard';
import { recordAccess } from '../privacy/auditTrail';
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
    const saved = await deps.plans.saveIndividualPlan(plan, { expectedVersion, savedBy });
    await recordAccess(deps, savedBy, plan.employeeId, 'plan.changed', {
      via: 'chat',
      planId: saved.id,
      version: saved.version,
    });
    return saved;
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

/** The employee's answer to a proposal, as saved, for the notice to their manager. */
export interface ProposalAnswered {
  answer: 'agreed' | 'changes';
  plan: IndividualPlan;
  profile: OrganisationProfile;
  employee: Person;
  /** The employee's manager in the directory today; absent when there is none. */
  manager: Person | undefined;
  /** The manager's language is not known; the employee's is the best guess. */
  language: Language;
}

/**
 * Tells the manager of the directory today (nobody else, whoever drafted the plan) that the
 * employee agreed to the plan or asked for changes: from the chat and from the tab alike.
 */
export async function tellManagerOfAnswer(
  deps: FlowDependencies,
  answered: ProposalAnswered,
): Promise<DeliveryResult['status'] | 'no-manager'> {
  const { manager, employee, profile, plan, language } = answered;
  if (!manager) return 'no-manager';
  const data = { language, profile, plan, employeeName: employee.displayName };
  return deliverCard(
    deps,
    manager.id,
    answered.answer === 'agreed'
      ? { card: planAgreedNoticeCard(data), fallbackText: planAgreedNoticeFallbackText(data) }
      : {
          card: planChangesRequestedCard(data),
          fallbackText: planChangesRequestedFallbackText(data),
        },
  );
}

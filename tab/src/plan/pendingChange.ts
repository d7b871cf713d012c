import type { PlanPageResponse } from '../../../bot/api/contract';
import type { ActivityStatus, IndividualPlan } from '../../../core/plan/individualPlan';

/**
 * A change the employee made on the page and has not got saved yet: kept whole through a
 * version conflict, so it can be made again on the newer version or let go, never lost.
 */
export type PendingChange =
  | { kind: 'activity-status'; activityId: string; title: string; status: ActivityStatus }
  | { kind: 'answer'; decision: 'accept' }
  | { kind: 'answer'; decision: 'request-changes'; comment: string };

/** Whether the change can be made on this version of the page, and if not, why not. */
export type Applicability = 'applicable' | 'activity-gone' | 'not-answerable';

export function applicabilityOn(change: PendingChange, page: PlanPageResponse): Applicability {
  const { plan } = page;
  if (change.kind === 'activity-status') {
    const exists = plan?.activities.some((activity) => activity.id === change.activityId);
    return exists && page.canEdit.activityStatus ? 'applicable' : 'activity-gone';
  }
  return plan?.status === 'proposed' && page.canEdit.answerProposal
    ? 'applicable'
    : 'not-answerable';
}

export interface ChangeRequest {
  method: 'PATCH' | 'POST';
  path: string;
  body: unknown;
}

/** The API call that makes the change on `plan`, based on the version the page shows. */
export function requestFor(change: PendingChange, plan: IndividualPlan): ChangeRequest {
  const planPath = `/plans/${encodeURIComponent(plan.id)}`;
  const expectedVersion = plan.version;
  if (change.kind === 'activity-status') {
    return {
      method: 'PATCH',
      path: `${planPath}/activities/${encodeURIComponent(change.activityId)}`,
      body: { status: change.status, expectedVersion },
    };
  }
  return {
    method: 'POST',
    path: `${planPath}/answer`,
    body:
      change.decision === 'accept'
        ? { decision: 'accept', expectedVersion }
        : { decision: 'request-changes', comment: change.comment, expectedVersion },
  };
}

/**
 * The newer of two answers for the same page: a reload that left before a save and arrives
 * after it must not put the older plan back.
 */
export function newerPage(current: PlanPageResponse, incoming: PlanPageResponse): PlanPageResponse {
  const currentVersion = current.plan?.version ?? 0;
  const incomingVersion = incoming.plan?.version ?? 0;
  return incomingVersion >= currentVersion ? incoming : current;
}

import type { AdaptiveCard } from '@microsoft/teams.cards';
import type { Revision } from '../../core/ports/planStore';
import { getProfile } from '../../core/profiles/profiles';
import { planHistoryCard, type PlanVersionRow } from '../cards/plan/planHistoryCard';
import type { Actor, FlowDependencies } from '../flowDependencies';
import type { PlanRole } from './planContext';

/** The history card lists this many versions, newest first. */
const HISTORY_SHOWN = 20;

/**
 * The plan's saved versions, newest first, each with who saved it by name: for the plan's
 * employee or their manager, whom the caller has established as `role`.
 */
export async function planHistory(
  deps: FlowDependencies,
  role: PlanRole,
  actor: Actor,
): Promise<AdaptiveCard> {
  const { plan, employee } = role;
  const revisions = (await deps.plans.individualPlanHistory(plan.id)).reverse();
  const shown = revisions.slice(0, HISTORY_SHOWN);
  const names = await saverNames(deps, shown);
  const rows = shown.map(({ version, savedAt, savedBy, document }): PlanVersionRow => {
    const name = names.get(savedBy);
    const comment =
      document.status === 'changes-requested' ? document.changeRequest?.comment : undefined;
    return {
      version,
      savedAt,
      status: document.status,
      goals: document.goals.length,
      activities: document.activities.length,
      ...(name ? { savedByName: name } : {}),
      ...(comment ? { comment } : {}),
    };
  });
  return planHistoryCard({
    language: actor.language,
    profile: getProfile(plan.profileId),
    plan,
    employeeName: employee.displayName,
    versions: rows,
    total: revisions.length,
  });
}

/**
 * Who saved these versions, by name, as the directory knows them now: one look-up per person,
 * and nobody for someone the directory no longer has.
 */
export async function saverNames(
  deps: Pick<FlowDependencies, 'directory'>,
  revisions: readonly Pick<Revision<unknown>, 'savedBy'>[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(revisions.map((revision) => revision.savedBy))) {
    const person = await deps.directory.findPerson(id);
    if (person) names.set(id, person.displayName);
  }
  return names;
}

import type { TeamMember } from '../../../bot/api/contract';

/** The manager view's filters, named as the API's flags of a team member. */
export const TEAM_FILTERS = ['noCurrentPlan', 'planExpiring', 'dialogueNotHeld'] as const;
export type TeamFilter = (typeof TEAM_FILTERS)[number];

/**
 * The members who match every chosen filter, in the API's order; no filter shows everyone.
 * "No current plan" and "plan expiring" exclude each other, so choosing both shows nobody.
 */
export function filterMembers(
  members: readonly TeamMember[],
  filters: ReadonlySet<TeamFilter>,
): TeamMember[] {
  return members.filter((member) => [...filters].every((filter) => member.flags[filter]));
}

/** Adds the filter if it is off, removes it if it is on; the set given is left unchanged. */
export function toggleFilter(
  filters: ReadonlySet<TeamFilter>,
  filter: TeamFilter,
): ReadonlySet<TeamFilter> {
  const next = new Set(filters);
  if (next.has(filter)) next.delete(filter);
  else next.add(filter);
  return next;
}

import type { IndividualPlan } from '../plan/individualPlan';
import { isPlanCurrent } from '../plan/isPlanCurrent';
import type { TeamPlan } from '../plan/teamPlan';
import type { IsoDate } from '../shared/schemas';

export interface NeedCount {
  id: string;
  /** People whose current agreed plan includes it: a count, never whose plan. */
  people: number;
}

/** What the team's current agreed plans add up to, for the team plan. */
export interface PlannedNeeds {
  /** Employees with a current agreed plan: the base of every count. */
  plans: number;
  byPriorityArea: NeedCount[];
  byFormOfLearning: NeedCount[];
}

/**
 * Counts people, not goals or activities, so one detailed plan does not outweigh five short
 * ones; most first, then by id for a stable order. Drafts, proposals and expired plans do
 * not count: only what was agreed and is in force. Only the listed employees count.
 */
export function plannedNeeds(input: {
  employeeIds: readonly string[];
  plans: readonly IndividualPlan[];
  today: IsoDate;
}): PlannedNeeds {
  const members = new Set(input.employeeIds);
  const current = new Map<string, IndividualPlan>();
  for (const plan of input.plans) {
    // A revision being drafted or proposed keeps the earlier agreedAt, but its goals and
    // activities are not agreed yet: only an agreed version says what is planned.
    if (plan.status !== 'agreed') continue;
    if (!members.has(plan.employeeId) || !isPlanCurrent(plan, input.today)) continue;
    const seen = current.get(plan.employeeId);
    if (
      !seen ||
      seen.year < plan.year ||
      (seen.year === plan.year && seen.version < plan.version)
    ) {
      current.set(plan.employeeId, plan);
    }
  }
  const areas = new Map<string, Set<string>>();
  const forms = new Map<string, Set<string>>();
  const count = (into: Map<string, Set<string>>, id: string, person: string) =>
    into.set(id, (into.get(id) ?? new Set()).add(person));
  for (const plan of current.values()) {
    for (const goal of plan.goals) {
      for (const area of goal.priorityAreaIds) count(areas, area, plan.employeeId);
    }
    for (const activity of plan.activities) {
      if (activity.status !== 'cancelled') {
        count(forms, activity.formOfLearningId, plan.employeeId);
      }
    }
  }
  return {
    plans: current.size,
    byPriorityArea: sorted(areas),
    byFormOfLearning: sorted(forms),
  };
}

function sorted(counts: Map<string, Set<string>>): NeedCount[] {
  return [...counts]
    .map(([id, people]) => ({ id, people: people.size }))
    .sort((a, b) => b.people - a.people || a.id.localeCompare(b.id));
}

/**
 * The gap between what the unit needs and what people plan: the team plan's needed
 * competences whose priority area no current plan takes up.
 */
export function unplannedCompetences(
  teamPlan: TeamPlan,
  needs: PlannedNeeds,
): TeamPlan['neededCompetences'] {
  const planned = new Set(needs.byPriorityArea.map((need) => need.id));
  return teamPlan.neededCompetences.filter((need) => !planned.has(need.priorityAreaId));
}

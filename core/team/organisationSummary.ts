import { suppressSmallGroups } from '../access/authorization';
import type { Dialogue } from '../plan/dialogue';
import type { IndividualPlan } from '../plan/individualPlan';
import type { Person } from '../ports/directory';
import type { OrganisationProfile } from '../profiles/profileSchema';
import type { IsoDate } from '../shared/schemas';
import { teamCoverage, type TeamCoverage } from './coverage';

/** One unit of the organisation as HR sees it: counts only, withheld for a small unit. */
export interface UnitSummary {
  /** The unit the directory places people in; null for people placed in none. */
  unitId: string | null;
  profileId: string;
  /** True when the unit has fewer than MIN_GROUP_SIZE people: `coverage` is then null. */
  countsWithheld: boolean;
  coverage: TeamCoverage | null;
}

/**
 * The organisation's figures per unit, counted exactly as a team's coverage is counted
 * (core/team/coverage.ts: a current agreed plan, each dialogue type held this year), over
 * everyone the directory places in the unit. A unit of fewer than MIN_GROUP_SIZE people gets
 * no counts at all, not even its head count: HR must not be able to single anyone out, also
 * not by subtracting one unit's figures from another's. `profileOf` is the profile whose
 * dialogue cycle a unit is counted by (its first person's, by id).
 */
export function organisationSummary(input: {
  people: readonly Person[];
  agreedPlans: readonly IndividualPlan[];
  dialogues: readonly Dialogue[];
  profileOf: (person: Person) => OrganisationProfile;
  year: number;
  today: IsoDate;
  /** False only for a reader allowed to see small groups; HR never is. */
  suppress?: boolean;
}): UnitSummary[] {
  const units = new Map<string | null, Person[]>();
  const unitOf = new Map<string, string | null>();
  for (const person of input.people) {
    const key = person.unitId ?? null;
    unitOf.set(person.id, key);
    const members = units.get(key);
    if (members) members.push(person);
    else units.set(key, [person]);
  }
  // Each unit is counted over its own records only: a region of thousands of units would
  // otherwise read every plan once per unit.
  const plansOf = groupBy(input.agreedPlans, (plan) => unitOf.get(plan.employeeId));
  const dialoguesOf = groupBy(input.dialogues, (dialogue) => unitOf.get(dialogue.employeeId));
  return [...units]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'sv')))
    .map(([unitId, members]) => {
      const first = [...members].sort((a, b) => a.id.localeCompare(b.id))[0] as Person;
      const profile = input.profileOf(first);
      const coverage = teamCoverage({
        profile,
        employeeIds: members.map((member) => member.id),
        plans: plansOf.get(unitId) ?? [],
        dialogues: dialoguesOf.get(unitId) ?? [],
        year: input.year,
        today: input.today,
      });
      const shown = suppressSmallGroups(members.length, coverage, input.suppress ?? true);
      return {
        unitId,
        profileId: profile.id,
        countsWithheld: shown.suppressed,
        coverage: shown.counts,
      };
    });
}

/** Items by the unit `keyOf` gives; items of people outside the list (undefined) are left out. */
function groupBy<T>(
  items: readonly T[],
  keyOf: (item: T) => string | null | undefined,
): Map<string | null, T[]> {
  const groups = new Map<string | null, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

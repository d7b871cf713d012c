import { dialogueCycle } from '../cycle/dialogueCycle';
import type { Dialogue } from '../plan/dialogue';
import type { IndividualPlan } from '../plan/individualPlan';
import { isPlanCurrent } from '../plan/isPlanCurrent';
import type { OrganisationProfile } from '../profiles/profileSchema';
import type { IsoDate } from '../shared/schemas';

export interface DialogueTypeCoverage {
  dialogueTypeId: string;
  held: number;
}

/** How far a manager's team has come: counts over `employees`, shares for people to read. */
export interface TeamCoverage {
  employees: number;
  /** Employees with a plan agreed within the last twelve months. */
  withCurrentPlan: number;
  /** Per dialogue type of the cycle, in its order: employees whose dialogue this year is held. */
  dialoguesHeld: DialogueTypeCoverage[];
}

/**
 * Coverage of one team: the share with a current agreed plan and, per dialogue type, the
 * share held this year. Only the listed employees count, so a plan or dialogue of someone
 * who has left the team does not. Several plans per employee (several years) count once.
 */
export function teamCoverage(input: {
  profile: OrganisationProfile;
  employeeIds: readonly string[];
  plans: readonly IndividualPlan[];
  dialogues: readonly Dialogue[];
  year: number;
  today: IsoDate;
}): TeamCoverage {
  const members = new Set(input.employeeIds);
  const withCurrentPlan = new Set(
    input.plans
      .filter((plan) => members.has(plan.employeeId) && isPlanCurrent(plan, input.today))
      .map((plan) => plan.employeeId),
  ).size;

  // Grouped once: a unit of a thousand is read per employee, not a thousand times over.
  const dialoguesOf = new Map<string, Dialogue[]>();
  for (const dialogue of input.dialogues) {
    if (!members.has(dialogue.employeeId)) continue;
    const own = dialoguesOf.get(dialogue.employeeId);
    if (own) own.push(dialogue);
    else dialoguesOf.set(dialogue.employeeId, [dialogue]);
  }
  const held = new Map(input.profile.dialogueCycle.map((type) => [type.id, 0]));
  for (const own of dialoguesOf.values()) {
    for (const entry of dialogueCycle(input.profile, own, input.year)) {
      if (entry.status === 'held') {
        held.set(entry.dialogueType.id, (held.get(entry.dialogueType.id) ?? 0) + 1);
      }
    }
  }
  return {
    employees: members.size,
    withCurrentPlan,
    dialoguesHeld: [...input.profile.dialogueCycle]
      .sort((a, b) => a.order - b.order)
      .map((type) => ({ dialogueTypeId: type.id, held: held.get(type.id) ?? 0 })),
  };
}

/** A whole percentage for display; 0 of 0 is 0 %, not a division by zero. */
export function percentage(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((100 * part) / whole);
}

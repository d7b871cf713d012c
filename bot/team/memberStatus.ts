import { dialogueCycle, type CycleEntry } from '../../core/cycle/dialogueCycle';
import type { Dialogue } from '../../core/plan/dialogue';
import type { IndividualPlan, PlanStatus } from '../../core/plan/individualPlan';
import { isPlanCurrent, planCurrentUntil } from '../../core/plan/isPlanCurrent';
import type { Person } from '../../core/ports/directory';
import type { DialogueType } from '../../core/profiles/profileSchema';
import type { IsoDate, IsoDateTime } from '../../core/shared/schemas';
import type { TeamSnapshot } from './teamSnapshot';

/** A dialogue of the cycle as "mitt team" shows it: its status, and whether its time is past. */
export interface MemberCycleEntry extends CycleEntry {
  /** Booked (planned or prepared) for a time that has passed: it waits to be marked held. */
  timePassed: boolean;
}

/** The one thing the manager is offered to do next for an employee. */
export type NextAction =
  | { kind: 'markHeld'; dialogueType: DialogueType; bookedAt: IsoDateTime }
  | { kind: 'continuePlan' }
  | { kind: 'writePlan' }
  | { kind: 'book'; dialogueType: DialogueType }
  | { kind: 'changeBooking'; dialogueType: DialogueType }
  | { kind: 'none' };

export interface MemberStatus {
  person: Person;
  cycle: MemberCycleEntry[];
  /** The last day the current agreed plan is current; absent when there is none. */
  planCurrentUntil?: IsoDate;
  /** The latest plan's status when a new version is being worked on (not agreed). */
  planInProgress?: Exclude<PlanStatus, 'agreed'>;
  next: NextAction;
}

/**
 * Where each direct report stands this year, and the single most useful next step for the
 * manager: first a dialogue whose booked time has passed (so the counts are right), then a
 * plan the manager is writing, then the plan after a held plan-writing dialogue, then the
 * next dialogue of the cycle to book (or, when it is booked, to move).
 */
export function memberStatuses(snapshot: TeamSnapshot, now: Date): MemberStatus[] {
  // Grouped once, so a large team is not searched once per member.
  const dialoguesOf = byEmployee(snapshot.dialogues);
  const plansOf = byEmployee(snapshot.plans);
  const agreedOf = byEmployee(snapshot.agreedPlans);
  return snapshot.reports.map((person) => {
    const dialogues = dialoguesOf.get(person.id) ?? [];
    const plans = plansOf.get(person.id) ?? [];
    const agreed = agreedOf.get(person.id) ?? [];
    const cycle = dialogueCycle(snapshot.profile, dialogues, snapshot.year).map((entry) => ({
      ...entry,
      timePassed: isBookedBefore(entry, now),
    }));
    const until = currentUntil(agreed, snapshot.today);
    const latest = latestPlan(plans);
    const inProgress = latest && latest.status !== 'agreed' ? latest.status : undefined;
    return {
      person,
      cycle,
      ...(until ? { planCurrentUntil: until } : {}),
      ...(inProgress ? { planInProgress: inProgress } : {}),
      next: nextAction(cycle, until !== undefined, inProgress),
    };
  });
}

function byEmployee<T extends { employeeId: string }>(items: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const item of items) {
    const own = grouped.get(item.employeeId);
    if (own) own.push(item);
    else grouped.set(item.employeeId, [item]);
  }
  return grouped;
}

/** The plan being worked on or in force: the latest year's, the last one changed. */
export function latestPlan(plans: readonly IndividualPlan[]): IndividualPlan | undefined {
  return [...plans].sort((a, b) => b.year - a.year || b.updatedAt.localeCompare(a.updatedAt))[0];
}

function nextAction(
  cycle: readonly MemberCycleEntry[],
  hasCurrentPlan: boolean,
  inProgress: MemberStatus['planInProgress'],
): NextAction {
  const passed = cycle.find((entry) => entry.timePassed);
  if (passed?.dialogue?.scheduledAt) {
    return {
      kind: 'markHeld',
      dialogueType: passed.dialogueType,
      bookedAt: passed.dialogue.scheduledAt,
    };
  }
  if (inProgress === 'draft' || inProgress === 'changes-requested') return { kind: 'continuePlan' };
  const writing = cycle.find((entry) => entry.dialogueType.writesPlan);
  if (writing?.status === 'held' && !hasCurrentPlan && inProgress !== 'proposed') {
    return { kind: 'writePlan' };
  }
  const upcoming = cycle.find((entry) => entry.status !== 'held');
  if (!upcoming) return { kind: 'none' };
  return upcoming.dialogue?.scheduledAt
    ? { kind: 'changeBooking', dialogueType: upcoming.dialogueType }
    : { kind: 'book', dialogueType: upcoming.dialogueType };
}

function isBookedBefore(entry: CycleEntry, now: Date): boolean {
  const at = entry.dialogue?.scheduledAt;
  return (
    (entry.status === 'planned' || entry.status === 'prepared') &&
    at !== undefined &&
    Date.parse(at) <= now.getTime()
  );
}

/** The latest day any agreed plan is current to, among those current today. */
function currentUntil(plans: readonly IndividualPlan[], today: IsoDate): IsoDate | undefined {
  return plans
    .filter((plan) => isPlanCurrent(plan, today))
    .map((plan) => planCurrentUntil(plan))
    .filter((until): until is IsoDate => until !== undefined)
    .sort()
    .at(-1);
}

/** This year's dialogue of a type for one employee, as the cycle counts it (not cancelled). */
export function dialogueOfType(
  snapshot: Pick<TeamSnapshot, 'profile' | 'year'>,
  dialogues: readonly Dialogue[],
  dialogueTypeId: string,
): Dialogue | undefined {
  return dialogueCycle(snapshot.profile, dialogues, snapshot.year).find(
    (entry) => entry.dialogueType.id === dialogueTypeId,
  )?.dialogue;
}

import { DateTime } from 'luxon';
import type { Dialogue } from '../../core/plan/dialogue';
import type { Activity, Goal, IndividualPlan } from '../../core/plan/individualPlan';
import type { TeamPlan } from '../../core/plan/teamPlan';
import type { Directory, Person } from '../../core/ports/directory';
import { openDatabase } from '../../bot/storage/openDatabase';
import { SqlPlanStore } from '../../bot/storage/sqlPlanStore';
import { cardInputs, type CardJson, type PersonalChat } from '../support/personalChat';

/** The organisation the team plan's tests run in: several units, each with its manager. */

export interface TestUnit {
  unitId: string;
  manager: Person;
  reports: Person[];
}

/** A unit with a manager and `size` reports, all on VGR's profile; ids and names from `key`. */
export function testUnit(key: string, size: number, options: { unit?: boolean } = {}): TestUnit {
  const unitId = `unit-${key}`;
  const placed = options.unit === false ? {} : { unitId };
  const manager: Person = {
    id: `manager-${key}`,
    displayName: `Chef ${key}`,
    profileId: 'vgr',
    ...placed,
  };
  const reports = Array.from({ length: size }, (_, index) => ({
    id: `employee-${key}-${index + 1}`,
    displayName: `Medarbetare ${key.toUpperCase()} ${index + 1}`,
    profileId: 'vgr',
    managerId: manager.id,
    ...placed,
  }));
  return { unitId, manager, reports };
}

/** The directory port over a fixed list of people, answering as Graph would. */
export class FixedDirectory implements Directory {
  private readonly people: ReadonlyMap<string, Person>;

  constructor(units: readonly TestUnit[]) {
    this.people = new Map(
      units.flatMap((unit) => [unit.manager, ...unit.reports]).map((person) => [person.id, person]),
    );
  }

  async findPerson(id: string): Promise<Person | undefined> {
    return this.people.get(id);
  }

  async managerOf(id: string): Promise<Person | undefined> {
    const managerId = this.people.get(id)?.managerId;
    return managerId ? this.people.get(managerId) : undefined;
  }

  async directReportsOf(managerId: string): Promise<Person[]> {
    return [...this.people.values()].filter((person) => person.managerId === managerId);
  }

  async listPeople(): Promise<Person[]> {
    return [...this.people.values()];
  }
}

const ZONE = 'Europe/Stockholm';
const now = () => DateTime.now().setZone(ZONE);

/** This year where the service's organisation is, as the service computes it. */
export const thisYear = (): number => now().year;

/** A moment `days` ago, as an instant with its offset. */
const daysAgo = (days: number): string =>
  now().minus({ days }).toISO({ includeOffset: true }) ?? '';

export interface PlanSpec {
  employee: Person;
  status: 'agreed' | 'draft';
  /** How long ago it was agreed; over a year makes it expired. */
  agreedDaysAgo?: number;
  areas: string[];
  /** Forms of learning of the activities; a `!` prefix makes the activity cancelled. */
  forms: string[];
}

/**
 * An individual plan whose goal texts and activity titles are marked PRIVAT, so a test can
 * see that none of them reaches the manager's team plan card.
 */
export function individualPlan(spec: PlanSpec): IndividualPlan {
  const agreedAt = spec.agreedDaysAgo === undefined ? undefined : daysAgo(spec.agreedDaysAgo);
  const goals: Goal[] = [
    { id: 'goal-1', text: `PRIVAT mål för ${spec.employee.id}`, priorityAreaIds: spec.areas },
  ];
  const activities: Activity[] = spec.forms.map((form, index) => ({
    id: `activity-${index + 1}`,
    goalId: 'goal-1',
    title: `PRIVAT aktivitet ${index + 1} för ${spec.employee.id}`,
    formOfLearningId: form.replace(/^!/, ''),
    dueDate: now().plus({ months: 3 }).toISODate() ?? '',
    responsible: 'employee',
    status: form.startsWith('!') ? 'cancelled' : 'planned',
  }));
  const base = {
    id: `plan-${spec.employee.id}`,
    employeeId: spec.employee.id,
    managerId: spec.employee.managerId ?? 'nobody',
    profileId: 'vgr',
    year: agreedAt ? Number(agreedAt.slice(0, 4)) : thisYear(),
    version: 1,
    goals,
    activities,
    createdAt: daysAgo((spec.agreedDaysAgo ?? 0) + 10),
    updatedAt: daysAgo(spec.agreedDaysAgo ?? 0),
  };
  return spec.status === 'agreed'
    ? {
        ...base,
        status: 'agreed',
        followUpDate: now().plus({ months: 6 }).toISODate() ?? '',
        agreedBy: spec.employee.id,
        agreedAt,
      }
    : { ...base, status: 'draft' };
}

export function heldDialogue(employee: Person, year: number, status: Dialogue['status']): Dialogue {
  return {
    id: `dialogue-${employee.id}-${year}`,
    employeeId: employee.id,
    ...(employee.managerId ? { managerId: employee.managerId } : {}),
    profileId: 'vgr',
    dialogueTypeId: 'medarbetarsamtal',
    year,
    status,
  };
}

/** Writes plans, dialogues and team plans straight into the database in `dataDir`. */
export async function seed(
  dataDir: string,
  data: { plans: IndividualPlan[]; dialogues: Dialogue[]; teamPlans: TeamPlan[] },
): Promise<void> {
  const db = await openDatabase({ kind: 'embedded', dataDir });
  try {
    const store = new SqlPlanStore(db);
    for (const plan of data.plans) {
      await store.saveIndividualPlan(plan, { expectedVersion: 0, savedBy: plan.managerId });
    }
    for (const dialogue of data.dialogues) await store.saveDialogue(dialogue);
    for (const teamPlan of data.teamPlans) {
      await store.saveTeamPlan(teamPlan, { expectedVersion: 0, savedBy: teamPlan.updatedBy });
    }
  } finally {
    await db.close();
  }
}

/**
 * Clicks as a Teams client does: every input of the card goes along with its current value
 * (an empty box as ""), with `changes` typed over them.
 */
export function clickWithInputs(
  chat: PersonalChat,
  card: CardJson,
  title: string,
  changes: Record<string, string> = {},
): Promise<CardJson> {
  const values = Object.fromEntries(
    [...cardInputs(card)].map(([id, input]) => [id, String(input.value ?? '')]),
  );
  return chat.click(card, title, { ...values, ...changes });
}

/** Every fact of a card (FactSets), title to value. */
export function factsOf(card: unknown): Map<string, string> {
  const facts = new Map<string, string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'FactSet' && Array.isArray(record.facts)) {
        for (const fact of record.facts as { title: string; value: string }[]) {
          facts.set(fact.title, fact.value);
        }
      }
      Object.values(record).forEach(visit);
    }
  };
  visit(JSON.parse(JSON.stringify(card)));
  return facts;
}

/** The choices of a card's choice set, by input id. */
export function choicesOf(card: CardJson, inputId: string): { title: string; value: string }[] {
  return (cardInputs(card).get(inputId)?.choices ?? []) as { title: string; value: string }[];
}

/** Fills `{{name}}` placeholders the way i18next does, for expected texts. */
export function fill(text: string, values: Record<string, string | number>): string {
  return Object.entries(values).reduce(
    (out, [key, value]) => out.replaceAll(`{{${key}}}`, String(value)),
    text,
  );
}

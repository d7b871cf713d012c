import { z } from 'zod';
import { PLAN_LIMITS } from '../../core/plan/limits';
import {
  NeededCompetenceSchema,
  UnitGoalSchema,
  type NeededCompetence,
  type TeamPlan,
  type UnitGoal,
} from '../../core/plan/teamPlan';
import type { OrganisationProfile } from '../../core/profiles/profileSchema';
import { EntityIdSchema } from '../../core/shared/schemas';

/*
 * The team plan's edit cards and what their inputs mean: which input ids they use, and how
 * what was typed becomes unit goals and needed competences, checked with the core schemas.
 * Pure, so the flow only loads, asks and stores.
 */

/** What is wrong with one input (or, under FORM_ERROR, with the card as a whole). */
export type FieldError =
  | { key: 'tooLong'; max: number }
  | { key: 'tooManyGoals'; max: number }
  | { key: 'needsFull'; max: number }
  | { key: 'goalRequired' | 'chooseArea' | 'describeNeed' | 'choosePriority' | 'unknownGoal' };

export type FieldErrors = Readonly<Record<string, FieldError>>;

/** What the manager typed, by input id: shown again whenever the card comes back. */
export type TypedValues = Readonly<Record<string, string>>;

/** The key of an error that concerns the whole card rather than one input. */
export const FORM_ERROR = 'form';

/** How many empty boxes the goals card offers for new goals at a time. */
export const NEW_GOAL_BOXES = 3;

const EXISTING_GOAL = 'unitGoal:';
const NEW_GOAL = 'newUnitGoal:';

/** The input of an existing unit goal: its id, so the goal keeps it when its text changes. */
export const unitGoalInputId = (goalId: string): string => `${EXISTING_GOAL}${goalId}`;
/** The input of the n-th box for a new goal (1, 2, …). */
export const newUnitGoalInputId = (box: number): string => `${NEW_GOAL}${box}`;

export const NEED_INPUT_IDS = {
  area: 'need:area',
  description: 'need:description',
  priority: 'need:priority',
  unitGoal: 'need:unitGoal',
} as const;

/** The unit goal choice that means "no particular goal": never an id, which starts alphanumeric. */
export const NO_UNIT_GOAL = '-';

/** One box of the goals card: an existing goal (with its id) or a new one. */
export interface UnitGoalRow {
  inputId: string;
  goalId?: string;
  text: string;
}

const TypedTextSchema = z.string();

function newGoalBox(inputId: string): number | undefined {
  if (!inputId.startsWith(NEW_GOAL)) return undefined;
  const box = Number(inputId.slice(NEW_GOAL.length));
  return Number.isInteger(box) && box >= 1 && box <= PLAN_LIMITS.unitGoalsMax ? box : undefined;
}

function existingGoalId(inputId: string): string | undefined {
  if (!inputId.startsWith(EXISTING_GOAL)) return undefined;
  const id = inputId.slice(EXISTING_GOAL.length);
  return EntityIdSchema.safeParse(id).success ? id : undefined;
}

/**
 * The goal boxes' values as they arrived beside the card's data. Anything else (other
 * inputs, forged keys, more boxes than a card can have) is left out.
 */
export function typedUnitGoals(input: Readonly<Record<string, unknown>>): TypedValues {
  const typed: Record<string, string> = {};
  let existing = 0;
  for (const [inputId, value] of Object.entries(input)) {
    const text = TypedTextSchema.safeParse(value);
    if (!text.success) continue;
    if (newGoalBox(inputId) !== undefined) typed[inputId] = text.data;
    else if (existingGoalId(inputId) !== undefined && existing < PLAN_LIMITS.unitGoalsMax) {
      existing += 1;
      typed[inputId] = text.data;
    }
  }
  return typed;
}

/**
 * The boxes of the goals card: each goal of the plan with what was typed for it (or its
 * saved text when nothing came), then the new goals typed, then empty boxes for more.
 * A goal typed for that the plan no longer has (someone else removed it meanwhile) comes
 * back as a new one, so nothing typed is lost. Deterministic: the card and the check of
 * what was typed see the same boxes under the same ids.
 */
export function unitGoalRows(goals: readonly UnitGoal[], typed: TypedValues = {}): UnitGoalRow[] {
  const rows: UnitGoalRow[] = goals.map((goal) => ({
    inputId: unitGoalInputId(goal.id),
    goalId: goal.id,
    text: typed[unitGoalInputId(goal.id)] ?? goal.text,
  }));
  const known = new Set(rows.map((row) => row.inputId));
  const boxes = Object.entries(typed)
    .flatMap(([inputId, text]) => {
      const box = newGoalBox(inputId);
      return box === undefined ? [] : [{ box, text }];
    })
    .sort((a, b) => a.box - b.box)
    .map(({ text }) => text);
  const orphans = Object.entries(typed)
    .filter(([inputId]) => existingGoalId(inputId) !== undefined && !known.has(inputId))
    .map(([, text]) => text);
  const newTexts = [...boxes, ...orphans].filter((text) => text.trim().length > 0);
  const room = Math.max(0, PLAN_LIMITS.unitGoalsMax - rows.length - newTexts.length);
  const empty = Math.min(NEW_GOAL_BOXES, room);
  return [
    ...rows,
    ...[...newTexts, ...Array<string>(empty).fill('')].map((text, index) => ({
      inputId: newUnitGoalInputId(index + 1),
      text,
    })),
  ];
}

export type UnitGoalsReading =
  { ok: true; goals: UnitGoal[] } | { ok: false; errors: Record<string, FieldError> };

/**
 * The unit goals the boxes say: an emptied box removes its goal, an empty new box is
 * nothing; existing goals keep their ids, new ones get `newId()`. At least one goal and at
 * most PLAN_LIMITS.unitGoalsMax; each within the text limit.
 */
export function readUnitGoals(rows: readonly UnitGoalRow[], newId: () => string): UnitGoalsReading {
  const errors: Record<string, FieldError> = {};
  const goals: UnitGoal[] = [];
  let written = 0;
  for (const row of rows) {
    if (row.text.trim().length === 0) continue;
    written += 1;
    const parsed = UnitGoalSchema.safeParse({ id: row.goalId ?? newId(), text: row.text });
    if (parsed.success) goals.push(parsed.data);
    else errors[row.inputId] = { key: 'tooLong', max: PLAN_LIMITS.unitGoalTextMax };
  }
  if (written === 0) errors[FORM_ERROR] = { key: 'goalRequired' };
  if (written > PLAN_LIMITS.unitGoalsMax) {
    errors[FORM_ERROR] = { key: 'tooManyGoals', max: PLAN_LIMITS.unitGoalsMax };
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, goals };
}

/** The add-a-need inputs as they arrived; anything else is left out. */
export function typedNeed(input: Readonly<Record<string, unknown>>): TypedValues {
  const typed: Record<string, string> = {};
  for (const inputId of Object.values(NEED_INPUT_IDS)) {
    const text = TypedTextSchema.safeParse(input[inputId]);
    if (text.success) typed[inputId] = text.data;
  }
  return typed;
}

export type NeededCompetenceReading =
  { ok: true; need: NeededCompetence } | { ok: false; errors: Record<string, FieldError> };

/**
 * The needed competence the add form says: a priority area of the profile, a description,
 * a priority, and optionally one of the plan's unit goals; refused when the plan is full.
 */
export function readNeededCompetence(
  typed: TypedValues,
  context: { profile: OrganisationProfile; plan: TeamPlan; newId: () => string },
): NeededCompetenceReading {
  const ids = NEED_INPUT_IDS;
  const areaId = (typed[ids.area] ?? '').trim();
  const chosenGoal = (typed[ids.unitGoal] ?? '').trim();
  const unitGoalId = chosenGoal === NO_UNIT_GOAL ? '' : chosenGoal;
  const parsed = NeededCompetenceSchema.safeParse({
    id: context.newId(),
    priorityAreaId: areaId,
    description: typed[ids.description] ?? '',
    priority: (typed[ids.priority] ?? '').trim(),
    ...(unitGoalId ? { unitGoalId } : {}),
  });
  const errors: Record<string, FieldError> = {};
  for (const issue of parsed.error?.issues ?? []) {
    const field = issue.path[0];
    if (field === 'priorityAreaId') errors[ids.area] = { key: 'chooseArea' };
    if (field === 'priority') errors[ids.priority] = { key: 'choosePriority' };
    if (field === 'unitGoalId') errors[ids.unitGoal] = { key: 'unknownGoal' };
    if (field === 'description') {
      errors[ids.description] =
        issue.code === 'too_big'
          ? { key: 'tooLong', max: PLAN_LIMITS.competenceDescriptionMax }
          : { key: 'describeNeed' };
    }
  }
  // The schema checks the form of an id; whether it is one of ours is checked here.
  if (!context.profile.priorityAreas.areas.some((area) => area.id === areaId)) {
    errors[ids.area] ??= { key: 'chooseArea' };
  }
  if (unitGoalId && !context.plan.unitGoals.some((goal) => goal.id === unitGoalId)) {
    errors[ids.unitGoal] ??= { key: 'unknownGoal' };
  }
  if (context.plan.neededCompetences.length >= PLAN_LIMITS.neededCompetencesMax) {
    errors[FORM_ERROR] = { key: 'needsFull', max: PLAN_LIMITS.neededCompetencesMax };
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, need: parsed.data };
}

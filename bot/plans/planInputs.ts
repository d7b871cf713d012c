import { z } from 'zod';
import {
  ActivityResponsibleSchema,
  ActivitySchema,
  type Activity,
  type Goal,
} from '../../core/plan/individualPlan';
import { PLAN_LIMITS } from '../../core/plan/limits';
import type { OrganisationProfile } from '../../core/profiles/profileSchema';
import { IsoDateSchema, type IsoDate } from '../../core/shared/schemas';

/*
 * The plan's card inputs, read into goals and activities. Every check the client cannot be
 * trusted with is made here; a problem comes back as an error per input id with the values
 * as typed, so the card can be drawn again with nothing lost.
 */

export type PlanErrorKey =
  | 'required'
  | 'tooLong'
  | 'unknownChoice'
  | 'invalidDate'
  | 'startAfterDue'
  | 'noGoals'
  | 'tooManyGoals'
  | 'formOrCourse'
  | 'followUpPast'
  | 'tooManyActivities';

export interface FieldError {
  key: PlanErrorKey;
  /** The limit a "too long" or "too many" error names. */
  max?: number;
}

/** By input id; GOALS_FORM_ERROR for what concerns the goals as a whole. */
export type FieldErrors = Readonly<Record<string, FieldError>>;
/** The inputs as typed, by input id. */
export type TypedValues = Readonly<Record<string, string>>;

export type ParseResult<T> =
  { ok: true; value: T } | { ok: false; values: TypedValues; errors: FieldErrors };

export type GoalField = 'text' | 'own' | 'unit' | 'areas';
export const goalInputId = (slot: number, field: GoalField) => `goal-${slot}-${field}`;
export const GOALS_FORM_ERROR = 'goals';

export const ACTIVITY_INPUTS = {
  title: 'activity-title',
  form: 'activity-form',
  course: 'activity-course',
  start: 'activity-start',
  due: 'activity-due',
  responsible: 'activity-responsible',
  support: 'activity-support',
} as const;

export const FOLLOW_UP_INPUT = 'follow-up';
export const COMMENT_INPUT = 'change-comment';

/** What a card sends for an input: a string, or nothing for an input left alone. */
const RawSchema = z.string().catch('');
const raw = (input: Record<string, unknown>, id: string) => RawSchema.parse(input[id]).trim();
const idList = (value: string) => value.split(',').filter((id) => id.length > 0);

/** The inputs of `ids` as typed, to draw the card again. */
export function typedValues(input: Record<string, unknown>, ids: readonly string[]): TypedValues {
  const values: Record<string, string> = {};
  for (const id of ids) {
    const value = RawSchema.parse(input[id]);
    if (value.length > 0) values[id] = value;
  }
  return values;
}

type Checked<T> = { value: T } | { error: FieldError };

function text(value: string, max: number, required: boolean): Checked<string | undefined> {
  if (value.length === 0) return required ? { error: { key: 'required' } } : { value: undefined };
  return z.string().max(max).safeParse(value).success
    ? { value }
    : { error: { key: 'tooLong', max } };
}

function date(value: string, required: boolean): Checked<IsoDate | undefined> {
  if (value.length === 0) return required ? { error: { key: 'required' } } : { value: undefined };
  const parsed = IsoDateSchema.safeParse(value);
  return parsed.success ? { value: parsed.data } : { error: { key: 'invalidDate' } };
}

function choice(value: string, known: ReadonlySet<string>): Checked<string | undefined> {
  if (value.length === 0) return { value: undefined };
  return known.has(value) ? { value } : { error: { key: 'unknownChoice' } };
}

function choices(value: string, known: ReadonlySet<string>): Checked<string[]> {
  const ids = [...new Set(idList(value))];
  return ids.every((id) => known.has(id)) ? { value: ids } : { error: { key: 'unknownChoice' } };
}

/** Collects each field's value, or its error under the field's input id. */
class Fields {
  readonly errors: Record<string, FieldError> = {};

  take<T>(id: string, checked: Checked<T>): T | undefined {
    if ('error' in checked) {
      this.errors[id] = checked.error;
      return undefined;
    }
    return checked.value;
  }

  fail(id: string, error: FieldError): void {
    this.errors[id] ??= error;
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }
}

export interface GoalInputOptions {
  /** The ids of the goals the card's slots showed, slot 1 first. */
  slotGoalIds: readonly string[];
  /** The plan's goals now: a slot keeps its goal's id only if the goal is still there. */
  existingGoalIds: ReadonlySet<string>;
  unitGoalIds: ReadonlySet<string>;
  priorityAreaIds: ReadonlySet<string>;
  newId: () => string;
}

const GOAL_INPUT = /^goal-(\d{1,2})-(?:text|own|unit|areas)$/;

/**
 * The goals card: one goal per slot that has anything in it. A slot emptied removes its goal;
 * a slot with a link or own words but no goal text is an error, not a silent loss.
 */
export function parseGoals(
  input: Record<string, unknown>,
  options: GoalInputOptions,
): ParseResult<Goal[]> {
  const slots = new Set(options.slotGoalIds.map((_, index) => index + 1));
  for (const key of Object.keys(input)) {
    const match = GOAL_INPUT.exec(key);
    if (match?.[1]) slots.add(Number(match[1]));
  }
  const ordered = [...slots].filter((slot) => slot >= 1).sort((a, b) => a - b);
  const ids = ordered.flatMap((slot) =>
    (['text', 'own', 'unit', 'areas'] as const).map((field) => goalInputId(slot, field)),
  );

  const fields = new Fields();
  const used = new Set<string>();
  const goals: Goal[] = [];
  for (const slot of ordered) {
    const id = (field: GoalField) => goalInputId(slot, field);
    const typed = {
      text: raw(input, id('text')),
      own: raw(input, id('own')),
      unit: raw(input, id('unit')),
      areas: raw(input, id('areas')),
    };
    if (Object.values(typed).every((value) => value.length === 0)) continue;

    const goalText = fields.take(id('text'), text(typed.text, PLAN_LIMITS.goalTextMax, true));
    const ownWords = fields.take(id('own'), text(typed.own, PLAN_LIMITS.goalTextMax, false));
    const unitGoalId = fields.take(id('unit'), choice(typed.unit, options.unitGoalIds));
    const areas = fields.take(id('areas'), choices(typed.areas, options.priorityAreaIds));
    if (goalText === undefined) continue;

    // A slot keeps the goal it showed, if that goal is still in the plan; else it is new.
    const shown = options.slotGoalIds[slot - 1];
    const goalId =
      shown !== undefined && options.existingGoalIds.has(shown) && !used.has(shown)
        ? shown
        : options.newId();
    used.add(goalId);
    goals.push({
      id: goalId,
      text: goalText,
      ...(ownWords !== undefined ? { ownWords } : {}),
      ...(unitGoalId !== undefined ? { unitGoalId } : {}),
      priorityAreaIds: areas ?? [],
    });
  }

  if (fields.ok && goals.length < PLAN_LIMITS.goalsMin) {
    fields.fail(goalInputId(1, 'text'), { key: 'noGoals' });
  }
  if (goals.length > PLAN_LIMITS.goalsMax) {
    fields.fail(GOALS_FORM_ERROR, { key: 'tooManyGoals', max: PLAN_LIMITS.goalsMax });
  }
  return fields.ok
    ? { ok: true, value: goals }
    : { ok: false, values: typedValues(input, ids), errors: fields.errors };
}

export interface ActivityInputOptions {
  profile: OrganisationProfile;
  goalId: string;
  /** How many activities the plan has: a full plan takes no more. */
  activityCount: number;
  newId: () => string;
}

/**
 * The activity form. A course from the catalogue may stand for the title and the form of
 * learning: its title, and the profile's first form of the course kind.
 */
export function parseActivity(
  input: Record<string, unknown>,
  options: ActivityInputOptions,
): ParseResult<Activity> {
  const { profile } = options;
  const ids = ACTIVITY_INPUTS;
  const fields = new Fields();
  const course = fields.take(
    ids.course,
    choice(raw(input, ids.course), new Set(profile.catalogue.items.map((item) => item.id))),
  );
  const courseItem = profile.catalogue.items.find((item) => item.id === course);
  const formId = fields.take(
    ids.form,
    choice(raw(input, ids.form), new Set(profile.formsOfLearning.map((form) => form.id))),
  );
  const courseForm = profile.formsOfLearning.find((form) => form.kind === 'course')?.id;
  const formOfLearningId = formId ?? (courseItem ? courseForm : undefined);
  if (formOfLearningId === undefined && !(ids.form in fields.errors)) {
    fields.fail(ids.form, { key: 'formOrCourse' });
  }

  const title =
    fields.take(
      ids.title,
      text(raw(input, ids.title), PLAN_LIMITS.activityTitleMax, courseItem === undefined),
    ) ?? courseItem?.title;
  const startDate = fields.take(ids.start, date(raw(input, ids.start), false));
  const dueDate = fields.take(ids.due, date(raw(input, ids.due), true));
  if (startDate && dueDate && startDate > dueDate) {
    fields.fail(ids.start, { key: 'startAfterDue' });
  }
  const responsible = ActivityResponsibleSchema.safeParse(raw(input, ids.responsible));
  if (!responsible.success) fields.fail(ids.responsible, { key: 'required' });
  const supportNeeded = fields.take(
    ids.support,
    text(raw(input, ids.support), PLAN_LIMITS.supportNeededMax, false),
  );
  if (options.activityCount >= PLAN_LIMITS.activitiesMax) {
    fields.fail(ids.title, { key: 'tooManyActivities', max: PLAN_LIMITS.activitiesMax });
  }

  if (!fields.ok) {
    return { ok: false, values: typedValues(input, Object.values(ids)), errors: fields.errors };
  }
  const activity = ActivitySchema.safeParse({
    id: options.newId(),
    goalId: options.goalId,
    title,
    formOfLearningId,
    ...(courseItem ? { catalogueItemId: courseItem.id } : {}),
    ...(startDate ? { startDate } : {}),
    dueDate,
    responsible: responsible.data,
    ...(supportNeeded !== undefined ? { supportNeeded } : {}),
    status: 'planned',
  });
  // Every field was checked above; the schema disagreeing is a bug here, not a typing mistake.
  if (!activity.success) throw new Error(`Activity inputs passed but the schema refused them`);
  return { ok: true, value: activity.data };
}

/** The date to follow the plan up: required, and not a day that has passed. */
export function parseFollowUp(
  input: Record<string, unknown>,
  today: IsoDate,
): ParseResult<IsoDate> {
  const fields = new Fields();
  const followUp = fields.take(FOLLOW_UP_INPUT, date(raw(input, FOLLOW_UP_INPUT), true));
  if (followUp !== undefined && followUp < today) {
    fields.fail(FOLLOW_UP_INPUT, { key: 'followUpPast' });
  }
  return fields.ok && followUp !== undefined
    ? { ok: true, value: followUp }
    : { ok: false, values: typedValues(input, [FOLLOW_UP_INPUT]), errors: fields.errors };
}

/** The employee's comment when asking for changes: required, within the limit. */
export function parseChangeComment(input: Record<string, unknown>): ParseResult<string> {
  const fields = new Fields();
  const comment = fields.take(
    COMMENT_INPUT,
    text(raw(input, COMMENT_INPUT), PLAN_LIMITS.changeRequestMax, true),
  );
  return fields.ok && comment !== undefined
    ? { ok: true, value: comment }
    : { ok: false, values: typedValues(input, [COMMENT_INPUT]), errors: fields.errors };
}

import { z } from 'zod';
import { PLAN_LIMITS } from '../plan/limits';
import type { Visibility } from '../plan/reflection';
import type { UnitGoal } from '../plan/teamPlan';
import type { PrincipleId } from '../principles/principles';
import type { OrganisationProfile } from '../profiles/profileSchema';
import type { LocalizedText } from '../shared/schemas';

/**
 * The preparation of a development dialogue as data: six steps on the guideline's process
 * (where I stand, what the unit needs, what I need, how I learn, the four principles, and a
 * summary to share from). Cards render it; the pure functions in ./preparation.ts walk it.
 */

export const PREPARATION_STEP_IDS = [
  'current-situation',
  'world-and-goals',
  'development-needs',
  'ways-of-learning',
  'principles',
  'summary',
] as const;
export const PreparationStepIdSchema = z.enum(PREPARATION_STEP_IDS);
export type PreparationStepId = z.infer<typeof PreparationStepIdSchema>;
/** The steps that ask questions: all but the summary. */
export type QuestionStepId = Exclude<PreparationStepId, 'summary'>;

export const PREPARATION_STEP_COUNT = PREPARATION_STEP_IDS.length;

export type QuestionKind = 'text' | 'choices';

export interface QuestionDefinition {
  /** Stable: stored answers and the cards' input ids use it. */
  id: string;
  kind: QuestionKind;
  required: boolean;
  /** For text: the longest answer accepted, stated on the card. */
  maxLength?: number;
  /** What the manager sees unless the employee changes it: reflections stay private. */
  defaultVisibility: Visibility;
  /** The principle a reflection question is asked on. */
  principle?: PrincipleId;
}

export interface StepDefinition {
  id: QuestionStepId;
  /** An optional step may be skipped as a whole; its questions are then left unanswered. */
  skippable: boolean;
  questions: readonly QuestionDefinition[];
}

const text = (
  id: string,
  required: boolean,
  maxLength: number = PLAN_LIMITS.preparationAnswerMax,
): QuestionDefinition => ({
  id,
  kind: 'text',
  required,
  maxLength,
  defaultVisibility: 'shared-with-manager',
});
const choices = (id: string, required: boolean): QuestionDefinition => ({
  id,
  kind: 'choices',
  required,
  defaultVisibility: 'shared-with-manager',
});
const reflection = (principle: PrincipleId): QuestionDefinition => ({
  id: `reflection-${principle}`,
  kind: 'text',
  required: true,
  maxLength: PLAN_LIMITS.reflectionTextMax,
  defaultVisibility: 'private',
  principle,
});

export const PREPARATION_STEPS: readonly StepDefinition[] = [
  {
    id: 'current-situation',
    skippable: false,
    questions: [
      text('role-today', true, PLAN_LIMITS.preparationShortAnswerMax),
      text('going-well', false),
      text('strengths', false, PLAN_LIMITS.preparationShortAnswerMax),
    ],
  },
  {
    // Not everyone can say how the world around the unit moves; it must not block the rest.
    id: 'world-and-goals',
    skippable: true,
    questions: [
      text('world-changes', true),
      choices('supported-unit-goals', false),
      text('unit-goals-own-words', false),
    ],
  },
  {
    id: 'development-needs',
    skippable: false,
    questions: [choices('priority-areas', true), text('own-needs', true)],
  },
  {
    id: 'ways-of-learning',
    skippable: false,
    questions: [
      choices('learning-forms', true),
      choices('courses', false),
      text('learning-conditions', false, PLAN_LIMITS.preparationShortAnswerMax),
    ],
  },
  {
    id: 'principles',
    skippable: false,
    questions: [
      reflection('inclusive'),
      reflection('activating'),
      reflection('motivating'),
      reflection('sustainable'),
    ],
  },
];

export function stepDefinition(id: QuestionStepId): StepDefinition {
  const step = PREPARATION_STEPS.find((candidate) => candidate.id === id);
  if (!step) throw new RangeError(`Unknown preparation step "${id}"`);
  return step;
}

/** 1 for the first step, PREPARATION_STEP_COUNT for the summary. */
export function stepNumber(id: PreparationStepId): number {
  return PREPARATION_STEP_IDS.indexOf(id) + 1;
}

export function questionDefinition(questionId: string): QuestionDefinition | undefined {
  return PREPARATION_STEPS.flatMap((step) => step.questions).find((q) => q.id === questionId);
}

export function stepOfQuestion(questionId: string): QuestionStepId | undefined {
  return PREPARATION_STEPS.find((step) => step.questions.some((q) => q.id === questionId))?.id;
}

/** A choice the card offers: its label in both languages, and whether it is mandatory. */
export interface ChoiceOption {
  id: string;
  label: LocalizedText;
  /** A mandatory training (e.g. Disa): flagged so nobody misses it. */
  mandatory?: boolean;
  /**
   * Written by a person (a unit goal from the team plan), not by the profile's authors:
   * cards must show it without markdown.
   */
  userText?: boolean;
  /** An offer: listed only when one of these areas was chosen. */
  priorityAreaIds?: readonly string[];
}

/** What the questions of a step depend on besides the draft: the profile and the team plan. */
export interface PreparationContext {
  profile: OrganisationProfile;
  /** The unit's goals from this year's team plan; empty when the manager has written none. */
  unitGoals: readonly UnitGoal[];
}

/** A question as a card shows it: its choices resolved against the profile and earlier answers. */
export interface ResolvedQuestion extends QuestionDefinition {
  choices?: readonly ChoiceOption[];
  /** For reflection questions: the prompt picked for this dialogue. */
  promptId?: string;
}

/** Everyday forms first: the guideline puts learning in daily work before courses. */
const FORM_KIND_ORDER = ['everyday', 'exchange', 'self-directed', 'research', 'course'] as const;

/**
 * Everything a choice question can offer, in the order cards list it; unknown ids are not
 * among them. Stored answers are described with this, so an offer chosen last year still has
 * its name even if this year's areas would not list it.
 */
export function choiceOptions(
  questionId: string,
  context: PreparationContext,
): readonly ChoiceOption[] {
  const { profile } = context;
  switch (questionId) {
    case 'supported-unit-goals':
      return context.unitGoals.map((goal) => ({
        id: goal.id,
        label: { sv: goal.text, en: goal.text },
        userText: true,
      }));
    case 'priority-areas':
      return profile.priorityAreas.areas.map((area) => ({ id: area.id, label: area.name }));
    case 'learning-forms':
      return FORM_KIND_ORDER.flatMap((kind) =>
        profile.formsOfLearning
          .filter((form) => form.kind === kind)
          .map((form) => ({ id: form.id, label: form.name })),
      );
    case 'courses':
      // Mandatory offers first; the title is the offer's own (Swedish) name in both languages.
      return profile.catalogue.items
        .filter((item) => item.availability === 'available')
        .sort((a, b) => Number(b.mandatory) - Number(a.mandatory))
        .map((item) => ({
          id: item.id,
          label: { sv: item.title, en: item.title },
          mandatory: item.mandatory,
          priorityAreaIds: item.priorityAreaIds,
        }));
    default:
      return [];
  }
}

/**
 * The questions of a step as they apply now. A choice question with nothing to choose from
 * (no team plan, no offers in the areas chosen) is left out rather than shown empty; the free
 * text beside it carries the thought instead.
 */
export function resolveQuestions(
  stepId: QuestionStepId,
  context: PreparationContext,
  draft: {
    answers: Readonly<Record<string, string | readonly string[]>>;
    promptIds: Readonly<Record<PrincipleId, string>>;
  },
): ResolvedQuestion[] {
  // Offers are listed for the priority areas chosen in the step before.
  const areas = draft.answers['priority-areas'];
  const chosenAreas = new Set(Array.isArray(areas) ? areas : []);
  return stepDefinition(stepId).questions.flatMap((question): ResolvedQuestion[] => {
    if (question.kind === 'choices') {
      const options = choiceOptions(question.id, context).filter(
        (option) =>
          !option.priorityAreaIds || option.priorityAreaIds.some((id) => chosenAreas.has(id)),
      );
      return options.length > 0 ? [{ ...question, choices: options }] : [];
    }
    if (question.principle) {
      return [{ ...question, promptId: draft.promptIds[question.principle] }];
    }
    return [question];
  });
}

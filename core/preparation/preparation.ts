import type { DialoguePreparation, PreparationAnswer } from '../plan/dialogue';
import { PLAN_LIMITS } from '../plan/limits';
import type { Visibility } from '../plan/reflection';
import { pickPrompt } from '../principles/pickPrompt';
import { PRINCIPLE_IDS, type PrincipleId } from '../principles/principles';
import { promptsOf, type DialogueType, type OrganisationProfile } from '../profiles/profileSchema';
import type { DraftAnswer, DraftStatus, PreparationDraft } from './draft';
import { storableText } from '../shared/schemas';
import {
  PREPARATION_STEP_IDS,
  PREPARATION_STEPS,
  resolveQuestions,
  stepDefinition,
  type PreparationContext,
  type PreparationStepId,
  type QuestionDefinition,
  type QuestionStepId,
} from './template';

/**
 * The preparation's rules as pure functions from one draft to the next. Every change returns
 * a new draft with `revision + 1`; the caller stores it only if the stored revision is still
 * the one it started from, so two clicks can never both move the dialogue on.
 */

/** The dialogue the preparation is for: the first in the profile's cycle that writes the plan. */
export function planWritingDialogueType(profile: OrganisationProfile): DialogueType {
  const type = [...profile.dialogueCycle]
    .sort((a, b) => a.order - b.order)
    .find((candidate) => candidate.writesPlan);
  // The profile schema requires one; a profile without it never loads.
  if (!type) throw new RangeError(`Profile "${profile.id}" has no dialogue that writes the plan`);
  return type;
}

export interface StartPreparationInput {
  id: string;
  employeeId: string;
  managerId?: string;
  profile: OrganisationProfile;
  year: number;
  now: string;
}

export function startPreparation(input: StartPreparationInput): PreparationDraft {
  const dialogueType = planWritingDialogueType(input.profile);
  const prompts = promptsOf(input.profile);
  // Seeded by person, year and dialogue: stable while preparing, new next dialogue or year.
  const seed = `${input.employeeId}|${input.year}|${dialogueType.id}`;
  const promptIds = Object.fromEntries(
    PRINCIPLE_IDS.map((principle) => [
      principle,
      pickPrompt(prompts, principle, 'dialogue-preparation', seed).id,
    ]),
  ) as Record<PrincipleId, string>;
  return {
    id: input.id,
    employeeId: input.employeeId,
    ...(input.managerId ? { managerId: input.managerId } : {}),
    profileId: input.profile.id,
    dialogueTypeId: dialogueType.id,
    year: input.year,
    step: PREPARATION_STEP_IDS[0],
    answers: {},
    skippedStepIds: [],
    visibility: {},
    promptIds,
    status: 'in-progress',
    revision: 1,
    startedAt: input.now,
    updatedAt: input.now,
  };
}

/** An error shown under a field; `key` is a locale key, `max` fills its placeholder. */
export type FieldError =
  | { key: 'preparation.errors.required' }
  | { key: 'preparation.errors.tooLong'; max: number }
  | { key: 'preparation.errors.unknownChoice' };

export type SubmitStepResult =
  | { outcome: 'advanced'; draft: PreparationDraft }
  /** Nothing saved: the card is drawn again with the values as typed and the errors. */
  | {
      outcome: 'invalid';
      errors: Record<string, FieldError>;
      values: Record<string, DraftAnswer>;
    };

/** A draft at a step with questions, i.e. not yet at the summary. */
export type QuestionStepDraft = PreparationDraft & { step: QuestionStepId };

export function isAtQuestionStep(draft: PreparationDraft): draft is QuestionStepDraft {
  return draft.step !== 'summary';
}

/** What a card sends for the current step's inputs: strings, multi-select as "a,b,c". */
export type StepInput = Readonly<Record<string, unknown>>;

function readText(value: unknown): string {
  return typeof value === 'string' ? storableText(value).replace(/\r\n?/g, '\n').trim() : '';
}

function readChoices(value: unknown): string[] {
  const parts = Array.isArray(value)
    ? value.filter((part): part is string => typeof part === 'string')
    : typeof value === 'string'
      ? value.split(',')
      : [];
  return [...new Set(parts.map((part) => part.trim()).filter((part) => part.length > 0))];
}

export function submitStep(
  draft: QuestionStepDraft,
  input: StepInput,
  context: PreparationContext,
  now: string,
): SubmitStepResult {
  const stepId = draft.step;
  const questions = resolveQuestions(stepId, context, draft);
  const errors: Record<string, FieldError> = {};
  const values: Record<string, DraftAnswer> = {};

  for (const question of questions) {
    if (question.kind === 'text') {
      const value = readText(input[question.id]);
      values[question.id] = value;
      if (question.required && value.length === 0) {
        errors[question.id] = { key: 'preparation.errors.required' };
      } else if (question.maxLength !== undefined && value.length > question.maxLength) {
        errors[question.id] = { key: 'preparation.errors.tooLong', max: question.maxLength };
      }
    } else {
      const value = readChoices(input[question.id]);
      const known = new Set(question.choices?.map((choice) => choice.id));
      values[question.id] = value.filter((id) => known.has(id));
      if (value.some((id) => !known.has(id))) {
        errors[question.id] = { key: 'preparation.errors.unknownChoice' };
      } else if (question.required && value.length === 0) {
        errors[question.id] = { key: 'preparation.errors.required' };
      }
    }
  }
  if (Object.keys(errors).length > 0) return { outcome: 'invalid', errors, values };

  // Questions not shown now (no team plan, no offers) lose any earlier answer too.
  const answers = withoutStep(draft.answers, stepId);
  for (const [questionId, value] of Object.entries(values)) {
    if (value.length > 0) answers[questionId] = value;
  }
  return {
    outcome: 'advanced',
    draft: next(draft, now, {
      answers,
      step: stepAfter(stepId),
      skippedStepIds: draft.skippedStepIds.filter((id) => id !== stepId),
    }),
  };
}

/**
 * The draft with what the employee typed on the current step, unjudged: leaving a step (back,
 * save for later) must lose nothing. Not a change on its own — the revision stays — but the
 * start of one: pass it to `goBack` or `saveProgress`. Text is cut only at what a draft can
 * store; an answer over the question's limit is caught when the step is submitted.
 */
export function withStepInput(
  draft: QuestionStepDraft,
  input: StepInput,
  context: PreparationContext,
): QuestionStepDraft {
  const answers = withoutStep(draft.answers, draft.step);
  for (const question of resolveQuestions(draft.step, context, draft)) {
    const value =
      question.kind === 'text'
        ? readText(input[question.id]).slice(0, PLAN_LIMITS.preparationAnswerMax)
        : readChoices(input[question.id]).filter((id) =>
            question.choices?.some((choice) => choice.id === id),
          );
    if (value.length > 0) answers[question.id] = value;
  }
  return { ...draft, answers };
}

/** The summary's share choices, unsent; like `withStepInput`, the start of a change. */
export function withShareChoices(
  draft: PreparationDraft,
  choices: Readonly<Record<string, Visibility>>,
): PreparationDraft {
  const visibility = { ...draft.visibility };
  for (const [questionId, choice] of Object.entries(choices)) {
    if (draft.answers[questionId] !== undefined) visibility[questionId] = choice;
  }
  return { ...draft, visibility };
}

/** Stores the draft as it is, where it is: "spara och fortsätt senare". */
export function saveProgress(draft: PreparationDraft, now: string): PreparationDraft {
  return next(draft, now, {});
}

/** One step back; undefined on the first step, which has nothing before it. */
export function goBack(draft: PreparationDraft, now: string): PreparationDraft | undefined {
  const index = PREPARATION_STEP_IDS.indexOf(draft.step);
  const previous = PREPARATION_STEP_IDS[index - 1];
  return previous ? next(draft, now, { step: previous }) : undefined;
}

/** Skips an optional step and forgets its answers; undefined when the step may not be skipped. */
export function skipStep(draft: PreparationDraft, now: string): PreparationDraft | undefined {
  if (draft.step === 'summary' || !stepDefinition(draft.step).skippable) return undefined;
  return next(draft, now, {
    answers: withoutStep(draft.answers, draft.step),
    skippedStepIds: [...new Set([...draft.skippedStepIds, draft.step])],
    step: stepAfter(draft.step),
  });
}

export function visibilityOf(draft: PreparationDraft, question: QuestionDefinition): Visibility {
  return draft.visibility[question.id] ?? question.defaultVisibility;
}

/**
 * The send from the summary: the employee's share choices applied (choices for questions not
 * answered are ignored) and the draft marked sent, in one change. Undefined before the summary.
 */
export function markSent(
  draft: PreparationDraft,
  choices: Readonly<Record<string, Visibility>>,
  now: string,
): PreparationDraft | undefined {
  if (draft.step !== 'summary') return undefined;
  return next(withShareChoices(draft, choices), now, { status: 'sent' });
}

/**
 * Cancelled (or sent): the draft stays as a record, and every card of it is stale from then
 * on. Back to in-progress only when storing a send failed after the draft was claimed for it.
 */
export function changeStatus(
  draft: PreparationDraft,
  status: DraftStatus,
  now: string,
): PreparationDraft {
  return next(draft, now, { status });
}

export interface AnsweredQuestion {
  stepId: QuestionStepId;
  question: QuestionDefinition;
  answer: DraftAnswer;
  visibility: Visibility;
  promptId?: string;
}

/** The answers in the template's order, each with the visibility that applies to it. */
export function answeredQuestions(draft: PreparationDraft): AnsweredQuestion[] {
  return PREPARATION_STEPS.flatMap((step) =>
    step.questions.flatMap((question): AnsweredQuestion[] => {
      const answer = draft.answers[question.id];
      if (answer === undefined || answer.length === 0) return [];
      return [
        {
          stepId: step.id,
          question,
          answer,
          visibility: visibilityOf(draft, question),
          ...(question.principle ? { promptId: draft.promptIds[question.principle] } : {}),
        },
      ];
    }),
  );
}

/** The document the send stores: every answer with its visibility, and the skipped steps. */
export function toDialoguePreparation(
  draft: PreparationDraft,
  ids: { id: string; dialogueId: string },
  now: string,
): DialoguePreparation {
  return {
    id: ids.id,
    dialogueId: ids.dialogueId,
    employeeId: draft.employeeId,
    answers: answeredQuestions(draft).map(
      ({ stepId, question, answer, visibility, promptId }): PreparationAnswer => ({
        stepId,
        questionId: question.id,
        ...(promptId ? { promptId } : {}),
        ...(typeof answer === 'string' ? { text: answer } : { choiceIds: [...answer] }),
        visibility,
      }),
    ),
    skippedStepIds: [...draft.skippedStepIds],
    updatedAt: now,
  };
}

/** What the manager may see of a preparation: only what the employee shared. */
export function sharedAnswers(preparation: DialoguePreparation): PreparationAnswer[] {
  return preparation.answers.filter((answer) => answer.visibility === 'shared-with-manager');
}

function stepAfter(stepId: QuestionStepId): PreparationStepId {
  // The summary follows the last question step, so there is always a next one.
  return PREPARATION_STEP_IDS[PREPARATION_STEP_IDS.indexOf(stepId) + 1] ?? 'summary';
}

function withoutStep(
  answers: Readonly<Record<string, DraftAnswer>>,
  stepId: QuestionStepId,
): Record<string, DraftAnswer> {
  const ofStep = new Set(stepDefinition(stepId).questions.map((question) => question.id));
  return Object.fromEntries(Object.entries(answers).filter(([id]) => !ofStep.has(id)));
}

function next(
  draft: PreparationDraft,
  now: string,
  changes: Partial<PreparationDraft>,
): PreparationDraft {
  return { ...draft, ...changes, revision: draft.revision + 1, updatedAt: now };
}

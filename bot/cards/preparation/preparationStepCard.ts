import {
  ChoiceSetInput,
  TextBlock,
  TextInput,
  type AdaptiveCard,
  type CardElement,
} from '@microsoft/teams.cards';
import type { TFunction } from 'i18next';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { DraftAnswer } from '../../../core/preparation/draft';
import type { FieldError, QuestionStepDraft } from '../../../core/preparation/preparation';
import {
  PREPARATION_STEP_IDS,
  resolveQuestions,
  stepDefinition,
  type PreparationContext,
  type ResolvedQuestion,
} from '../../../core/preparation/template';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { escapeMarkdown } from '../userText';
import { leaveStepButtons } from './preparationActions';
import { dialogueWord, questionTitle, stepHeading } from './preparationText';

export interface PreparationStepCardData {
  language: Language;
  context: PreparationContext;
  draft: QuestionStepDraft;
  /** The values as just submitted, kept when the server found errors; else the stored answers. */
  values?: Readonly<Record<string, DraftAnswer>>;
  errors?: Readonly<Record<string, FieldError>>;
  /** Shown above the step: the card clicked was older than the draft. */
  stale?: boolean;
}

/** One step of the preparation: its questions as labelled inputs, updated in place. */
export function preparationStepCard(data: PreparationStepCardData): AdaptiveCard {
  const { language, context, draft } = data;
  const t = translator(language);
  const errors = data.errors ?? {};
  const values = data.values ?? draft.answers;
  const step = stepDefinition(draft.step);
  const questions = resolveQuestions(draft.step, context, draft);
  const isLast = draft.step === PREPARATION_STEP_IDS[PREPARATION_STEP_IDS.length - 2];

  const body: CardElement[] = [
    new TextBlock(t('preparation.title', { dialogue: dialogueWord(context, language) }), {
      isSubtle: true,
      wrap: true,
    }),
    new TextBlock(stepHeading(t, draft.step), { style: 'heading', size: 'Large', wrap: true }),
    ...(data.stale ? [notice(t('preparation.stale'))] : []),
    ...(Object.keys(errors).length > 0 ? [notice(t('preparation.errors.fixBelow'))] : []),
    new TextBlock(t(`preparation.steps.${draft.step}.intro`), { wrap: true }),
    ...stepHints(t, data, questions),
    ...questions.flatMap((question) => {
      const error = errors[question.id];
      return [
        input(t, data, question, values[question.id]),
        ...(error
          ? [
              errorText(
                t(error.key, error.key === 'preparation.errors.tooLong' ? { max: error.max } : {}),
              ),
            ]
          : []),
      ];
    }),
  ];

  const at = { draftId: draft.id, revision: draft.revision };
  return adaptiveCard(body, [
    cardButton(
      t(isLast ? 'preparation.actions.toSummary' : 'preparation.actions.next'),
      { verb: 'preparation.submitStep', ...at },
      { style: 'positive' },
    ),
    ...(step.skippable
      ? [
          cardButton(
            t('preparation.actions.skip'),
            { verb: 'preparation.skip', ...at },
            { sendsInputs: false },
          ),
        ]
      : []),
    ...leaveStepButtons(t, draft, { back: draft.step !== PREPARATION_STEP_IDS[0] }),
  ]);
}

function stepHints(
  t: TFunction,
  data: PreparationStepCardData,
  questions: readonly ResolvedQuestion[],
): CardElement[] {
  const shown = new Set(questions.map((question) => question.id));
  if (data.draft.step === 'world-and-goals') {
    return shown.has('supported-unit-goals')
      ? [new TextBlock(t('preparation.unitGoalsIntro', { year: data.draft.year }), { wrap: true })]
      : [hint(t('preparation.noUnitGoals'))];
  }
  if (data.draft.step === 'ways-of-learning' && !shown.has('courses')) {
    return [hint(t('preparation.noCourses'))];
  }
  return [];
}

function input(
  t: TFunction,
  data: PreparationStepCardData,
  question: ResolvedQuestion,
  value: DraftAnswer | undefined,
): CardElement {
  const { language, context } = data;
  const title = questionTitle(t, question, context, language, question.promptId);
  // Required is said in the label and checked by the service: the client's own check
  // (isRequired) would also stop "back" and "save for later" from keeping a half-done step.
  const notes = [
    t(question.required ? 'preparation.required' : 'preparation.optional'),
    ...(question.maxLength !== undefined
      ? [t('preparation.limit', { max: question.maxLength })]
      : []),
  ];
  const common = {
    id: question.id,
    label: notes.length > 0 ? `${title} (${notes.join(', ')})` : title,
    spacing: 'Medium' as const,
  };
  if (question.kind === 'text') {
    return new TextInput({
      ...common,
      isMultiline: (question.maxLength ?? 0) > 500,
      ...(question.maxLength !== undefined ? { maxLength: question.maxLength } : {}),
      ...(typeof value === 'string' && value.length > 0 ? { value } : {}),
    });
  }
  const choices = (question.choices ?? []).map((option) => {
    const label = option.userText ? escapeMarkdown(option.label[language]) : option.label[language];
    return {
      title: option.mandatory ? t('preparation.mandatory', { title: label }) : label,
      value: option.id,
    };
  });
  return new ChoiceSetInput(...choices).withOptions({
    ...common,
    isMultiSelect: true,
    style: 'expanded',
    wrap: true,
    ...(Array.isArray(value) && value.length > 0 ? { value: value.join(',') } : {}),
  });
}

const notice = (text: string) =>
  new TextBlock(text, { wrap: true, color: 'Warning', weight: 'Bolder' });
const hint = (text: string) => new TextBlock(text, { wrap: true, isSubtle: true });
const errorText = (text: string) =>
  new TextBlock(text, { wrap: true, color: 'Attention', size: 'Small', spacing: 'Small' });

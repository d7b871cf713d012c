import type { TFunction } from 'i18next';
import type { Language } from '../../../core/i18n/i18n';
import type { DraftAnswer } from '../../../core/preparation/draft';
import {
  choiceOptions,
  PREPARATION_STEP_COUNT,
  stepNumber,
  type PreparationContext,
  type PreparationStepId,
  type QuestionDefinition,
} from '../../../core/preparation/template';
import { getPrinciple, type ReflectionPrompt } from '../../../core/principles/principles';
import { promptsOf } from '../../../core/profiles/profileSchema';

/** Texts the preparation's cards share, so each card says a step or an answer the same way. */

export function stepTitle(t: TFunction, stepId: PreparationStepId): string {
  return t(`preparation.steps.${stepId}.title`);
}

/** "Steg 2 av 6 – Omvärld och verksamhetens mål": the heading of every step's card. */
export function stepHeading(t: TFunction, stepId: PreparationStepId): string {
  return t('preparation.stepHeading', {
    number: stepNumber(stepId),
    count: PREPARATION_STEP_COUNT,
    title: stepTitle(t, stepId),
  });
}

export function promptText(
  context: PreparationContext,
  promptId: string | undefined,
  language: Language,
): string {
  const prompt: ReflectionPrompt | undefined = promptsOf(context.profile).find(
    (candidate) => candidate.id === promptId,
  );
  return prompt?.text[language] ?? '';
}

/** What a question asks: its label, or for a reflection its principle and the prompt picked. */
export function questionTitle(
  t: TFunction,
  question: QuestionDefinition,
  context: PreparationContext,
  language: Language,
  promptId?: string,
): string {
  if (question.principle) {
    return t('preparation.questions.reflection', {
      principle: getPrinciple(question.principle).name[language],
      prompt: promptText(context, promptId, language),
    });
  }
  return t(`preparation.questions.${question.id}`);
}

/** An answer as plain text: the words as written, or the names of the choices made. */
export function answerText(
  questionId: string,
  answer: DraftAnswer,
  context: PreparationContext,
  language: Language,
): string {
  if (typeof answer === 'string') return answer;
  const options = choiceOptions(questionId, context);
  return answer
    .map((id) => options.find((option) => option.id === id)?.label[language] ?? id)
    .join(', ');
}

export function dialogueWord(context: PreparationContext, language: Language): string {
  return context.profile.wording.dialogue[language];
}

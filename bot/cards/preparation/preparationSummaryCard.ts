import { Container, TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import type { TFunction } from 'i18next';
import { translator, type Language } from '../../../core/i18n/i18n';
import { getPrinciple } from '../../../core/principles/principles';
import type { PreparationDraft } from '../../../core/preparation/draft';
import { answeredQuestions } from '../../../core/preparation/preparation';
import {
  PREPARATION_STEPS,
  type PreparationContext,
  type QuestionDefinition,
} from '../../../core/preparation/template';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { userTextBlock } from '../userText';
import { leaveStepButtons } from './preparationActions';
import { answerText, dialogueWord, questionTitle, stepHeading, stepTitle } from './preparationText';
import { shareToggle } from '../shareToggle';

/** The input id of an answer's "share with my manager" toggle. */
export const shareInputId = (questionId: string): string => `share:${questionId}`;

export interface PreparationSummaryCardData {
  language: Language;
  context: PreparationContext;
  draft: PreparationDraft;
  /** Who will get the shared answers; absent when the directory names no manager. */
  managerName?: string;
  stale?: boolean;
}

/** Everything on one card, each answer with its own share toggle, and the send button. */
export function preparationSummaryCard(data: PreparationSummaryCardData): AdaptiveCard {
  const { language, context, draft } = data;
  const t = translator(language);
  const answered = answeredQuestions(draft);

  const sections = PREPARATION_STEPS.map((step) => {
    const answers = answered.filter((answer) => answer.stepId === step.id);
    const heading = new TextBlock(stepTitle(t, step.id), { weight: 'Bolder', wrap: true });
    if (draft.skippedStepIds.includes(step.id) || answers.length === 0) {
      return new Container(
        heading,
        new TextBlock(t('preparation.summary.skipped'), { isSubtle: true, wrap: true }),
      ).withOptions({ separator: true, spacing: 'Medium' });
    }
    return new Container(
      heading,
      ...answers.flatMap(({ question, answer, visibility, promptId }) => [
        new TextBlock(questionTitle(t, question, context, language, promptId), {
          isSubtle: true,
          wrap: true,
          spacing: 'Small',
        }),
        userTextBlock(answerText(question.id, answer, context, language)),
        // Each toggle names its answer: a screen reader lists them side by side.
        shareToggle(shareToggleTitle(t, question, language), shareInputId(question.id), visibility),
      ]),
    ).withOptions({ separator: true, spacing: 'Medium' });
  });

  const at = { draftId: draft.id, revision: draft.revision };
  return adaptiveCard(
    [
      new TextBlock(t('preparation.title', { dialogue: dialogueWord(context, language) }), {
        isSubtle: true,
        wrap: true,
      }),
      new TextBlock(stepHeading(t, 'summary'), { style: 'heading', size: 'Large', wrap: true }),
      ...(data.stale
        ? [
            new TextBlock(t('preparation.stale'), {
              wrap: true,
              color: 'Warning',
              weight: 'Bolder',
            }),
          ]
        : []),
      new TextBlock(t('preparation.steps.summary.intro'), { wrap: true }),
      ...sections,
      new TextBlock(
        data.managerName
          ? t('preparation.summary.sendHint', { manager: data.managerName })
          : t('preparation.summary.noManager'),
        { wrap: true, spacing: 'Large' },
      ),
    ],
    [
      cardButton(
        t(data.managerName ? 'preparation.actions.send' : 'preparation.actions.saveWithoutManager'),
        { verb: 'preparation.send', ...at },
        { style: 'positive' },
      ),
      ...leaveStepButtons(t, draft, { back: true }),
    ],
  );
}

function shareToggleTitle(t: TFunction, question: QuestionDefinition, language: Language): string {
  return question.principle
    ? t('preparation.summary.shareReflection', {
        principle: getPrinciple(question.principle).name[language].toLowerCase(),
      })
    : t('preparation.summary.shareAnswer', { question: t(`preparation.questions.${question.id}`) });
}

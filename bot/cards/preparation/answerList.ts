import { TextBlock, type CardElement } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { PreparationAnswer } from '../../../core/plan/dialogue';
import { questionDefinition, type PreparationContext } from '../../../core/preparation/template';
import { userTextBlock } from '../userText';
import { answerText, questionTitle } from './preparationText';

/**
 * A stored preparation's answers as card elements: what was asked, the answer as written
 * (never as markdown), and — for the employee's own view — whether the manager sees it.
 */
export function answerList(
  answers: readonly PreparationAnswer[],
  context: PreparationContext,
  language: Language,
  options: { markVisibility: boolean },
): CardElement[] {
  const t = translator(language);
  return answers.flatMap((answer) => {
    const question = questionDefinition(answer.questionId);
    if (!question) return [];
    const title = questionTitle(t, question, context, language, answer.promptId);
    const mark = options.markVisibility
      ? ` · ${t(answer.visibility === 'private' ? 'preparation.summary.private' : 'preparation.summary.shared')}`
      : '';
    return [
      new TextBlock(`${title}${mark}`, {
        isSubtle: true,
        wrap: true,
        spacing: 'Medium',
      }),
      userTextBlock(
        answerText(answer.questionId, answer.text ?? answer.choiceIds ?? [], context, language),
      ),
    ];
  });
}

import { TextBlock, type CardElement } from '@microsoft/teams.cards';
import type { TFunction } from 'i18next';
import type { EffectFollowUp } from '../../../core/plan/effectFollowUp';
import { userTextBlock } from '../userText';
import { FOLLOW_UP_QUESTIONS } from './effectFollowUpCard';

/** Each answered question of a follow-up, the question above the answer as written. */
export function followUpAnswers(t: TFunction, followUp: EffectFollowUp): CardElement[] {
  return FOLLOW_UP_QUESTIONS.flatMap((question) => {
    const answer = followUp[question];
    return answer
      ? [
          new TextBlock(t(`reminders.followUp.${question}`), {
            wrap: true,
            isSubtle: true,
            spacing: 'Small',
          }),
          userTextBlock(answer),
        ]
      : [];
  });
}

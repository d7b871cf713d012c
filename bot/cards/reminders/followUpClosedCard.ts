import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';

export type FollowUpClosedCardData =
  | {
      language: Language;
      /** "Inte nu": nothing saved, and a way back to answer when it suits. */
      reason: 'later';
      planId: string;
      activityId: string;
    }
  /** The activity was removed or cancelled since the card was sent. */
  | { language: Language; reason: 'gone' };

/** The follow-up card replaced politely. */
export function followUpClosedCard(data: FollowUpClosedCardData): AdaptiveCard {
  const t = translator(data.language);
  return adaptiveCard(
    [
      new TextBlock(t(`reminders.followUp.${data.reason}.title`), {
        style: 'heading',
        size: 'Large',
        wrap: true,
      }),
      new TextBlock(t(`reminders.followUp.${data.reason}.body`), { wrap: true }),
    ],
    [
      ...(data.reason === 'later'
        ? [
            cardButton(t('reminders.actions.answerNow'), {
              verb: 'reminders.openFollowUp',
              planId: data.planId,
              activityId: data.activityId,
            }),
          ]
        : [cardButton(t('reminders.actions.myPlan'), { verb: 'runCommand', command: 'myPlan' })]),
      cardButton(t('actions.showHelp'), { verb: 'runCommand', command: 'help' }),
    ],
  );
}

import { TextBlock, TextInput, type AdaptiveCard, type CardElement } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { Activity } from '../../../core/plan/individualPlan';
import { PLAN_LIMITS } from '../../../core/plan/limits';
import type { Visibility } from '../../../core/plan/reflection';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { dateInWords } from '../plan/planText';
import { userTextBlock } from '../userText';
import { settingsAndHelpButtons } from './reminderButtons';
import { shareToggle } from '../shareToggle';

/** The three questions of an effect follow-up, in the order the card asks them. */
export const FOLLOW_UP_QUESTIONS = ['learned', 'applied', 'supportNeeded'] as const;
export type FollowUpQuestion = (typeof FOLLOW_UP_QUESTIONS)[number];

/** The input ids of the follow-up card, as the click on "Spara" sends them. */
export const FOLLOW_UP_INPUTS = {
  learned: 'follow-up-learned',
  applied: 'follow-up-applied',
  supportNeeded: 'follow-up-support',
  share: 'follow-up-share',
} as const;

export type FollowUpProblem = 'empty' | 'tooLong';

export interface FollowUpValues {
  answers: Partial<Record<FollowUpQuestion, string>>;
  visibility: Visibility;
}

export interface EffectFollowUpCardData {
  language: Language;
  planId: string;
  activity: Pick<Activity, 'id' | 'title' | 'dueDate'>;
  /** What was typed, kept when it was refused. */
  values?: FollowUpValues;
  problem?: FollowUpProblem;
}

/**
 * Effektuppföljning: an activity's due date has passed; what did the employee learn, how do
 * they use it, what support do they need. Any one answer is enough; private unless shared.
 */
export function effectFollowUpCard(data: EffectFollowUpCardData): AdaptiveCard {
  const { language, activity } = data;
  const t = translator(language);
  const max = PLAN_LIMITS.followUpAnswerMax;
  const about = { planId: data.planId, activityId: activity.id };
  const problem: CardElement[] = data.problem
    ? [
        new TextBlock(t(`reminders.followUp.errors.${data.problem}`, { max }), {
          wrap: true,
          color: 'Attention',
          weight: 'Bolder',
        }),
      ]
    : [];
  return adaptiveCard(
    [
      new TextBlock(t('reminders.followUp.title'), {
        style: 'heading',
        size: 'Large',
        wrap: true,
      }),
      userTextBlock(activity.title, { weight: 'Bolder' }),
      new TextBlock(
        t('reminders.followUp.intro', { date: dateInWords(activity.dueDate, language) }),
        { wrap: true },
      ),
      ...problem,
      ...FOLLOW_UP_QUESTIONS.map((question) => {
        const value = data.values?.answers[question];
        return new TextInput({
          id: FOLLOW_UP_INPUTS[question],
          label: t(`reminders.followUp.${question}`),
          isMultiline: true,
          maxLength: max,
          spacing: 'Medium',
          ...(value ? { value } : {}),
        });
      }),
      shareToggle(t('reminders.followUp.share'), FOLLOW_UP_INPUTS.share, data.values?.visibility),
    ],
    [
      cardButton(
        t('reminders.actions.save'),
        { verb: 'reminders.saveFollowUp', ...about },
        { style: 'positive' },
      ),
      cardButton(
        t('reminders.actions.notNow'),
        { verb: 'reminders.laterFollowUp', ...about },
        { sendsInputs: false },
      ),
      ...settingsAndHelpButtons(t),
    ],
  );
}

/** The notification's preview: the question, not the activity (the title is the manager's text). */
export function effectFollowUpFallbackText(language: Language): string {
  return translator(language)('reminders.followUp.title');
}

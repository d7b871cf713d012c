import { Container, TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator } from '../../../core/i18n/i18n';
import type { DialoguePreparation } from '../../../core/plan/dialogue';
import { adaptiveCard } from '../adaptiveCard';
import { answerList } from '../preparation/answerList';
import { dialogueWord } from '../preparation/preparationText';
import {
  helpButton,
  historyButton,
  myTeamButton,
  openButton,
  type ManagerCardData,
} from './planCardData';
import { dayInWords, heading, planWord, statusLine } from './planText';

export interface PlanStartCardData extends ManagerCardData {
  /** Only the answers the employee shared; absent when they shared none. */
  sharedPreparation?: DialoguePreparation;
}

/**
 * The manager's first card on an employee's plan: what the employee shared before the
 * dialogue, and where the plan stands. Nothing is stored until the goals are saved.
 */
export function planStartCard(data: PlanStartCardData): AdaptiveCard {
  const { language, profile, plan, employeeName: name } = data;
  const t = translator(language);
  const context = { profile, unitGoals: [...data.unitGoals] };
  const dialogue = dialogueWord(context, language);
  const shared = data.sharedPreparation?.answers ?? [];

  const preparation = new Container(
    new TextBlock(t('plan.start.preparationHeading', { dialogue }), {
      weight: 'Bolder',
      wrap: true,
    }),
    ...(shared.length > 0
      ? [
          new TextBlock(t('plan.start.sharedIntro', { name }), { wrap: true, isSubtle: true }),
          ...answerList(shared, context, language, { markVisibility: false }),
        ]
      : [new TextBlock(t('plan.start.nothingShared', { name, dialogue }), { wrap: true })]),
  ).withOptions({ separator: true, spacing: 'Medium' });

  const planPart = new Container(
    new TextBlock(t('plan.start.planHeading'), { weight: 'Bolder', wrap: true }),
    ...(plan
      ? [
          statusLine(t, plan),
          new TextBlock(
            t('plan.start.summary', {
              goals: plan.goals.length,
              activities: plan.activities.length,
            }),
            { wrap: true, spacing: 'Small' },
          ),
          ...(plan.agreedAt
            ? [
                new TextBlock(
                  t('plan.inForce', { date: dayInWords(profile, plan.agreedAt, language) }),
                  { wrap: true, isSubtle: true, spacing: 'Small' },
                ),
              ]
            : []),
        ]
      : [new TextBlock(t('plan.start.noPlan', { year: data.year }), { wrap: true })]),
  ).withOptions({ separator: true, spacing: 'Medium' });

  return adaptiveCard(
    [
      heading(t('plan.title', { plan: planWord(profile, language), year: data.year, name })),
      preparation,
      planPart,
    ],
    [
      plan
        ? openButton(t('plan.actions.continue'), data, 'review')
        : openButton(t('plan.actions.writeGoals'), data, 'goals'),
      ...(plan ? [historyButton(t, plan.id)] : []),
      myTeamButton(t),
      helpButton(t),
    ],
  );
}

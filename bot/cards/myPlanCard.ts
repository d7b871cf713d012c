import {
  Container,
  Fact,
  FactSet,
  OpenUrlAction,
  TextBlock,
  type AdaptiveCard,
} from '@microsoft/teams.cards';
import type { CycleEntry } from '../../core/cycle/dialogueCycle';
import { formatDialogueTime } from '../../core/cycle/scheduling';
import { translator, type Language } from '../../core/i18n/i18n';
import type { DialoguePreparation } from '../../core/plan/dialogue';
import type { IndividualPlan } from '../../core/plan/individualPlan';
import type { PreparationDraft } from '../../core/preparation/draft';
import {
  PREPARATION_STEP_COUNT,
  stepNumber,
  type PreparationContext,
} from '../../core/preparation/template';
import { adaptiveCard } from './adaptiveCard';
import { cardButton } from './cardActions';
import { dayInWords, planWord } from './plan/planText';
import { answerList } from './preparation/answerList';
import { dialogueWord, stepTitle } from './preparation/preparationText';
import { userTextBlock } from './userText';

export interface MyPlanCardData {
  language: Language;
  context: PreparationContext;
  year: number;
  /** A preparation being written now. */
  draft?: PreparationDraft;
  /** The latest preparation sent for this year's dialogue. */
  sent?: DialoguePreparation;
  plan?: IndividualPlan;
  /** This year's dialogues of the profile's cycle, with their booked times. */
  cycle: readonly CycleEntry[];
  myPlanUrl: string;
}

/** "min plan": the employee's preparation (each answer marked shared or private) and plan. */
export function myPlanCard(data: MyPlanCardData): AdaptiveCard {
  const { language, context, draft, sent, plan } = data;
  const t = translator(language);
  const separated = { separator: true, spacing: 'Medium' } as const;

  const preparation = new Container(
    new TextBlock(
      t('myPlan.preparationHeading', {
        dialogue: dialogueWord(context, language),
        year: data.year,
      }),
      { weight: 'Bolder', wrap: true },
    ),
    ...(draft
      ? [
          new TextBlock(
            t('myPlan.inProgress', {
              number: stepNumber(draft.step),
              count: PREPARATION_STEP_COUNT,
              title: stepTitle(t, draft.step),
            }),
            { wrap: true },
          ),
        ]
      : []),
    ...(sent
      ? [
          // The day it was sent in Stockholm, in words: not the UTC date of the instant.
          new TextBlock(
            t('myPlan.sentOn', { date: dayInWords(context.profile, sent.updatedAt, language) }),
            { wrap: true },
          ),
          ...answerList(sent.answers, context, language, { markVisibility: true }),
        ]
      : []),
    ...(!draft && !sent ? [new TextBlock(t('myPlan.noPreparation'), { wrap: true })] : []),
  ).withOptions(separated);

  const { timeZone } = context.profile.reminderPolicy;
  const dialogues = new Container(
    new TextBlock(t('myPlan.dialoguesHeading', { year: data.year }), {
      weight: 'Bolder',
      wrap: true,
    }),
    new FactSet(
      ...data.cycle.map(({ dialogueType, status, dialogue }) => {
        const statusText = t(`myPlan.cycle.${status}`);
        return new Fact(
          dialogueType.name[language],
          dialogue?.scheduledAt && status !== 'held'
            ? t('myPlan.bookedAt', {
                status: statusText,
                time: formatDialogueTime(dialogue.scheduledAt, timeZone, language),
              })
            : statusText,
        );
      }),
    ),
  ).withOptions(separated);

  const planSection = new Container(
    ...(plan
      ? [
          new TextBlock(
            t('myPlan.planHeading', { plan: planWord(context.profile, language), year: plan.year }),
            { weight: 'Bolder', wrap: true },
          ),
          new TextBlock(
            t('myPlan.planSummary', {
              status: t(`myPlan.status.${plan.status}`),
              goals: plan.goals.length,
              activities: plan.activities.length,
            }),
            { wrap: true, isSubtle: true },
          ),
          ...plan.goals.map((goal) => userTextBlock(`• ${goal.text}`)),
        ]
      : [new TextBlock(t('myPlan.noPlan'), { wrap: true })]),
  ).withOptions(separated);

  return adaptiveCard(
    [
      new TextBlock(t('myPlan.title'), { style: 'heading', size: 'Large', wrap: true }),
      dialogues,
      preparation,
      planSection,
    ],
    [
      ...(draft
        ? [
            cardButton(t('preparation.actions.continue'), {
              verb: 'preparation.continue',
              draftId: draft.id,
            }),
          ]
        : sent
          ? []
          : [cardButton(t('actions.prepare'), { verb: 'runCommand', command: 'prepare' })]),
      // A proposal waiting for an answer is one click away, even if its card is scrolled off.
      ...(plan
        ? [cardButton(t('plan.actions.showPlan'), { verb: 'plan.show', planId: plan.id })]
        : []),
      new OpenUrlAction(data.myPlanUrl, { title: t('actions.openMyPlan') }),
    ],
  );
}

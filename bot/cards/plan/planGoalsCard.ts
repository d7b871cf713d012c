import {
  ChoiceSetInput,
  Container,
  TextBlock,
  TextInput,
  type AdaptiveCard,
  type CardElement,
} from '@microsoft/teams.cards';
import type { TFunction } from 'i18next';
import { translator } from '../../../core/i18n/i18n';
import type { Goal } from '../../../core/plan/individualPlan';
import { PLAN_LIMITS } from '../../../core/plan/limits';
import {
  GOALS_FORM_ERROR,
  goalInputId,
  type FieldErrors,
  type GoalField,
  type TypedValues,
} from '../../plans/planInputs';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { escapeMarkdown } from '../userText';
import { helpButton, openButton, planAt, type ManagerCardData } from './planCardData';
import {
  changeRequestBlock,
  errorBlock,
  fixBelow,
  heading,
  hint,
  notice,
  planTitle,
} from './planText';

export interface PlanGoalsCardData extends ManagerCardData {
  /** The inputs as just sent, kept when the service found errors; else the stored goals. */
  values?: TypedValues;
  errors?: FieldErrors;
}

/**
 * The goals: one slot per goal of the plan and one empty slot for a new one, up to five. A
 * slot keeps its goal's id through the card's data, so an edited goal keeps its activities.
 */
export function planGoalsCard(data: PlanGoalsCardData): AdaptiveCard {
  const { language, profile, plan } = data;
  const t = translator(language);
  const goals = plan?.goals ?? [];
  const errors = data.errors ?? {};
  const values = data.values ?? storedValues(goals);
  const slotCount = Math.min(
    PLAN_LIMITS.goalsMax,
    Math.max(goals.length + 1, highestTypedSlot(values)),
  );
  const slots = Array.from({ length: slotCount }, (_, index) => index + 1);

  const body: CardElement[] = [
    planTitle(t, profile, language, data.year, data.employeeName),
    heading(t('plan.goals.heading')),
    ...(data.stale ? [notice(t('plan.stale'))] : []),
    ...fixBelow(t, errors),
    ...errorBlock(t, errors[GOALS_FORM_ERROR]),
    ...changeRequestBlock(t, profile, language, plan, data.employeeName),
    new TextBlock(t('plan.goals.intro'), { wrap: true }),
    ...(data.unitGoals.length === 0
      ? [hint(t('plan.goals.noUnitGoals', { year: data.year }))]
      : []),
    ...(goals.length > 0 ? [hint(t('plan.goals.removeHint'))] : []),
    ...slots.map((slot) => goalSlot(t, data, slot, values, errors)),
  ];

  const save = (title: string, next: 'goals' | 'activities', positive: boolean) =>
    cardButton(
      title,
      {
        verb: 'plan.saveGoals',
        ...planAt(data),
        goalIds: goals.slice(0, PLAN_LIMITS.goalsMax).map((goal) => goal.id),
        next,
      },
      positive ? { style: 'positive' } : {},
    );
  return adaptiveCard(body, [
    save(t('plan.actions.toActivities'), 'activities', true),
    ...(slotCount < PLAN_LIMITS.goalsMax ? [save(t('plan.actions.addGoal'), 'goals', false)] : []),
    openButton(t('plan.actions.back'), data, plan ? 'review' : 'start'),
    helpButton(t),
  ]);
}

function goalSlot(
  t: TFunction,
  data: PlanGoalsCardData,
  slot: number,
  values: TypedValues,
  errors: FieldErrors,
): Container {
  const { language, profile } = data;
  const id = (field: GoalField) => goalInputId(slot, field);
  const value = (field: GoalField) => values[id(field)];
  const valueOf = (field: GoalField) => {
    const typed = value(field);
    return typed ? { value: typed } : {};
  };
  const max = PLAN_LIMITS.goalTextMax;

  return new Container(
    new TextBlock(t('plan.goalNumber', { number: slot }), { weight: 'Bolder', wrap: true }),
    new TextInput({
      id: id('text'),
      label: t('plan.goals.text', {
        required: t(slot === 1 ? 'plan.goals.required' : 'plan.goals.optional'),
        max,
      }),
      isMultiline: true,
      maxLength: max,
      ...valueOf('text'),
    }),
    ...errorBlock(t, errors[id('text')]),
    new TextInput({
      id: id('own'),
      label: t('plan.goals.ownWords', { name: data.employeeName, max }),
      placeholder: t('plan.goals.ownWordsPlaceholder', { name: data.employeeName }),
      isMultiline: true,
      maxLength: max,
      ...valueOf('own'),
    }),
    ...errorBlock(t, errors[id('own')]),
    ...(data.unitGoals.length > 0
      ? [
          new ChoiceSetInput(
            ...data.unitGoals.map((goal) => ({
              title: escapeMarkdown(shortened(goal.text)),
              value: goal.id,
            })),
          ).withOptions({
            id: id('unit'),
            label: t('plan.goals.unitGoal'),
            placeholder: t('plan.goals.noUnitGoal'),
            style: 'compact',
            wrap: true,
            ...valueOf('unit'),
          }),
        ]
      : []),
    // Said even when the unit has no goals to choose from now: a link sent is not dropped silently.
    ...errorBlock(t, errors[id('unit')]),
    new ChoiceSetInput(
      ...profile.priorityAreas.areas.map((area) => ({
        title: area.name[language],
        value: area.id,
      })),
    ).withOptions({
      id: id('areas'),
      label: t('plan.goals.areas'),
      isMultiSelect: true,
      style: 'compact',
      wrap: true,
      ...valueOf('areas'),
    }),
    ...errorBlock(t, errors[id('areas')]),
  ).withOptions({ separator: true, spacing: 'Large' });
}

/** The stored goals as the slots' values: slot 1 is the first goal. */
function storedValues(goals: readonly Goal[]): TypedValues {
  const values: Record<string, string> = {};
  goals.forEach((goal, index) => {
    const slot = index + 1;
    values[goalInputId(slot, 'text')] = goal.text;
    if (goal.ownWords) values[goalInputId(slot, 'own')] = goal.ownWords;
    if (goal.unitGoalId) values[goalInputId(slot, 'unit')] = goal.unitGoalId;
    if (goal.priorityAreaIds.length > 0) {
      values[goalInputId(slot, 'areas')] = goal.priorityAreaIds.join(',');
    }
  });
  return values;
}

function highestTypedSlot(values: TypedValues): number {
  return Math.max(
    0,
    ...Object.keys(values).map((key) => Number(/^goal-(\d+)-/.exec(key)?.[1] ?? 0)),
  );
}

/** A unit goal may be long; its choice shows the start, so five slots stay within a card's size. */
const CHOICE_TITLE_MAX = 120;

function shortened(text: string): string {
  return text.length <= CHOICE_TITLE_MAX ? text : `${text.slice(0, CHOICE_TITLE_MAX - 1)}…`;
}

import {
  ChoiceSetInput,
  DateInput,
  TextBlock,
  TextInput,
  type AdaptiveCard,
  type CardElement,
} from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { Goal } from '../../../core/plan/individualPlan';
import { PLAN_LIMITS } from '../../../core/plan/limits';
import {
  LEARNING_FORM_KINDS,
  type CatalogueItem,
  type OrganisationProfile,
} from '../../../core/profiles/profileSchema';
import { ACTIVITY_INPUTS, type FieldErrors, type TypedValues } from '../../plans/planInputs';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { userTextBlock } from '../userText';
import { helpButton, openButton, planAt, type ManagerCardData } from './planCardData';
import {
  errorBlock,
  fixBelow,
  heading,
  hint,
  inclusiveNeedsBlock,
  notice,
  planTitle,
} from './planText';

export interface PlanActivityCardData extends ManagerCardData {
  goal: Goal;
  goalNumber: number;
  values?: TypedValues;
  errors?: FieldErrors;
}

/**
 * A new activity for one goal: what, the form of learning (everyday forms first) or a course
 * from the catalogue (those of the goal's priority areas), when, who, and the support needed.
 */
export function planActivityCard(data: PlanActivityCardData): AdaptiveCard {
  const { language, profile, goal } = data;
  const t = translator(language);
  const ids = ACTIVITY_INPUTS;
  const errors = data.errors ?? {};
  const values = data.values ?? { [ids.responsible]: 'employee' };
  const valueOf = (id: string) => (values[id] ? { value: values[id] } : {});
  const courses = coursesFor(profile, goal);
  const inputError = (id: string) => errorBlock(t, errors[id]);

  const body: CardElement[] = [
    planTitle(t, profile, language, data.year, data.employeeName),
    heading(t('plan.activityForm.heading')),
    ...(data.stale ? [notice(t('plan.stale'))] : []),
    ...fixBelow(t, errors),
    new TextBlock(t('plan.activityForm.forGoal', { number: data.goalNumber }), {
      wrap: true,
      weight: 'Bolder',
    }),
    userTextBlock(goal.text),
    ...inclusiveNeedsBlock(t, data.employeeName, data.inclusiveNeeds),
    new TextInput({
      id: ids.title,
      label: t('plan.activityForm.title', {
        required: t('plan.activityForm.titleRequired'),
        max: PLAN_LIMITS.activityTitleMax,
      }),
      maxLength: PLAN_LIMITS.activityTitleMax,
      spacing: 'Medium',
      ...valueOf(ids.title),
    }),
    ...inputError(ids.title),
    new ChoiceSetInput(...formChoices(profile, language)).withOptions({
      id: ids.form,
      label: t('plan.activityForm.form'),
      placeholder: t('plan.activityForm.formPlaceholder'),
      style: 'compact',
      wrap: true,
      ...valueOf(ids.form),
    }),
    hint(t('plan.activityForm.formHint')),
    ...inputError(ids.form),
    ...(courses.length > 0
      ? [
          new ChoiceSetInput(
            ...courses.map((item) => ({
              title: item.mandatory
                ? t('plan.activityForm.mandatory', { title: item.title })
                : item.title,
              value: item.id,
            })),
          ).withOptions({
            id: ids.course,
            label: t('plan.activityForm.course'),
            placeholder: t('plan.activityForm.coursePlaceholder'),
            style: 'compact',
            wrap: true,
            ...valueOf(ids.course),
          }),
          ...(goal.priorityAreaIds.length > 0
            ? [hint(t('plan.activityForm.coursesForAreas'))]
            : []),
          ...inputError(ids.course),
        ]
      : [hint(t('plan.activityForm.noCourses'))]),
    new DateInput({ id: ids.start, label: t('plan.activityForm.start'), ...valueOf(ids.start) }),
    ...inputError(ids.start),
    new DateInput({ id: ids.due, label: t('plan.activityForm.due'), ...valueOf(ids.due) }),
    ...inputError(ids.due),
    new ChoiceSetInput(
      ...(['employee', 'manager', 'both'] as const).map((who) => ({
        title: t(`plan.responsible.${who}`),
        value: who,
      })),
    ).withOptions({
      id: ids.responsible,
      label: t('plan.activityForm.responsible'),
      style: 'expanded',
      ...valueOf(ids.responsible),
    }),
    ...inputError(ids.responsible),
    new TextInput({
      id: ids.support,
      label: t('plan.activityForm.support', { max: PLAN_LIMITS.supportNeededMax }),
      placeholder: t('plan.activityForm.supportPlaceholder'),
      isMultiline: true,
      maxLength: PLAN_LIMITS.supportNeededMax,
      ...valueOf(ids.support),
    }),
    ...inputError(ids.support),
  ];

  return adaptiveCard(body, [
    cardButton(
      t('plan.actions.saveActivity'),
      { verb: 'plan.addActivity', ...planAt(data), goalId: goal.id },
      { style: 'positive' },
    ),
    openButton(t('plan.actions.back'), data, 'activities'),
    helpButton(t),
  ]);
}

/** The profile's forms of learning, everyday forms first (learning in and beside the work). */
function formChoices(profile: OrganisationProfile, language: Language) {
  return [...profile.formsOfLearning]
    .sort((a, b) => LEARNING_FORM_KINDS.indexOf(a.kind) - LEARNING_FORM_KINDS.indexOf(b.kind))
    .map((form) => ({ title: form.name[language], value: form.id }));
}

/** Courses one can take now, of the goal's priority areas when it names any; mandatory first. */
function coursesFor(profile: OrganisationProfile, goal: Goal): CatalogueItem[] {
  const areas = new Set(goal.priorityAreaIds);
  return profile.catalogue.items
    .filter((item) => item.availability === 'available')
    .filter((item) => areas.size === 0 || item.priorityAreaIds.some((id) => areas.has(id)))
    .sort((a, b) => Number(b.mandatory) - Number(a.mandatory));
}

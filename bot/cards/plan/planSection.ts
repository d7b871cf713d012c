import { ActionSet, Container, TextBlock, type CardElement } from '@microsoft/teams.cards';
import type { TFunction } from 'i18next';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { EffectFollowUp } from '../../../core/plan/effectFollowUp';
import type { Activity, Goal, IndividualPlan } from '../../../core/plan/individualPlan';
import type { UnitGoal } from '../../../core/plan/teamPlan';
import type { OrganisationProfile } from '../../../core/profiles/profileSchema';
import { cardButton } from '../cardActions';
import { followUpAnswers } from '../reminders/followUpAnswers';
import { userTextBlock } from '../userText';
import { dateInWords, dayInWords, formName } from './planText';

export interface PlanSectionData {
  language: Language;
  profile: OrganisationProfile;
  plan: IndividualPlan;
  unitGoals: readonly UnitGoal[];
  /** The manager's activities card: a remove button per activity and an add button per goal. */
  editing?: { employeeId: string };
  /**
   * The employee's effect follow-ups they shared, each under its activity (the manager's
   * view). Only shared ones are shown, whatever is passed.
   */
  sharedFollowUps?: { employeeName: string; followUps: readonly EffectFollowUp[] };
}

/** Button titles are short: a long activity title is cut, the button still names it. */
const BUTTON_TITLE_MAX = 40;

/**
 * The plan's goals, each with its links and its activities (what, how, when, who, support).
 * People's own text (goals, own words, unit goals, titles, support) is shown as text runs.
 */
export function planSection(data: PlanSectionData): CardElement[] {
  const t = translator(data.language);
  return data.plan.goals.map((goal, index) =>
    new Container(
      new TextBlock(t('plan.goalNumber', { number: index + 1 }), {
        weight: 'Bolder',
        wrap: true,
      }),
      userTextBlock(goal.text),
      ...goalLinks(t, data, goal),
      ...activitiesOf(t, data, goal, index + 1),
    ).withOptions({ separator: true, spacing: 'Medium' }),
  );
}

function goalLinks(t: TFunction, data: PlanSectionData, goal: Goal): CardElement[] {
  const { language, profile } = data;
  const unitGoal = data.unitGoals.find((candidate) => candidate.id === goal.unitGoalId);
  const areas = goal.priorityAreaIds.map(
    (id) => profile.priorityAreas.areas.find((area) => area.id === id)?.name[language] ?? id,
  );
  return [
    ...(goal.ownWords
      ? [userTextBlock(t('plan.goal.ownWords', { text: goal.ownWords }), { italic: true })]
      : []),
    ...(unitGoal
      ? [userTextBlock(t('plan.goal.unitGoal', { text: unitGoal.text }), { isSubtle: true })]
      : []),
    ...(areas.length > 0
      ? [
          new TextBlock(t('plan.goal.areas', { areas: areas.join(', ') }), {
            wrap: true,
            isSubtle: true,
            spacing: 'Small',
          }),
        ]
      : []),
  ];
}

function activitiesOf(
  t: TFunction,
  data: PlanSectionData,
  goal: Goal,
  number: number,
): CardElement[] {
  const activities = data.plan.activities.filter((activity) => activity.goalId === goal.id);
  const at = data.editing && {
    employeeId: data.editing.employeeId,
    planId: data.plan.id,
    version: data.plan.version,
  };
  return [
    ...(activities.length === 0
      ? [new TextBlock(t('plan.goal.noActivities'), { wrap: true, isSubtle: true })]
      : activities.map((activity) =>
          new Container(
            ...activityLines(t, data, activity),
            ...sharedFollowUpOf(t, data, activity),
            ...(at
              ? [
                  new ActionSet(
                    cardButton(
                      t('plan.actions.removeActivity', { title: shortened(activity.title) }),
                      { verb: 'plan.removeActivity', ...at, activityId: activity.id },
                      { sendsInputs: false, style: 'destructive' },
                    ),
                  ),
                ]
              : []),
          ).withOptions({ spacing: 'Medium' }),
        )),
    ...(at
      ? [
          new ActionSet(
            cardButton(
              t('plan.actions.addActivity', { number }),
              {
                verb: 'plan.open',
                employeeId: at.employeeId,
                planId: at.planId,
                view: 'activity',
                goalId: goal.id,
              },
              { sendsInputs: false },
            ),
          ),
        ]
      : []),
  ];
}

function activityLines(t: TFunction, data: PlanSectionData, activity: Activity): CardElement[] {
  const { language, profile } = data;
  const course = profile.catalogue.items.find((item) => item.id === activity.catalogueItemId);
  const due = dateInWords(activity.dueDate, language);
  const dates = activity.startDate
    ? t('plan.activity.period', { start: dateInWords(activity.startDate, language), due })
    : t('plan.activity.due', { due });
  return [
    userTextBlock(`• ${activity.title}`, { weight: 'Bolder' }),
    new TextBlock(
      t('plan.activity.meta', {
        form: formName(profile, activity.formOfLearningId, language),
        dates,
        responsible: t(`plan.responsible.${activity.responsible}`).toLocaleLowerCase(language),
      }),
      { wrap: true, isSubtle: true, spacing: 'None' },
    ),
    ...(course
      ? [
          new TextBlock(t('plan.activity.course', { title: course.title }), {
            wrap: true,
            isSubtle: true,
            spacing: 'None',
          }),
        ]
      : []),
    ...(activity.supportNeeded
      ? [userTextBlock(t('plan.activity.support', { text: activity.supportNeeded }))]
      : []),
  ];
}

function sharedFollowUpOf(t: TFunction, data: PlanSectionData, activity: Activity): CardElement[] {
  const followUp = data.sharedFollowUps?.followUps.find(
    (candidate) =>
      candidate.activityId === activity.id &&
      candidate.planId === data.plan.id &&
      candidate.visibility === 'shared-with-manager',
  );
  if (!followUp || !data.sharedFollowUps) return [];
  return [
    new Container(
      new TextBlock(
        t('reminders.followUp.forManager', {
          name: data.sharedFollowUps.employeeName,
          date: dayInWords(data.profile, followUp.answeredAt, data.language),
        }),
        { wrap: true, weight: 'Bolder', size: 'Small' },
      ),
      ...followUpAnswers(t, followUp),
    ).withOptions({ style: 'emphasis', spacing: 'Small' }),
  ];
}

function shortened(text: string): string {
  return text.length <= BUTTON_TITLE_MAX ? text : `${text.slice(0, BUTTON_TITLE_MAX - 1)}…`;
}

import {
  Fact,
  FactSet,
  TextBlock,
  type AdaptiveCard,
  type CardElement,
} from '@microsoft/teams.cards';
import type { TFunction } from 'i18next';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { NeededCompetence, TeamPlan } from '../../../core/plan/teamPlan';
import type { OrganisationProfile } from '../../../core/profiles/profileSchema';
import type { TeamCoverage } from '../../../core/team/coverage';
import type { NeedCount, PlannedNeeds } from '../../../core/team/plannedNeeds';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { coverageSection } from '../team/coverageSection';
import { userTextBlock } from '../userText';
import {
  areaName,
  byPriority,
  confirmation,
  formName,
  hint,
  neededCompetenceElements,
  priorityName,
  sectionHeading,
} from './teamPlanText';

/** What the manager just did, said at the top of the plan. */
export interface TeamPlanNotice {
  key: 'goalsSaved';
  /** Needs that lost their unit goal because it was removed. */
  unlinked: number;
}

export interface TeamPlanCardData {
  language: Language;
  profile: OrganisationProfile;
  year: number;
  /** This year's plan of the manager's unit; absent until it is first saved. */
  teamPlan?: TeamPlan;
  /** The manager's direct reports: the base of every count. */
  employees: number;
  needs: PlannedNeeds;
  /** The plan's needed competences no current agreed plan takes up. */
  gaps: readonly NeededCompetence[];
  coverage: TeamCoverage;
  notice?: TeamPlanNotice;
}

/**
 * The manager's team plan: the unit's goals and needed competences, what the team's current
 * agreed plans add up to (counts only: never a name, never anyone's text), the gaps between
 * the two, and coverage.
 */
export function teamPlanCard(data: TeamPlanCardData): AdaptiveCard {
  const t = translator(data.language);
  const plan = data.teamPlan;
  return adaptiveCard(
    [
      new TextBlock(t('teamPlan.title', { year: data.year }), {
        style: 'heading',
        size: 'Large',
        wrap: true,
      }),
      ...noticeElements(t, data.notice),
      new TextBlock(t(plan ? 'teamPlan.intro' : 'teamPlan.empty', { year: data.year }), {
        wrap: true,
      }),
      ...(plan ? planElements(t, { ...data, plan }) : []),
      ...plannedNeedsElements(t, data),
      ...(plan ? gapElements(t, { ...data, plan }) : []),
      ...coverageSection(data.language, data.profile, data.coverage),
    ],
    [
      ...(plan
        ? [
            cardButton(t('teamPlan.actions.editGoals'), { verb: 'teamPlan.editGoals' }),
            cardButton(t('teamPlan.actions.editNeeds'), { verb: 'teamPlan.editNeeds' }),
          ]
        : [
            cardButton(
              t('teamPlan.actions.write'),
              { verb: 'teamPlan.editGoals' },
              { style: 'positive' },
            ),
          ]),
      cardButton(t('teamPlan.actions.myTeam'), { verb: 'runCommand', command: 'myTeam' }),
      cardButton(t('actions.showHelp'), { verb: 'runCommand', command: 'help' }),
    ],
  );
}

function noticeElements(t: TFunction, notice: TeamPlanNotice | undefined): CardElement[] {
  if (!notice) return [];
  return [
    confirmation(t(`teamPlan.notices.${notice.key}`)),
    ...(notice.unlinked > 0
      ? [hint(t('teamPlan.notices.unlinked', { count: notice.unlinked }))]
      : []),
  ];
}

function planElements(t: TFunction, data: TeamPlanCardData & { plan: TeamPlan }): CardElement[] {
  const { plan } = data;
  return [
    sectionHeading(t('teamPlan.goals.heading')),
    ...(plan.unitGoals.length > 0
      ? plan.unitGoals.map((goal, index) => userTextBlock(`${index + 1}. ${goal.text}`))
      : [hint(t('teamPlan.goals.none'))]),
    sectionHeading(t('teamPlan.needs.heading')),
    ...(plan.neededCompetences.length > 0
      ? byPriority(plan.neededCompetences).flatMap((need, index) =>
          neededCompetenceElements(t, data, need, index + 1),
        )
      : [hint(t('teamPlan.needs.none'))]),
  ];
}

function plannedNeedsElements(t: TFunction, data: TeamPlanCardData): CardElement[] {
  const { needs, profile, language } = data;
  const heading = sectionHeading(t('teamPlan.planned.heading'));
  if (needs.plans === 0)
    return [heading, new TextBlock(t('teamPlan.planned.none'), { wrap: true })];
  const counts = (
    title: string,
    empty: string,
    list: readonly NeedCount[],
    name: (id: string) => string,
  ) => [
    new TextBlock(title, { weight: 'Bolder', wrap: true, spacing: 'Medium' }),
    list.length > 0
      ? new FactSet(
          ...list.map(
            (count) =>
              new Fact(name(count.id), t('teamPlan.planned.people', { count: count.people })),
          ),
        )
      : hint(empty),
  ];
  return [
    heading,
    new TextBlock(t('teamPlan.planned.base', { plans: needs.plans, employees: data.employees }), {
      wrap: true,
    }),
    ...counts(
      t('teamPlan.planned.areas'),
      t('teamPlan.planned.noAreas'),
      needs.byPriorityArea,
      (id) => areaName(profile, id, language),
    ),
    ...counts(
      t('teamPlan.planned.forms'),
      t('teamPlan.planned.noForms'),
      needs.byFormOfLearning,
      (id) => formName(profile, id, language),
    ),
    hint(t('teamPlan.planned.privacy')),
  ];
}

function gapElements(t: TFunction, data: TeamPlanCardData & { plan: TeamPlan }): CardElement[] {
  const heading = sectionHeading(t('teamPlan.gaps.heading'));
  if (data.plan.neededCompetences.length === 0) return [heading, hint(t('teamPlan.gaps.noNeeds'))];
  if (data.gaps.length === 0) {
    return [heading, new TextBlock(t('teamPlan.gaps.none'), { wrap: true })];
  }
  return [
    heading,
    new TextBlock(t('teamPlan.gaps.intro'), { wrap: true }),
    ...byPriority(data.gaps).flatMap((need) => [
      new TextBlock(
        t('teamPlan.gaps.item', {
          area: areaName(data.profile, need.priorityAreaId, data.language),
          priority: priorityName(t, need.priority),
        }),
        { weight: 'Bolder', wrap: true, spacing: 'Medium' },
      ),
      userTextBlock(need.description),
    ]),
  ];
}

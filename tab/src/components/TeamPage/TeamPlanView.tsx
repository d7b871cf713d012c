import {
  Body1,
  Body1Strong,
  Caption1,
  makeStyles,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import type { TeamPlanPageResponse } from '../../../../bot/api/contract';
import { MIN_GROUP_SIZE } from '../../../../core/access/authorization';
import { percentage } from '../../../../core/team/coverage';
import { useTranslation } from '../../hooks/useTranslation';
import { BarChart, type BarChartRow } from '../BarChart/BarChart';
import { EmptyState } from '../EmptyState/EmptyState';
import { formatInstant, type ProfileNames } from './profileNames';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL },
  sectionTitle: { display: 'block', marginBottom: tokens.spacingVerticalM },
  paragraph: { display: 'block', marginBottom: tokens.spacingVerticalM },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  item: { overflowWrap: 'anywhere' },
  itemText: { display: 'block' },
  meta: { display: 'block', color: tokens.colorNeutralForeground2 },
  chart: { marginBottom: tokens.spacingVerticalXL },
  note: { display: 'block', color: tokens.colorNeutralForeground2 },
});

/**
 * The team plan as every member of the channel reads it: the unit's goals and needs, what the
 * agreed plans add up to, the gaps, and coverage. Counts only – never who.
 */
export function TeamPlanView({ data, names }: { data: TeamPlanPageResponse; names: ProfileNames }) {
  const styles = useStyles();
  const { t, language } = useTranslation();
  const { teamPlan } = data;

  return (
    <>
      {teamPlan === null ? (
        <div className={styles.section}>
          <EmptyState message={t('tab.team.empty')} hint={t('tab.team.emptyHint')} />
        </div>
      ) : (
        <>
          <Goals data={data} />
          <Needs data={data} names={names} />
          {data.countsWithheld ? null : <Gaps data={data} names={names} />}
        </>
      )}
      {data.countsWithheld ? (
        <Section title={t('tab.team.withheld.heading')}>
          <Body1 as="p">{t('tab.team.withheld.body', { count: MIN_GROUP_SIZE })}</Body1>
        </Section>
      ) : (
        <>
          <PlannedNeeds data={data} names={names} />
          <Coverage data={data} names={names} />
        </>
      )}
      <Caption1 as="p" className={styles.note}>
        {t('tab.team.planned.privacy')}
      </Caption1>
      {teamPlan ? (
        <Caption1 as="p" className={styles.note}>
          {t('tab.team.lastSaved', {
            date: formatInstant(teamPlan.updatedAt, language, names.timeZone),
          })}
        </Caption1>
      ) : null}
    </>
  );
}

/** Withheld counts are never drawn; these only satisfy the types of the sections below. */
const NO_NEEDS = { plans: 0, byPriorityArea: [], byFormOfLearning: [] };
const NO_COVERAGE = { employees: 0, withCurrentPlan: 0, dialoguesHeld: [] };

function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <Title3 as="h2" id={headingId} className={styles.sectionTitle}>
        {title}
      </Title3>
      {children}
    </section>
  );
}

function Goals({ data }: { data: TeamPlanPageResponse }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const goals = data.teamPlan?.unitGoals ?? [];
  return (
    <Section title={t('tab.team.goals.heading')}>
      {goals.length === 0 ? (
        <Body1 as="p">{t('tab.team.goals.none')}</Body1>
      ) : (
        <ol className={styles.list}>
          {goals.map((goal) => (
            <li key={goal.id} className={styles.item}>
              <Body1>{goal.text}</Body1>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

function Needs({ data, names }: { data: TeamPlanPageResponse; names: ProfileNames }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const goals = data.teamPlan?.unitGoals ?? [];
  const needs = data.teamPlan?.neededCompetences ?? [];
  return (
    <Section title={t('tab.team.needs.heading')}>
      {needs.length === 0 ? (
        <Body1 as="p">{t('tab.team.needs.none')}</Body1>
      ) : (
        <ol className={styles.list}>
          {needs.map((need) => {
            const goalIndex = goals.findIndex((goal) => goal.id === need.unitGoalId);
            const goal = goals[goalIndex];
            return (
              <li key={need.id} className={styles.item}>
                <Body1Strong className={styles.itemText}>{need.description}</Body1Strong>
                <Body1 className={styles.meta}>
                  {[
                    t('tab.team.needs.area', { area: names.area(need.priorityAreaId) }),
                    t('tab.team.needs.priority', {
                      priority: t(`tab.team.priority.${need.priority}`),
                    }),
                    ...(goal
                      ? [t('tab.team.needs.goal', { number: goalIndex + 1, goal: goal.text })]
                      : []),
                  ].join(' · ')}
                </Body1>
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}

function Gaps({ data, names }: { data: TeamPlanPageResponse; names: ProfileNames }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const needs = data.teamPlan?.neededCompetences ?? [];
  const unplanned = new Set(data.unplannedCompetenceIds ?? []);
  const gaps = needs.filter((need) => unplanned.has(need.id));
  return (
    <Section title={t('tab.team.gaps.heading')}>
      {needs.length === 0 ? (
        <Body1 as="p">{t('tab.team.gaps.noNeeds')}</Body1>
      ) : gaps.length === 0 ? (
        <Body1 as="p">{t('tab.team.gaps.none')}</Body1>
      ) : (
        <>
          <Body1 as="p" className={styles.paragraph}>
            {t('tab.team.gaps.intro', { count: gaps.length })}
          </Body1>
          <ul className={styles.list}>
            {gaps.map((need) => (
              <li key={need.id} className={styles.item}>
                <Body1Strong className={styles.itemText}>{need.description}</Body1Strong>
                <Body1 className={styles.meta}>
                  {t('tab.team.gaps.item', {
                    area: names.area(need.priorityAreaId),
                    priority: t(`tab.team.priority.${need.priority}`),
                  })}
                </Body1>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

function PlannedNeeds({ data, names }: { data: TeamPlanPageResponse; names: ProfileNames }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { plans, byPriorityArea, byFormOfLearning } = data.plannedNeeds ?? NO_NEEDS;
  const share = (people: number) =>
    t('tab.team.share', { part: people, whole: plans, percent: percentage(people, plans) });

  // Every area of the profile, so an area no plan takes up shows as an empty bar.
  const counted = new Map(byPriorityArea.map((need) => [need.id, need.people]));
  const areaIds = [
    ...names.areas.map((area) => area.id),
    ...byPriorityArea.map((need) => need.id).filter((id) => !names.areas.some((a) => a.id === id)),
  ];
  const areaRows: BarChartRow[] = areaIds
    .map((id, order) => ({ id, order, people: counted.get(id) ?? 0 }))
    .sort((a, b) => b.people - a.people || a.order - b.order)
    .map(({ id, people }) => ({
      id,
      label: names.area(id),
      value: people,
      valueText: share(people),
    }));
  const formRows: BarChartRow[] = byFormOfLearning.map((need) => ({
    id: need.id,
    label: names.form(need.id),
    value: need.people,
    valueText: share(need.people),
  }));

  return (
    <Section title={t('tab.team.planned.heading')}>
      <Body1 as="p" className={styles.paragraph}>
        {plans === 0
          ? t('tab.team.planned.none')
          : t('tab.team.planned.base', { plans, employees: data.coverage?.employees ?? 0 })}
      </Body1>
      {plans > 0 ? (
        <>
          <BarChart
            className={styles.chart}
            caption={t('tab.team.planned.areas')}
            labelHeader={t('tab.team.planned.areaHeader')}
            valueHeader={t('tab.team.planned.peopleHeader')}
            rows={areaRows}
            max={plans}
          />
          {formRows.length === 0 ? (
            <Body1 as="p">{t('tab.team.planned.noForms')}</Body1>
          ) : (
            <BarChart
              className={styles.chart}
              caption={t('tab.team.planned.forms')}
              labelHeader={t('tab.team.planned.formHeader')}
              valueHeader={t('tab.team.planned.peopleHeader')}
              rows={formRows}
              max={plans}
            />
          )}
        </>
      ) : null}
    </Section>
  );
}

function Coverage({ data, names }: { data: TeamPlanPageResponse; names: ProfileNames }) {
  const { t } = useTranslation();
  const { employees, withCurrentPlan, dialoguesHeld } = data.coverage ?? NO_COVERAGE;
  const share = (part: number) =>
    t('tab.team.share', { part, whole: employees, percent: percentage(part, employees) });
  const rows: BarChartRow[] = [
    {
      id: 'current-plan',
      label: t('tab.team.coverage.currentPlans'),
      value: withCurrentPlan,
      valueText: share(withCurrentPlan),
    },
    ...dialoguesHeld.map((entry) => ({
      id: `held-${entry.dialogueTypeId}`,
      label: t('tab.team.coverage.held', { dialogue: names.dialogue(entry.dialogueTypeId) }),
      value: entry.held,
      valueText: share(entry.held),
    })),
  ];

  return (
    <Section title={t('tab.team.coverage.heading')}>
      {employees === 0 ? (
        <Body1 as="p">{t('tab.team.coverage.noEmployees')}</Body1>
      ) : (
        <BarChart
          caption={t('tab.team.coverage.caption', { count: employees })}
          labelHeader={t('tab.team.coverage.whatHeader')}
          valueHeader={t('tab.team.coverage.shareHeader')}
          rows={rows}
          max={employees}
        />
      )}
    </Section>
  );
}

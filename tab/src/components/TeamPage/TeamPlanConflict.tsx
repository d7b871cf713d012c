import {
  Body1,
  Body1Strong,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import type { TeamPlanPageResponse } from '../../../../bot/api/contract';
import { useTranslation } from '../../hooks/useTranslation';
import { LoadError } from '../LoadError/LoadError';
import { Loading } from '../Loading/Loading';
import { formatInstant, type ProfileNames } from './profileNames';
import type { TeamPlanDraft } from './teamPlanDraft';
import type { TeamPlanPageState } from './useTeamPlanPage';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalXL,
  },
  column: {
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
  mine: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}` },
  columnTitle: { display: 'block', marginBottom: tokens.spacingVerticalM },
  subTitle: { display: 'block', marginTop: tokens.spacingVerticalM },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  meta: { display: 'block', color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** What a team plan says, goals then needs, for comparing two versions side by side. */
interface PlanContentsData {
  unitGoals: readonly { id: string; text: string }[];
  neededCompetences: readonly {
    id: string;
    priorityAreaId: string;
    description: string;
    priority: 'high' | 'medium' | 'low';
  }[];
}

/**
 * Someone saved the team plan while the manager was editing it (409 version_conflict): nothing
 * of theirs is saved, nothing is lost. The page shows their edit beside the plan as stored now,
 * and lets them carry on from the stored version with their edit, or drop their edit.
 */
export function TeamPlanConflict({
  mine,
  stored,
  names,
  onKeepEditing,
  onDiscard,
  onRetry,
}: {
  mine: TeamPlanDraft;
  stored: TeamPlanPageState;
  names: ProfileNames;
  onKeepEditing: (stored: TeamPlanPageResponse) => void;
  onDiscard: (stored: TeamPlanPageResponse) => void;
  onRetry: () => void;
}) {
  const styles = useStyles();
  const { t, language } = useTranslation();
  const mineId = useId();
  const storedId = useId();

  return (
    <div className={styles.root}>
      <MessageBar intent="warning" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t('tab.team.conflict.title')}</MessageBarTitle>
          {t('tab.team.conflict.body')}
        </MessageBarBody>
      </MessageBar>

      <div className={styles.columns}>
        <section aria-labelledby={mineId} className={`${styles.column} ${styles.mine}`}>
          <Title3 as="h2" id={mineId} className={styles.columnTitle}>
            {t('tab.team.conflict.mine')}
          </Title3>
          <PlanContents plan={mine} names={names} />
        </section>
        <section aria-labelledby={storedId} className={styles.column}>
          <Title3 as="h2" id={storedId} className={styles.columnTitle}>
            {stored.status === 'ready' && stored.data.teamPlan
              ? t('tab.team.conflict.stored', {
                  version: stored.data.teamPlan.version,
                  date: formatInstant(stored.data.teamPlan.updatedAt, language, names.timeZone),
                })
              : t('tab.team.conflict.storedTitle')}
          </Title3>
          {stored.status === 'loading' ? <Loading label={t('tab.team.conflict.loading')} /> : null}
          {stored.status === 'error' ? <LoadError error={stored.error} onRetry={onRetry} /> : null}
          {stored.status === 'ready' ? (
            stored.data.teamPlan ? (
              <PlanContents plan={stored.data.teamPlan} names={names} />
            ) : (
              <Body1 as="p">{t('tab.team.conflict.storedNone')}</Body1>
            )
          ) : null}
        </section>
      </div>

      {stored.status === 'ready' ? (
        <>
          <Body1 as="p">{t('tab.team.conflict.hint')}</Body1>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => onKeepEditing(stored.data)}>
              {t('tab.team.conflict.keepEditing')}
            </Button>
            <Button onClick={() => onDiscard(stored.data)}>{t('tab.team.conflict.discard')}</Button>
          </div>
        </>
      ) : null}
    </div>
  );
}

function PlanContents({ plan, names }: { plan: PlanContentsData; names: ProfileNames }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <>
      <Body1Strong as="h3" className={styles.subTitle}>
        {t('tab.team.goals.heading')}
      </Body1Strong>
      {plan.unitGoals.length === 0 ? (
        <Body1 as="p">{t('tab.team.goals.none')}</Body1>
      ) : (
        <ol className={styles.list}>
          {plan.unitGoals.map((goal) => (
            <li key={goal.id}>
              <Body1>{goal.text.trim() || t('tab.team.edit.goalUnwritten')}</Body1>
            </li>
          ))}
        </ol>
      )}
      <Body1Strong as="h3" className={styles.subTitle}>
        {t('tab.team.needs.heading')}
      </Body1Strong>
      {plan.neededCompetences.length === 0 ? (
        <Body1 as="p">{t('tab.team.needs.none')}</Body1>
      ) : (
        <ol className={styles.list}>
          {plan.neededCompetences.map((need) => (
            <li key={need.id}>
              <Body1>{need.description.trim() || t('tab.team.edit.needUndescribed')}</Body1>
              <Body1 className={styles.meta}>
                {[
                  need.priorityAreaId
                    ? t('tab.team.needs.area', { area: names.area(need.priorityAreaId) })
                    : t('tab.team.edit.areaPlaceholder'),
                  t('tab.team.needs.priority', {
                    priority: t(`tab.team.priority.${need.priority}`),
                  }),
                ].join(' · ')}
              </Body1>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

import { Body1, Caption1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import type { Goal, IndividualPlan } from '../../../../core/plan/individualPlan';
import type { PlanChanges } from '../../hooks/usePlanChanges';
import { useTranslation } from '../../hooks/useTranslation';
import { priorityAreaName } from '../../plan/profileNames';
import type { PlanViewContext } from '../../plan/planViewContext';
import { ActivityItem } from '../ActivityItem/ActivityItem';

const useStyles = makeStyles({
  goals: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
  },
  goal: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    // Griffel flips left and right for right-to-left pages.
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
  },
  goalText: { whiteSpace: 'pre-wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  activities: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
});

/**
 * The plan's goals in order, each with what it is linked to (the unit's goals, the profile's
 * priority areas) and its activities. `changes` is given when the viewer may update statuses.
 */
export function GoalList({
  context,
  plan,
  changes,
}: {
  context: PlanViewContext;
  plan: IndividualPlan;
  changes?: PlanChanges;
}) {
  const styles = useStyles();
  return (
    <ol className={styles.goals}>
      {plan.goals.map((goal, index) => (
        <GoalItem
          key={goal.id}
          context={context}
          plan={plan}
          goal={goal}
          number={index + 1}
          {...(changes ? { changes } : {})}
        />
      ))}
    </ol>
  );
}

function GoalItem({
  context,
  plan,
  goal,
  number,
  changes,
}: {
  context: PlanViewContext;
  plan: IndividualPlan;
  goal: Goal;
  number: number;
  changes?: PlanChanges;
}) {
  const styles = useStyles();
  const { t, language } = useTranslation();
  const activities = plan.activities.filter((activity) => activity.goalId === goal.id);
  const areas = goal.priorityAreaIds.map((id) => priorityAreaName(context.profile, id, language));

  return (
    <li className={styles.goal}>
      <Subtitle1 as="h3">{t('tab.plan.goalNumber', { number })}</Subtitle1>
      <Body1 as="p" className={styles.goalText}>
        {goal.text}
      </Body1>
      {goal.ownWords ? (
        <Body1 as="p" className={styles.goalText}>
          {t('tab.plan.goalOwnWords', { text: goal.ownWords })}
        </Body1>
      ) : null}
      {goal.unitGoalId ? (
        <Caption1 as="p" className={styles.muted}>
          {t('tab.plan.goalUnitGoal')}
        </Caption1>
      ) : null}
      {areas.length > 0 ? (
        <Caption1 as="p" className={styles.muted}>
          {t('tab.plan.goalAreas', { areas: areas.join(', ') })}
        </Caption1>
      ) : null}
      {activities.length === 0 ? (
        <Body1 as="p" className={styles.muted}>
          {t('tab.plan.noActivities')}
        </Body1>
      ) : (
        <ul className={styles.activities}>
          {activities.map((activity) => (
            <li key={activity.id}>
              <ActivityItem
                context={context}
                activity={activity}
                {...(changes
                  ? {
                      editing: {
                        draft: changes.drafts[activity.id],
                        choose: (status) => changes.chooseStatus(activity.id, status),
                        save: () => void changes.saveStatus(activity.id),
                        busy: changes.busy,
                        saving:
                          changes.inFlight?.kind === 'activity-status' &&
                          changes.inFlight.activityId === activity.id,
                        saved: changes.savedActivityId === activity.id,
                        error:
                          changes.error?.scope === 'activity' &&
                          changes.error.activityId === activity.id
                            ? changes.error.message
                            : undefined,
                      },
                    }
                  : {})}
              />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

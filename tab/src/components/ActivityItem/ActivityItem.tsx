import {
  Body1,
  Button,
  Caption1,
  Label,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import {
  ActivityStatusSchema,
  type Activity,
  type ActivityStatus,
} from '../../../../core/plan/individualPlan';
import { useTranslation } from '../../hooks/useTranslation';
import { dateInWords } from '../../plan/planDates';
import { courseTitle, formOfLearningName } from '../../plan/profileNames';
import type { PlanViewContext } from '../../plan/planViewContext';
import { ActivityFollowUp } from '../ActivityFollowUp/ActivityFollowUp';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { margin: 0 },
  details: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  support: { whiteSpace: 'pre-wrap' },
  statusRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
  unsaved: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
});

export interface ActivityEditing {
  /** The status chosen and not saved yet, if any. */
  draft: ActivityStatus | undefined;
  choose(status: ActivityStatus): void;
  save(): void;
  /** Another change is being sent: this one waits for it. */
  busy: boolean;
  /** This activity's status is being sent. */
  saving: boolean;
  /** This activity's status was just saved. */
  saved: boolean;
  error: string | undefined;
}

/**
 * One activity: what, how (form of learning or course), when, who is responsible, the
 * support it needs, its status, and how it went once followed up. The employee may change
 * the status (`editing`); the rest is the manager's, and read-only here.
 */
export function ActivityItem({
  context,
  activity,
  editing,
}: {
  context: PlanViewContext;
  activity: Activity;
  editing?: ActivityEditing;
}) {
  const styles = useStyles();
  const { t, language } = useTranslation();
  const titleId = useId();
  const statusLabelId = useId();
  const selectId = useId();
  const { profile } = context;
  const due = dateInWords(activity.dueDate, language);
  const shownStatus = editing?.draft ?? activity.status;
  const changed = editing?.draft !== undefined && editing.draft !== activity.status;

  return (
    <article className={styles.root} aria-labelledby={titleId}>
      <Subtitle2 as="h4" id={titleId} className={styles.title}>
        {activity.title}
      </Subtitle2>
      <ul className={styles.details}>
        <li>
          <Body1>
            {t('tab.plan.activity.form', {
              form: formOfLearningName(profile, activity.formOfLearningId, language),
            })}
          </Body1>
        </li>
        {activity.catalogueItemId ? (
          <li>
            <Body1>
              {t('tab.plan.activity.course', {
                title: courseTitle(profile, activity.catalogueItemId),
              })}
            </Body1>
          </li>
        ) : null}
        <li>
          <Body1>
            {activity.startDate
              ? t('tab.plan.activity.period', {
                  start: dateInWords(activity.startDate, language),
                  due,
                })
              : t('tab.plan.activity.due', { due })}
          </Body1>
        </li>
        <li>
          <Body1>
            {t('tab.plan.activity.responsible', {
              who: t(`tab.plan.responsible.${activity.responsible}`),
            })}
          </Body1>
        </li>
        {activity.supportNeeded ? (
          <li>
            <Body1 className={styles.support}>
              {t('tab.plan.activity.support', { text: activity.supportNeeded })}
            </Body1>
          </li>
        ) : null}
      </ul>
      {editing ? (
        <>
          <div className={styles.statusRow}>
            <Label id={statusLabelId} htmlFor={selectId}>
              {t('tab.plan.activity.statusLabel')}
            </Label>
            <Select
              id={selectId}
              aria-labelledby={`${statusLabelId} ${titleId}`}
              value={shownStatus}
              onChange={(_event, data) => editing.choose(ActivityStatusSchema.parse(data.value))}
            >
              {ActivityStatusSchema.options.map((status) => (
                <option key={status} value={status}>
                  {t(`tab.plan.activityStatus.${status}`)}
                </option>
              ))}
            </Select>
            <Button
              appearance="primary"
              disabledFocusable={!changed || editing.busy}
              aria-describedby={titleId}
              onClick={editing.save}
            >
              {editing.saving ? t('tab.plan.activity.saving') : t('tab.plan.activity.save')}
            </Button>
            {changed ? (
              <Caption1 className={styles.unsaved}>{t('tab.plan.activity.unsaved')}</Caption1>
            ) : editing.saved ? (
              <Caption1>{t('tab.plan.activity.savedShort')}</Caption1>
            ) : null}
          </div>
          {editing.error ? (
            <MessageBar intent="error" layout="multiline" role="alert">
              <MessageBarBody>{editing.error}</MessageBarBody>
            </MessageBar>
          ) : null}
        </>
      ) : (
        <Body1 as="p">
          {t('tab.plan.activity.statusText', {
            status: t(`tab.plan.activityStatus.${activity.status}`),
          })}
        </Body1>
      )}
      <ActivityFollowUp context={context} activity={activity} />
    </article>
  );
}

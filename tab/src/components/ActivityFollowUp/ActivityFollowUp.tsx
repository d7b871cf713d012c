import {
  Badge,
  Body1,
  Body1Strong,
  Caption1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import type { EffectFollowUp } from '../../../../core/plan/effectFollowUp';
import type { Activity } from '../../../../core/plan/individualPlan';
import { useTranslation } from '../../hooks/useTranslation';
import { dayInWords } from '../../plan/planDates';
import type { PlanViewContext } from '../../plan/planViewContext';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  title: { margin: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
  answers: { margin: 0 },
  question: { marginTop: tokens.spacingVerticalS },
  answer: { marginInlineStart: 0, whiteSpace: 'pre-wrap' },
  due: {
    marginTop: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
});

/** The three questions of an effect follow-up, in the order the chat asks them. */
const QUESTIONS = ['learned', 'applied', 'supportNeeded'] as const;

/**
 * How an activity went (effektuppföljning), as the employee answered in the chat: the
 * answers under the questions they were asked. On their own page the employee also sees
 * whether an answer is private, and a note when the follow-up is due and unanswered; the
 * manager's page carries only shared answers.
 */
export function ActivityFollowUp({
  context,
  activity,
}: {
  context: PlanViewContext;
  activity: Activity;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { page, viewer } = context;
  const answer = page.followUps.answers.find((candidate) => candidate.activityId === activity.id);
  if (answer) return <FollowUpAnswer context={context} answer={answer} />;
  if (viewer === 'employee' && page.followUps.unansweredActivityIds.includes(activity.id)) {
    return (
      <Body1 as="p" className={styles.due}>
        {t('tab.followUp.due')}
      </Body1>
    );
  }
  return null;
}

function FollowUpAnswer({ context, answer }: { context: PlanViewContext; answer: EffectFollowUp }) {
  const styles = useStyles();
  const { t, language } = useTranslation();
  const headingId = useId();
  const { page, viewer, timeZone } = context;
  const own = viewer === 'employee';
  const shared = answer.visibility === 'shared-with-manager';

  return (
    <div className={styles.root} role="group" aria-labelledby={headingId}>
      <div className={styles.heading}>
        <Body1Strong as="h5" id={headingId} className={styles.title}>
          {own
            ? t('tab.followUp.titleOwn')
            : t('tab.followUp.titleManager', { name: page.employee.displayName })}
        </Body1Strong>
        {own ? (
          <Badge appearance="outline" color={shared ? 'brand' : 'informative'}>
            {shared ? t('tab.reflections.shared') : t('tab.reflections.private')}
          </Badge>
        ) : null}
      </div>
      <Caption1 as="p" className={styles.meta}>
        {t('tab.followUp.answeredOn', {
          date: dayInWords(answer.answeredAt, timeZone, language),
        })}
      </Caption1>
      <dl className={styles.answers}>
        {QUESTIONS.map((question) => {
          const text = answer[question];
          return text ? (
            <div key={question}>
              <dt className={styles.question}>
                <Caption1>{t(`reminders.followUp.${question}`)}</Caption1>
              </dt>
              <dd className={styles.answer}>
                <Body1>{text}</Body1>
              </dd>
            </div>
          ) : null;
        })}
      </dl>
    </div>
  );
}

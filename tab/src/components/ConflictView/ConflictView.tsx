import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Textarea,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useEffect, useId, useRef } from 'react';
import type { PlanPageResponse } from '../../../../bot/api/contract';
import type { Conflict, PlanChanges } from '../../hooks/usePlanChanges';
import { useTranslation } from '../../hooks/useTranslation';
import { applicabilityOn, type PendingChange } from '../../plan/pendingChange';
import { timeInWords } from '../../plan/planDates';
import { Loading } from '../Loading/Loading';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalXL,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorStatusWarningBorder2}`,
    backgroundColor: tokens.colorStatusWarningBackground1,
  },
  heading: {
    ...typographyStyles.subtitle1,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: tokens.spacingHorizontalXXS,
    },
  },
  sides: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  side: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * Someone saved the plan after this page loaded it. Says so (focus moves here), shows the
 * version stored now beside the person's unsaved change, and lets them make their change
 * again on the new version or discard it. Nothing typed is dropped: a comment that can no
 * longer be sent stays here to copy.
 */
export function ConflictView({
  conflict,
  changes,
  timeZone,
}: {
  conflict: Conflict;
  changes: PlanChanges;
  timeZone: string;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const { latest } = conflict;
  // A status chosen again while the conflict shows is the change the person means now.
  const draft =
    conflict.change.kind === 'activity-status'
      ? changes.drafts[conflict.change.activityId]
      : undefined;
  const change: PendingChange =
    conflict.change.kind === 'activity-status' && draft
      ? { ...conflict.change, status: draft }
      : conflict.change;

  useEffect(() => {
    headingRef.current?.focus();
  }, [conflict]);

  const applicable = latest ? applicabilityOn(change, latest) === 'applicable' : false;

  return (
    <section aria-labelledby={headingId} className={styles.root}>
      {/* Focus comes here when the conflict appears, so it is read first. */}
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className={styles.heading}>
        {t('tab.conflict.title')}
      </h3>
      <Body1 as="p">{t('tab.conflict.intro')}</Body1>
      <div className={styles.sides}>
        {latest ? (
          <StoredSide latest={latest} change={change} timeZone={timeZone} />
        ) : conflict.loadFailed ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t('tab.conflict.loadFailed')}</MessageBarBody>
          </MessageBar>
        ) : (
          <Loading label={t('tab.plan.loading')} />
        )}
        <MineSide change={change} />
      </div>
      {latest && !applicable ? <Body1 as="p">{t('tab.conflict.cannotApply')}</Body1> : null}
      <div className={styles.actions}>
        {applicable ? (
          <Button
            appearance="primary"
            disabledFocusable={changes.busy}
            onClick={() => void changes.applyMine()}
          >
            {t('tab.conflict.useMine')}
          </Button>
        ) : null}
        {conflict.loadFailed ? (
          <Button appearance="primary" onClick={() => void changes.reloadLatest()}>
            {t('tab.conflict.retry')}
          </Button>
        ) : null}
        <Button disabledFocusable={changes.busy} onClick={changes.discardMine}>
          {t('tab.conflict.discardMine')}
        </Button>
      </div>
    </section>
  );
}

function StoredSide({
  latest,
  change,
  timeZone,
}: {
  latest: PlanPageResponse;
  change: PendingChange;
  timeZone: string;
}) {
  const styles = useStyles();
  const { t, language } = useTranslation();
  const { plan } = latest;
  const saved = latest.history[0];
  const activity =
    change.kind === 'activity-status'
      ? plan?.activities.find((candidate) => candidate.id === change.activityId)
      : undefined;

  return (
    <div className={styles.side}>
      <Body1Strong as="p">
        {t('tab.conflict.storedTitle', { version: plan?.version ?? saved?.version ?? 0 })}
      </Body1Strong>
      {saved ? (
        <Caption1 as="p" className={styles.muted}>
          {t('tab.conflict.storedBy', {
            name: saved.savedByName,
            time: timeInWords(saved.savedAt, timeZone, language),
          })}
        </Caption1>
      ) : null}
      {plan ? (
        <Body1 as="p">
          {t('tab.conflict.storedStatus', { status: t(`tab.plan.status.${plan.status}`) })}
        </Body1>
      ) : null}
      {change.kind === 'activity-status' ? (
        <Body1 as="p">
          {activity
            ? t('tab.conflict.activityStatus', {
                title: activity.title,
                status: t(`tab.plan.activityStatus.${activity.status}`),
              })
            : t('tab.conflict.activityGone', { title: change.title })}
        </Body1>
      ) : null}
    </div>
  );
}

function MineSide({ change }: { change: PendingChange }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const commentId = useId();
  return (
    <div className={styles.side}>
      <Body1Strong as="p">{t('tab.conflict.mineTitle')}</Body1Strong>
      {change.kind === 'activity-status' ? (
        <Body1 as="p">
          {t('tab.conflict.activityStatus', {
            title: change.title,
            status: t(`tab.plan.activityStatus.${change.status}`),
          })}
        </Body1>
      ) : change.decision === 'accept' ? (
        <Body1 as="p">{t('tab.conflict.answerAccept')}</Body1>
      ) : (
        <>
          <Body1 as="p" id={commentId}>
            {t('tab.conflict.answerChanges')}
          </Body1>
          {/* Read-only but selectable, so a comment that can no longer be sent can be copied. */}
          <Textarea value={change.comment} readOnly aria-labelledby={commentId} resize="vertical" />
        </>
      )}
    </div>
  );
}

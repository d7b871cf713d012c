import {
  Body1,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Textarea,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { PLAN_LIMITS } from '../../../../core/plan/limits';
import type { PlanChanges } from '../../hooks/usePlanChanges';
import { useTranslation } from '../../hooks/useTranslation';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalXXL,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    maxWidth: '640px',
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * The employee's answer to a proposed plan: accept it, or ask for changes with a comment for
 * the manager. The comment stays while the answer is sent, fails or meets a conflict.
 */
export function ProposalAnswer({
  managerName,
  changes,
}: {
  managerName: string;
  changes: PlanChanges;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const [asking, setAsking] = useState(false);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string>();
  const sending = changes.inFlight?.kind === 'answer';
  const error = changes.error?.scope === 'answer' ? changes.error.message : undefined;

  // Opening the comment box moves there, so a keyboard user can type at once.
  useEffect(() => {
    if (asking) commentRef.current?.focus();
  }, [asking]);

  function sendRequest() {
    const trimmed = comment.trim();
    const found =
      trimmed.length === 0
        ? t('tab.proposal.commentRequired')
        : trimmed.length > PLAN_LIMITS.changeRequestMax
          ? t('tab.proposal.commentTooLong', { max: PLAN_LIMITS.changeRequestMax })
          : undefined;
    setProblem(found);
    if (found) {
      commentRef.current?.focus();
      return;
    }
    void changes.answer({ decision: 'request-changes', comment: trimmed });
  }

  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <Title3 as="h2" id={headingId}>
        {t('tab.proposal.title')}
      </Title3>
      <Body1 as="p">{t('tab.proposal.intro', { name: managerName })}</Body1>
      {asking ? (
        <>
          <Field
            label={t('tab.proposal.comment')}
            hint={t('tab.proposal.commentHint')}
            required
            {...(problem ? { validationMessage: problem, validationState: 'error' as const } : {})}
          >
            <Textarea
              ref={commentRef}
              value={comment}
              rows={4}
              resize="vertical"
              maxLength={PLAN_LIMITS.changeRequestMax}
              onChange={(_event, data) => {
                setComment(data.value);
                if (problem && data.value.trim()) setProblem(undefined);
              }}
            />
          </Field>
          <div className={styles.actions}>
            <Button appearance="primary" disabledFocusable={changes.busy} onClick={sendRequest}>
              {sending ? t('tab.proposal.sending') : t('tab.proposal.send')}
            </Button>
            <Button disabledFocusable={changes.busy} onClick={() => setAsking(false)}>
              {t('tab.proposal.cancel')}
            </Button>
          </div>
        </>
      ) : (
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabledFocusable={changes.busy}
            onClick={() => void changes.answer({ decision: 'accept' })}
          >
            {sending ? t('tab.proposal.sending') : t('tab.proposal.accept')}
          </Button>
          <Button disabledFocusable={changes.busy} onClick={() => setAsking(true)}>
            {t('tab.proposal.requestChanges')}
          </Button>
        </div>
      )}
      {error ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}

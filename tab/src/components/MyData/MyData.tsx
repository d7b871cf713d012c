import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { AuditEntryView } from '../../../../core/privacy/audit';
import type { ErasureReport } from '../../../../core/privacy/erasure';
import type { IsoDateTime } from '../../../../core/shared/schemas';
import { ApiError, getJson, sendJson } from '../../api/apiClient';
import { useAnnouncement } from '../../hooks/useAnnouncement';
import { useApiResource } from '../../hooks/useApiResource';
import { useDemoUser } from '../../hooks/useDemoUser';
import { useTeamsContext } from '../../hooks/useTeamsContext';
import { useTranslation } from '../../hooks/useTranslation';
import { apiErrorText } from '../../plan/apiErrorText';
import { DEFAULT_TIME_ZONE, timeInWords } from '../../plan/planDates';
import { EmptyState } from '../EmptyState/EmptyState';
import { LiveRegion } from '../LiveRegion/LiveRegion';
import { Loading } from '../Loading/Loading';
import { LoadError } from '../LoadError/LoadError';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL },
  title: { display: 'block', marginBottom: tokens.spacingVerticalS },
  intro: { display: 'block', marginBottom: tokens.spacingVerticalM },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', flexDirection: 'column' },
  muted: { color: tokens.colorNeutralForeground2 },
});

type Outcome = { intent: 'success' | 'error'; text: string } | undefined;

/** What the request was sent in the name of, so a demo user downloads their own file. */
function useRequestIdentity(): { demoUserId: string | undefined } {
  const { host } = useTeamsContext();
  const demoUser = useDemoUser();
  return { demoUserId: host.kind === 'browser' ? demoUser : undefined };
}

/**
 * "Mina data" on the personal page: export everything stored about oneself as a JSON file,
 * erase it after a confirmation dialog, and "Vem har sett min plan" – who else read or
 * changed one's plan, preparation or shared answers.
 */
export default function MyData({ onErased }: { onErased?: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { demoUserId } = useRequestIdentity();
  const headingId = useId();
  const [busy, setBusy] = useState<'export' | 'erase' | undefined>();
  const [outcome, setOutcome] = useState<Outcome>();
  const { message, announce } = useAnnouncement();
  const audit = useApiResource<{ entries: AuditEntryView[] }>('/me/audit', demoUserId);

  const tell = (next: Exclude<Outcome, undefined>) => {
    setOutcome(next);
    announce(next.text);
  };
  const failure = (error: unknown) =>
    apiErrorText(error instanceof ApiError ? error : new ApiError(0, 'network', ''), t);

  async function exportData() {
    setBusy('export');
    try {
      const data = await getJson<unknown>('/me/data', { demoUserId });
      // The API needs the Teams token, so the file is fetched here and handed to the browser.
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = `kompetensdialog-mina-data-${new Date().toISOString().slice(0, 10)}.json`;
      link.click();
      URL.revokeObjectURL(url);
      tell({ intent: 'success', text: t('tab.privacy.exported') });
    } catch (error) {
      tell({ intent: 'error', text: t('tab.privacy.exportFailed', { message: failure(error) }) });
    } finally {
      setBusy(undefined);
    }
  }

  async function eraseData() {
    setBusy('erase');
    try {
      const report = await sendJson<ErasureReport>(
        'DELETE',
        '/me/data',
        { confirmation: 'erase-my-data' },
        { demoUserId },
      );
      const kept = report.plans.keptAgreedPlans;
      tell({
        intent: 'success',
        text: t('tab.privacy.erased', {
          kept: kept > 0 ? t('tab.privacy.erasedKept', { count: kept }) : '',
        }).trim(),
      });
      audit.retry();
      onErased?.();
    } catch (error) {
      tell({ intent: 'error', text: t('tab.privacy.eraseFailed', { message: failure(error) }) });
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <>
      <section aria-labelledby={headingId} className={styles.section}>
        <Title3 as="h2" id={headingId} className={styles.title}>
          {t('tab.privacy.title')}
        </Title3>
        <Body1 as="p" className={styles.intro}>
          {t('tab.privacy.intro')}
        </Body1>
        <div className={styles.buttons}>
          <Button onClick={() => void exportData()} disabled={busy !== undefined}>
            {busy === 'export' ? t('tab.privacy.exporting') : t('tab.privacy.export')}
          </Button>
          <EraseButton busy={busy === 'erase'} disabled={busy !== undefined} onErase={eraseData} />
        </div>
        {outcome ? (
          <MessageBar intent={outcome.intent}>
            <MessageBarBody>{outcome.text}</MessageBarBody>
          </MessageBar>
        ) : null}
        <LiveRegion message={message} />
      </section>
      <AuditSection audit={audit} />
    </>
  );
}

function EraseButton(props: { busy: boolean; disabled: boolean; onErase: () => Promise<void> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_event, data) => setOpen(data.open)} modalType="alert">
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="secondary" disabled={props.disabled}>
          {props.busy ? t('tab.privacy.erasing') : t('tab.privacy.erase')}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('tab.privacy.eraseTitle')}</DialogTitle>
          <DialogContent>{t('tab.privacy.eraseBody')}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t('tab.privacy.eraseCancel')}</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              onClick={() => {
                setOpen(false);
                void props.onErase();
              }}
            >
              {t('tab.privacy.eraseConfirm')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function AuditSection({
  audit,
}: {
  audit: ReturnType<typeof useApiResource<{ entries: AuditEntryView[] }>>;
}) {
  const styles = useStyles();
  const { t, language } = useTranslation();
  const headingId = useId();
  const actionText = (entry: AuditEntryView) => {
    const name = entry.actor.displayName ?? t('tab.privacy.auditSomeone');
    const key = `tab.privacy.auditAction.${entry.action}`;
    return t([key, 'tab.privacy.auditAction.other'], { name, action: entry.action });
  };
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <Title3 as="h2" id={headingId} className={styles.title}>
        {t('tab.privacy.auditTitle')}
      </Title3>
      <Body1 as="p" className={styles.intro}>
        {t('tab.privacy.auditIntro')}
      </Body1>
      {audit.status === 'loading' ? <Loading label={t('tab.privacy.auditLoading')} /> : null}
      {audit.status === 'error' ? <LoadError error={audit.error} onRetry={audit.retry} /> : null}
      {audit.status === 'ready' && audit.data.entries.length === 0 ? (
        <EmptyState message={t('tab.privacy.auditEmpty')} />
      ) : null}
      {audit.status === 'ready' && audit.data.entries.length > 0 ? (
        <ol className={styles.list}>
          {audit.data.entries.map((entry, index) => (
            <li key={`${entry.at}-${index}`} className={styles.item}>
              <Body1>{actionText(entry)}</Body1>
              <Caption1 className={styles.muted}>
                {timeInWords(entry.at as IsoDateTime, DEFAULT_TIME_ZONE, language)}
                {typeof entry.details['via'] === 'string'
                  ? ` · ${t(`tab.privacy.auditVia.${entry.details['via']}`)}`
                  : ''}
              </Caption1>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

import { makeStyles, Title1, Title3, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { MeResponse } from '../../../../bot/api/contract';
import { useApiResource } from '../../hooks/useApiResource';
import { useDemoUser } from '../../hooks/useDemoUser';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useTeamsContext } from '../../hooks/useTeamsContext';
import { useTranslation } from '../../hooks/useTranslation';
import { DemoUserSwitcher } from '../DemoUserSwitcher/DemoUserSwitcher';
import { EmptyState } from '../EmptyState/EmptyState';
import { Loading } from '../Loading/Loading';
import { LoadError } from '../LoadError/LoadError';
import { PersonHeader } from '../PersonHeader/PersonHeader';
import { PrinciplesList } from '../PrinciplesList/PrinciplesList';

const useStyles = makeStyles({
  title: { display: 'block', marginBottom: tokens.spacingVerticalS },
  section: { marginBottom: tokens.spacingVerticalXXL },
  sectionTitle: { display: 'block', marginBottom: tokens.spacingVerticalM },
});

/** The personal tab "Min utvecklingsplan": who, their (not yet existing) plan, the principles. */
export function PersonalPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const { host } = useTeamsContext();
  const demoUser = useDemoUser();
  const inBrowser = host.kind === 'browser';
  const me = useApiResource<MeResponse>('/me', inBrowser ? demoUser : undefined);
  const planHeadingId = useId();
  useDocumentTitle(t('tab.personal.documentTitle'));

  return (
    <>
      {inBrowser ? <DemoUserSwitcher /> : null}
      <main>
        <Title1 as="h1" className={styles.title}>
          {t('tab.personal.title')}
        </Title1>
        {me.status === 'loading' ? <Loading label={t('tab.loading')} /> : null}
        {me.status === 'error' ? (
          <div className={styles.section}>
            <LoadError error={me.error} onRetry={me.retry} />
          </div>
        ) : null}
        {me.status === 'ready' ? (
          <>
            <PersonHeader me={me.data} />
            <section aria-labelledby={planHeadingId} className={styles.section}>
              <Title3 as="h2" id={planHeadingId} className={styles.sectionTitle}>
                {t('tab.plan.title')}
              </Title3>
              <EmptyState message={t('tab.plan.empty')} hint={t('tab.plan.emptyHint')} />
            </section>
          </>
        ) : null}
        <PrinciplesList />
      </main>
    </>
  );
}

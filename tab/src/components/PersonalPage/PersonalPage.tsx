import { makeStyles, Title1, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { MeResponse } from '../../../../bot/api/contract';
import { useApiResource, type ApiResource } from '../../hooks/useApiResource';
import { useDemoUser } from '../../hooks/useDemoUser';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { usePersonalRoute } from '../../hooks/usePersonalRoute';
import { useTeamsContext } from '../../hooks/useTeamsContext';
import { useTranslation } from '../../hooks/useTranslation';
import { DemoUserSwitcher } from '../DemoUserSwitcher/DemoUserSwitcher';
import { Loading } from '../Loading/Loading';
import { LoadError } from '../LoadError/LoadError';
import { PersonalNav } from '../PersonalNav/PersonalNav';
import { PersonHeader } from '../PersonHeader/PersonHeader';
import { PrinciplesList } from '../PrinciplesList/PrinciplesList';

// The plan brings the organisation profiles and date formatting; the manager's views are for
// a few. Neither is in the first paint: the plan's code loads while /me is asked.
const loadOwnPlan = () => import('../OwnPlan/OwnPlan');
const OwnPlan = lazy(loadOwnPlan);
const ManagerView = lazy(() => import('../ManagerView/ManagerView'));
// Export, erasure and the access log: below the plan, loaded after it.
const MyData = lazy(() => import('../MyData/MyData'));

const useStyles = makeStyles({
  title: { display: 'block', marginBottom: tokens.spacingVerticalS },
  section: { marginBottom: tokens.spacingVerticalXXL },
});

/**
 * The personal tab "Min utvecklingsplan": who the person is and their plan; for a manager
 * also "Mitt team" (#/min-plan/mitt-team) with each employee's plan one click away.
 */
export function PersonalPage() {
  const { t } = useTranslation();
  const { host } = useTeamsContext();
  const demoUser = useDemoUser();
  const route = usePersonalRoute();
  const inBrowser = host.kind === 'browser';
  const demoUserId = inBrowser ? demoUser : undefined;
  const me = useApiResource<MeResponse>('/me', demoUserId);

  return (
    <>
      {inBrowser ? <DemoUserSwitcher /> : null}
      {me.status === 'ready' && me.data.isManager ? <PersonalNav route={route} /> : null}
      <main>
        {route.view === 'own' ? (
          <OwnView me={me} />
        ) : (
          <Suspense fallback={<Loading label={t('tab.manager.loading')} />}>
            <ManagerView route={route} demoUserId={demoUserId} />
          </Suspense>
        )}
      </main>
    </>
  );
}

function OwnView({ me }: { me: ApiResource<MeResponse> & { retry: () => void } }) {
  const styles = useStyles();
  const { t } = useTranslation();
  useDocumentTitle(t('tab.personal.documentTitle'));
  useEffect(() => {
    void loadOwnPlan();
  }, []);
  // After "Radera mina data" the plan is read again, so the page shows what is left.
  const [erasures, setErasures] = useState(0);

  return (
    <>
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
          <Suspense fallback={<Loading label={t('tab.plan.loading')} />}>
            <OwnPlan key={erasures} />
          </Suspense>
          <Suspense fallback={null}>
            <MyData onErased={() => setErasures((count) => count + 1)} />
          </Suspense>
        </>
      ) : null}
      <PrinciplesList />
    </>
  );
}

import { Suspense, lazy } from 'react';
import { Loading } from './components/Loading/Loading';
import { PersonalPage } from './components/PersonalPage/PersonalPage';
import { useHashRoute } from './hooks/useHashRoute';
import { useTranslation } from './hooks/useTranslation';
import { renderPage } from './renderPage';

// The channel tab needs the organisation profiles; the personal tab does not load them.
const TeamPage = lazy(() => import('./components/TeamPage/TeamPage'));

/** index.html: the personal tab, or the channel tab's content at #/team. */
function TabPages() {
  const route = useHashRoute();
  const { t } = useTranslation();
  if (route === 'team') {
    return (
      <Suspense fallback={<Loading label={t('tab.starting')} />}>
        <TeamPage />
      </Suspense>
    );
  }
  return <PersonalPage />;
}

renderPage(<TabPages />);

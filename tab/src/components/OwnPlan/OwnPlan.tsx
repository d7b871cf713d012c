import { useDemoUser } from '../../hooks/useDemoUser';
import { usePlanPage } from '../../hooks/usePlanPage';
import { useTeamsContext } from '../../hooks/useTeamsContext';
import { useTranslation } from '../../hooks/useTranslation';
import { Loading } from '../Loading/Loading';
import { LoadError } from '../LoadError/LoadError';
import { PlanView } from '../PlanView/PlanView';

/**
 * The person's own plan page (GET /me/plan): loaded separately from the first paint, since
 * it brings the organisation profiles along.
 */
export default function OwnPlan() {
  const { t } = useTranslation();
  const { host } = useTeamsContext();
  const demoUser = useDemoUser();
  const demoUserId = host.kind === 'browser' ? demoUser : undefined;
  const page = usePlanPage('/me/plan', demoUserId);
  const { resource } = page;

  if (resource.status === 'loading') return <Loading label={t('tab.plan.loading')} />;
  if (resource.status === 'error') return <LoadError error={resource.error} onRetry={page.retry} />;
  return (
    <PlanView
      // A new person (the demo switcher) starts with no drafts or conflicts of the previous one.
      key={resource.data.employee.id}
      page={page}
      data={resource.data}
      viewer="employee"
      title={t('tab.plan.title')}
      emptyMessage={t('tab.plan.empty')}
      emptyHint={t('tab.plan.emptyHint')}
      demoUserId={demoUserId}
    />
  );
}

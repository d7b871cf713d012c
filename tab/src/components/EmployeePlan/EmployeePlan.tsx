import { Link, makeStyles, Title1, tokens } from '@fluentui/react-components';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { TEAM_HREF } from '../../plan/personalRoutes';
import { usePlanPage } from '../../hooks/usePlanPage';
import { useTranslation } from '../../hooks/useTranslation';
import { EmptyState } from '../EmptyState/EmptyState';
import { Loading } from '../Loading/Loading';
import { LoadError } from '../LoadError/LoadError';
import { PlanView } from '../PlanView/PlanView';

const useStyles = makeStyles({
  back: { display: 'inline-block', marginBottom: tokens.spacingVerticalM },
  title: { display: 'block', marginBottom: tokens.spacingVerticalL },
});

/**
 * One employee's plan as their manager sees it (GET /people/{id}/plan): the same page as the
 * employee's own, read-only, with only the reflections the employee shared.
 */
export function EmployeePlan({
  employeeId,
  demoUserId,
}: {
  employeeId: string;
  demoUserId: string | undefined;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const page = usePlanPage(`/people/${encodeURIComponent(employeeId)}/plan`, demoUserId);
  const { resource } = page;
  const name = resource.status === 'ready' ? resource.data.employee.displayName : undefined;
  useDocumentTitle(
    name ? t('tab.manager.employeeDocumentTitle', { name }) : t('tab.manager.documentTitle'),
  );

  return (
    <>
      <Link href={TEAM_HREF} className={styles.back}>
        {t('tab.manager.back')}
      </Link>
      <Title1 as="h1" className={styles.title}>
        {name ? t('tab.manager.employeeTitle', { name }) : t('tab.manager.employeeLoadingTitle')}
      </Title1>
      {resource.status === 'loading' ? <Loading label={t('tab.plan.loading')} /> : null}
      {resource.status === 'error' ? (
        resource.error.status === 404 || resource.error.status === 403 ? (
          <EmptyState message={t('tab.manager.notFound')} />
        ) : (
          <LoadError error={resource.error} onRetry={page.retry} />
        )
      ) : null}
      {resource.status === 'ready' && name ? (
        <PlanView
          page={page}
          data={resource.data}
          viewer="manager"
          title={t('tab.manager.planTitle')}
          emptyMessage={t('tab.manager.noPlanForEmployee', { name })}
          demoUserId={demoUserId}
        />
      ) : null}
    </>
  );
}

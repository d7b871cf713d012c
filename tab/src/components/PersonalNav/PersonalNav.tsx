import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { OWN_PLAN_HREF, TEAM_HREF, type PersonalRoute } from '../../plan/personalRoutes';
import { useTranslation } from '../../hooks/useTranslation';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    marginBottom: tokens.spacingVerticalL,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
  },
  // The current page is marked by weight and an underline bar, not by colour alone.
  current: {
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
});

/** For managers: between their own plan and their team, as links (the back button works). */
export function PersonalNav({ route }: { route: PersonalRoute }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const onTeam = route.view !== 'own';
  return (
    <nav aria-label={t('tab.personal.navLabel')}>
      <ul className={styles.list}>
        <li>
          <Link
            href={OWN_PLAN_HREF}
            className={onTeam ? undefined : styles.current}
            {...(onTeam ? {} : { 'aria-current': 'page' as const })}
          >
            {t('tab.personal.navMyPlan')}
          </Link>
        </li>
        <li>
          <Link
            href={TEAM_HREF}
            className={onTeam ? styles.current : undefined}
            {...(route.view === 'team' ? { 'aria-current': 'page' as const } : {})}
          >
            {t('tab.personal.navMyTeam')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}

import { Body1, makeStyles, Title1, tokens } from '@fluentui/react-components';
import { listProfiles } from '../../../../core/profiles/profiles';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useTranslation } from '../../hooks/useTranslation';
import { EmptyState } from '../EmptyState/EmptyState';

const useStyles = makeStyles({
  title: { display: 'block', marginBottom: tokens.spacingVerticalS },
  profile: { display: 'block', marginBottom: tokens.spacingVerticalL },
});

/** The profile the configuration page chose, carried in the tab's contentUrl (?profile=). */
function chosenProfile() {
  const id = new URLSearchParams(window.location.search).get('profile');
  return listProfiles().find((profile) => profile.id === id);
}

/**
 * The channel tab "Teamets kompetensplan" (index.html#/team). The team plan itself comes in a
 * later release; until then the page says so, and shows nobody's personal data.
 */
export default function TeamPage() {
  const styles = useStyles();
  const { t, pick } = useTranslation();
  const profile = chosenProfile();
  useDocumentTitle(t('tab.team.documentTitle'));

  return (
    <main>
      <Title1 as="h1" className={styles.title}>
        {t('tab.team.title')}
      </Title1>
      {profile ? (
        <Body1 as="p" className={styles.profile}>
          {t('tab.team.profile', { profile: pick(profile.name) })}
        </Body1>
      ) : null}
      <EmptyState message={t('tab.team.empty')} hint={t('tab.team.emptyHint')} />
    </main>
  );
}

import {
  Body1,
  Body1Strong,
  Caption1,
  makeStyles,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from '../../hooks/useTranslation';
import { timeInWords } from '../../plan/planDates';
import type { PlanViewContext } from '../../plan/planViewContext';
import { EmptyState } from '../EmptyState/EmptyState';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL },
  title: { display: 'block', marginBottom: tokens.spacingVerticalS },
  intro: { display: 'block', marginBottom: tokens.spacingVerticalM },
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

/** The plan's saved versions, newest first: status, who saved it and when. */
export function VersionHistory({ context }: { context: PlanViewContext }) {
  const styles = useStyles();
  const { t, language } = useTranslation();
  const headingId = useId();
  const { page, timeZone } = context;

  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <Title3 as="h2" id={headingId} className={styles.title}>
        {t('tab.history.title')}
      </Title3>
      <Body1 as="p" className={styles.intro}>
        {t('tab.history.intro')}
      </Body1>
      {page.history.length === 0 ? (
        <EmptyState message={t('tab.history.empty')} />
      ) : (
        <ol className={styles.list}>
          {page.history.map((version, index) => (
            <li key={version.version} className={styles.item}>
              <Body1Strong>
                {t('tab.history.version', {
                  version: version.version,
                  status: t(`tab.plan.status.${version.status}`),
                })}
                {index === 0 ? ` (${t('tab.history.latest')})` : ''}
              </Body1Strong>
              <Caption1 className={styles.muted}>
                {t('tab.history.savedBy', {
                  name: version.savedByName,
                  time: timeInWords(version.savedAt, timeZone, language),
                })}
              </Caption1>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

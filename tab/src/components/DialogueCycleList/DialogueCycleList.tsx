import { Body1, Body1Strong, makeStyles, Title3, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { CycleEntry } from '../../../../bot/api/contract';
import { useTranslation } from '../../hooks/useTranslation';
import { timeInWords } from '../../plan/planDates';
import { dialogueTypeName, dialogueTypeOrder } from '../../plan/profileNames';
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
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** The year's dialogues in the profile's order: booked or not, held or not, and when. */
export function DialogueCycleList({ context }: { context: PlanViewContext }) {
  const styles = useStyles();
  const { t, language } = useTranslation();
  const headingId = useId();
  const { page, profile, timeZone } = context;
  const entries = [...page.cycle].sort(
    (a, b) =>
      dialogueTypeOrder(profile, a.dialogueTypeId) - dialogueTypeOrder(profile, b.dialogueTypeId),
  );

  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <Title3 as="h2" id={headingId} className={styles.title}>
        {t('tab.cycle.title', { year: page.year })}
      </Title3>
      {entries.length === 0 ? (
        <EmptyState message={t('tab.cycle.empty')} />
      ) : (
        <>
          <Body1 as="p" className={styles.intro}>
            {t('tab.cycle.intro')}
          </Body1>
          <ul className={styles.list}>
            {entries.map((entry: CycleEntry) => (
              <li key={entry.dialogueTypeId} className={styles.item}>
                <Body1Strong>
                  {dialogueTypeName(profile, entry.dialogueTypeId, language)}
                </Body1Strong>
                <Body1>{t(`tab.cycle.status.${entry.status}`)}</Body1>
                <Body1>
                  {entry.scheduledAt
                    ? t('tab.cycle.time', {
                        time: timeInWords(entry.scheduledAt, timeZone, language),
                      })
                    : t('tab.cycle.noTime')}
                </Body1>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

import { Badge, Body1, Caption1, makeStyles, Title3, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { NewReflection } from '../../../../bot/api/contract';
import { getPrinciple } from '../../../../core/principles/principles';
import { useTranslation } from '../../hooks/useTranslation';
import { dayInWords } from '../../plan/planDates';
import type { PlanViewContext } from '../../plan/planViewContext';
import { EmptyState } from '../EmptyState/EmptyState';
import { ReflectionForm } from '../ReflectionForm/ReflectionForm';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL },
  title: { display: 'block', marginBottom: tokens.spacingVerticalS },
  intro: { display: 'block', marginBottom: tokens.spacingVerticalM },
  list: {
    listStyleType: 'none',
    margin: 0,
    marginBottom: tokens.spacingVerticalL,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
  text: { whiteSpace: 'pre-wrap' },
  empty: { marginBottom: tokens.spacingVerticalL },
});

/**
 * The learning log: the employee's own reflections (private or shared, said in words) and a
 * form for a new one; the manager sees only the shared ones and no form.
 */
export function ReflectionsSection({
  context,
  onAdd,
}: {
  context: PlanViewContext;
  /** Given when the viewer may add reflections (their own page). */
  onAdd?: (reflection: NewReflection) => Promise<string | undefined>;
}) {
  const styles = useStyles();
  const { t, language, pick } = useTranslation();
  const headingId = useId();
  const { page, viewer, timeZone } = context;
  const name = page.employee.displayName;

  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <Title3 as="h2" id={headingId} className={styles.title}>
        {t('tab.reflections.title')}
      </Title3>
      <Body1 as="p" className={styles.intro}>
        {viewer === 'employee'
          ? t('tab.reflections.introOwn')
          : t('tab.reflections.introManager', { name })}
      </Body1>
      {page.reflections.length === 0 ? (
        <div className={styles.empty}>
          {viewer === 'employee' ? (
            <EmptyState
              message={t('tab.reflections.emptyOwn')}
              {...(onAdd ? { hint: t('tab.reflections.emptyOwnHint') } : {})}
            />
          ) : (
            <EmptyState message={t('tab.reflections.emptyManager', { name })} />
          )}
        </div>
      ) : (
        <ul className={styles.list} aria-label={t('tab.reflections.listLabel')}>
          {page.reflections.map((reflection) => (
            <li key={reflection.id} className={styles.item}>
              <div className={styles.meta}>
                <Caption1>
                  {t('tab.reflections.meta', {
                    principle: pick(getPrinciple(reflection.principle).name),
                    date: dayInWords(reflection.createdAt, timeZone, language),
                  })}
                </Caption1>
                <Badge
                  appearance="outline"
                  color={reflection.visibility === 'shared-with-manager' ? 'brand' : 'informative'}
                >
                  {reflection.visibility === 'shared-with-manager'
                    ? t('tab.reflections.shared')
                    : t('tab.reflections.private')}
                </Badge>
              </div>
              <Body1 as="p" className={styles.text}>
                {reflection.text}
              </Body1>
            </li>
          ))}
        </ul>
      )}
      {onAdd ? <ReflectionForm context={context} onSave={onAdd} /> : null}
    </section>
  );
}

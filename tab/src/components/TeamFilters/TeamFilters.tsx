import { Caption1, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from '../../hooks/useTranslation';
import { TEAM_FILTERS, type TeamFilter } from '../../plan/teamFilters';

const useStyles = makeStyles({
  fieldset: {
    margin: 0,
    marginBottom: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: {
    paddingInline: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  options: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  hint: { display: 'block', color: tokens.colorNeutralForeground2 },
});

/** The team list's filters as checkboxes in a labelled group: each one narrows the list. */
export function TeamFilters({
  chosen,
  onToggle,
}: {
  chosen: ReadonlySet<TeamFilter>;
  onToggle(filter: TeamFilter): void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <fieldset className={styles.fieldset} aria-describedby={hintId}>
      <legend className={styles.legend}>{t('tab.manager.filters')}</legend>
      <div className={styles.options}>
        {TEAM_FILTERS.map((filter) => (
          <Checkbox
            key={filter}
            label={t(`tab.manager.filter.${filter}`)}
            checked={chosen.has(filter)}
            onChange={() => onToggle(filter)}
          />
        ))}
      </div>
      <Caption1 id={hintId} className={styles.hint}>
        {t('tab.manager.filtersHint')}
      </Caption1>
    </fieldset>
  );
}

import { Body1, makeStyles, Subtitle2, Title3, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { PEDAGOGICAL_PRINCIPLES } from '../../../../core/principles/principles';
import { useTranslation } from '../../hooks/useTranslation';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderTop: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
  },
  intro: { display: 'block', marginBlock: tokens.spacingVerticalS },
});

/** The four pedagogical principles every plan and reflection builds on, from core. */
export function PrinciplesList() {
  const styles = useStyles();
  const { t, pick } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Title3 as="h2" id={headingId}>
        {t('tab.principles.title')}
      </Title3>
      <Body1 as="p" className={styles.intro}>
        {t('tab.principles.intro')}
      </Body1>
      <ul className={styles.list}>
        {PEDAGOGICAL_PRINCIPLES.map((principle) => (
          <li key={principle.id} className={styles.item}>
            <Subtitle2 as="h3">{pick(principle.name)}</Subtitle2>
            <Body1 as="p">{pick(principle.meaning)}</Body1>
          </li>
        ))}
      </ul>
    </section>
  );
}

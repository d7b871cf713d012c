import { Badge, Body1, Caption1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import type { MeResponse } from '../../../../bot/api/contract';
import { useTranslation } from '../../hooks/useTranslation';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalXL,
  },
  nameLine: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Who the plan belongs to: name, title, role and the organisation profile that applies. */
export function PersonHeader({ me }: { me: MeResponse }) {
  const styles = useStyles();
  const { t, pick } = useTranslation();
  const { person, profile } = me;
  return (
    <div className={styles.root}>
      <div className={styles.nameLine}>
        <Subtitle1 as="p">{person.displayName}</Subtitle1>
        {person.jobTitle ? (
          <Body1 as="span" className={styles.muted}>
            {person.jobTitle}
          </Body1>
        ) : null}
        {me.isManager ? (
          <Badge appearance="tint" color="brand">
            {t('tab.personal.manager', { count: me.directReportCount })}
          </Badge>
        ) : null}
      </div>
      <Body1 as="p">
        {profile
          ? t('tab.personal.profile', { profile: pick(profile.name) })
          : t('tab.personal.noProfile')}
      </Body1>
      {profile && profile.dialogueTypes.length > 0 ? (
        <Caption1 as="p" className={styles.muted}>
          {t('tab.personal.dialogueCycle', {
            dialogues: profile.dialogueTypes.map((d) => pick(d.name)).join(' · '),
          })}
        </Caption1>
      ) : null}
    </div>
  );
}

import { Body1, Body1Strong, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

/** Says plainly that something does not exist yet, and what brings it about. */
export function EmptyState({ message, hint }: { message: string; hint?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Body1Strong as="p">{message}</Body1Strong>
      {hint ? <Body1 as="p">{hint}</Body1> : null}
    </div>
  );
}

import { makeStyles, Spinner, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { paddingBlock: tokens.spacingVerticalXXL },
});

/** A labelled spinner; the label is what a screen reader announces. */
export function Loading({ label }: { label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="status">
      <Spinner label={label} labelPosition="below" />
    </div>
  );
}

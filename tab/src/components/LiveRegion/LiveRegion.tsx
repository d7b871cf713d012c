import { makeStyles } from '@fluentui/react-components';
import type { AnnouncedMessage } from '../../hooks/useAnnouncement';

const useStyles = makeStyles({
  // Read by screen readers, not shown: the result is shown where the change was made.
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/**
 * A polite live region for what a save answered ("Sparat: … är nu Klar"). It is in the page
 * from the start, so screen readers announce each new message; the same text
 * said again is announced again.
 */
export function LiveRegion({ message }: { message: AnnouncedMessage | undefined }) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={styles.hidden}>
      {message ? <span key={message.id}>{message.text}</span> : null}
    </div>
  );
}

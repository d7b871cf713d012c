import { useCallback, useState } from 'react';

export interface AnnouncedMessage {
  text: string;
  /** Counts up, so the same text said twice is a new message (and announced again). */
  id: number;
}

export interface Announcement {
  message: AnnouncedMessage | undefined;
  announce(text: string): void;
}

/** What a save answered, for the page's polite live region (see LiveRegion). */
export function useAnnouncement(): Announcement {
  const [message, setMessage] = useState<AnnouncedMessage>();
  const announce = useCallback(
    (text: string) => setMessage((previous) => ({ text, id: (previous?.id ?? 0) + 1 })),
    [],
  );
  return { message, announce };
}

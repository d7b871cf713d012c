import { useEffect } from 'react';

/** The browser tab's title (and what a screen reader announces on load) in the page's language. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}

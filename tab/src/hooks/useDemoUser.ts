import { useSyncExternalStore } from 'react';

/**
 * Local development only: the demo person the tab acts as, chosen in the demo-user switcher
 * and sent as X-Demo-User. Kept for the browser tab's session, so a reload keeps the choice.
 * The API ignores the header unless it runs with the demo organisation.
 */
const STORAGE_KEY = 'kompetensdialog.demoUser';
const listeners = new Set<() => void>();

function read(): string | undefined {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined; // storage blocked (private mode, sandboxed frame): no memory, still works
  }
}

let current = read();

export function setDemoUser(id: string): void {
  current = id;
  try {
    window.sessionStorage.setItem(STORAGE_KEY, id);
  } catch {
    // as in read(): the choice then lasts until the page is left
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The chosen demo person's id, or undefined for the API's default demo person. */
export function useDemoUser(): string | undefined {
  return useSyncExternalStore(subscribe, () => current);
}

import { useSyncExternalStore } from 'react';

/**
 * The pages of index.html: the channel tab's content at #/team, and the personal tab at
 * #/min-plan (the manifest's contentUrl) or any other hash.
 */
export type Route = 'personal' | 'team';

function routeOf(hash: string): Route {
  return hash.replace(/^#\/?/, '').split(/[/?]/)[0] === 'team' ? 'team' : 'personal';
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useHashRoute(): Route {
  return useSyncExternalStore(subscribe, () => routeOf(window.location.hash));
}

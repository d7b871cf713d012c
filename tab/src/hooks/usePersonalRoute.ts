import { useSyncExternalStore } from 'react';
import { personalRouteOf, type PersonalRoute } from '../plan/personalRoutes';

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

const currentHash = () => window.location.hash;

/** The personal tab's view (own plan, team list, an employee's plan), following the hash. */
export function usePersonalRoute(): PersonalRoute {
  // The hash string is the snapshot (stable between renders); the route is read from it.
  return personalRouteOf(useSyncExternalStore(subscribe, currentHash));
}

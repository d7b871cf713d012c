/**
 * The views of the personal tab (index.html#/min-plan…): the person's own plan, and for a
 * manager the team list (#/min-plan/mitt-team) and one employee's plan
 * (#/min-plan/mitt-team/{employeeId}). Hash links, so the browser's back button works.
 */
export type PersonalRoute =
  { view: 'own' } | { view: 'team' } | { view: 'employee'; employeeId: string };

export const OWN_PLAN_HREF = '#/min-plan';
export const TEAM_HREF = '#/min-plan/mitt-team';

export function employeePlanHref(employeeId: string): string {
  return `${TEAM_HREF}/${encodeURIComponent(employeeId)}`;
}

/** The view a location hash asks for; anything unknown is the person's own plan. */
export function personalRouteOf(hash: string): PersonalRoute {
  const [page, sub, id] = hash.replace(/^#\/?/, '').split('?')[0]?.split('/') ?? [];
  if (page !== 'min-plan' || sub !== 'mitt-team') return { view: 'own' };
  if (!id) return { view: 'team' };
  try {
    return { view: 'employee', employeeId: decodeURIComponent(id) };
  } catch {
    return { view: 'team' }; // a mangled id: the list, from which the right link is one click
  }
}

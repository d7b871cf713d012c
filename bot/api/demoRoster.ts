import demoOrganisation from '../demo/demoOrganisation.json';

/** Who a demo person is in the demo organisation, for the tab's demo-user switcher. */
export type DemoRole = 'manager' | 'employee';

export interface DemoRosterEntry {
  id: string;
  role: DemoRole;
}

/**
 * The demo organisation's people in a stable order: the manager, then the employees as the
 * data file lists them. Names and titles are looked up through the Directory port, so the
 * API shows what the directory knows, not a second copy.
 */
export const DEMO_ROSTER: readonly DemoRosterEntry[] = [
  { id: demoOrganisation.manager.id, role: 'manager' },
  ...demoOrganisation.employees.map((employee) => ({ id: employee.id, role: 'employee' as const })),
];

const firstEmployee = demoOrganisation.employees[0];
if (!firstEmployee) throw new Error('The demo organisation needs at least one employee');

/** Who a request without X-Demo-User is, in demo mode: the first demo employee. */
export const DEFAULT_DEMO_PERSON_ID: string = firstEmployee.id;

/**
 * The values of the Entra app roles each demo person holds, as the `roles` claim of their
 * token would carry them: the demo's HR strategist has the HR role.
 */
const DEMO_APP_ROLES: ReadonlyMap<string, readonly string[]> = new Map([
  [demoOrganisation.hr.id, demoOrganisation.hr.appRoles],
]);

export function demoAppRolesOf(personId: string): readonly string[] {
  return DEMO_APP_ROLES.get(personId) ?? [];
}

/** The demo person with the HR app role, for trying the organisation summary locally. */
export const DEMO_HR_PERSON_ID: string = demoOrganisation.hr.id;

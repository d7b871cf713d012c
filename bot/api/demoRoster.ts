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

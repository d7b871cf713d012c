import { useCallback, useState } from 'react';
import type { PersonalRoute } from '../../plan/personalRoutes';
import { toggleFilter, type TeamFilter } from '../../plan/teamFilters';
import { EmployeePlan } from '../EmployeePlan/EmployeePlan';
import { TeamList } from '../TeamList/TeamList';

/**
 * The manager's side of the personal tab, loaded only when opened: the team list with its
 * filters, and one employee's plan, read-only. The filters live here, so going back from an
 * employee's plan finds the list as it was left.
 */
export default function ManagerView({
  route,
  demoUserId,
}: {
  route: Exclude<PersonalRoute, { view: 'own' }>;
  demoUserId: string | undefined;
}) {
  const [filters, setFilters] = useState<ReadonlySet<TeamFilter>>(new Set());
  const onToggle = useCallback(
    (filter: TeamFilter) => setFilters((current) => toggleFilter(current, filter)),
    [],
  );

  return route.view === 'team' ? (
    <TeamList demoUserId={demoUserId} filters={filters} onToggle={onToggle} />
  ) : (
    <EmployeePlan
      // Another employee is a new page: nothing of the previous one is carried over.
      key={route.employeeId}
      employeeId={route.employeeId}
      demoUserId={demoUserId}
    />
  );
}

import type { Person } from '../ports/directory';

/**
 * Who may see an employee's plan, dialogues and shared preparation: the employee and their
 * own manager as the directory says today, nobody else. Checked on every read and every
 * click, with the ids from the turn, never from a card's data: a card can be replayed by
 * anyone who holds it.
 */
export function mayActAsManagerOf(actorId: string, employee: Person | undefined): boolean {
  return employee !== undefined && employee.managerId === actorId && employee.id !== actorId;
}

export function maySeePlanOf(actorId: string, employee: Person | undefined): boolean {
  return (
    employee !== undefined && (employee.id === actorId || mayActAsManagerOf(actorId, employee))
  );
}

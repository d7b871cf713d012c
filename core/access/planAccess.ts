import type { Person } from '../ports/directory';
import { isAllowed, personalActor } from './authorization';

/**
 * Who may see an employee's plan, dialogues and shared preparation: the employee and their
 * own manager as the directory says today, nobody else. Checked on every read and every
 * click, with the ids from the turn, never from a card's data: a card can be replayed by
 * anyone who holds it. Both are cells of the matrix in ./authorization.ts.
 */
export function mayActAsManagerOf(actorId: string, employee: Person | undefined): boolean {
  return isAllowed(personalActor(actorId, employee), 'write', 'dialogue');
}

export function maySeePlanOf(actorId: string, employee: Person | undefined): boolean {
  return isAllowed(personalActor(actorId, employee), 'read', 'plan');
}

/**
 * How someone reads an employee's plan page, from the matrix: the employee with everything
 * of theirs (private reflections and answers included), their manager with only what was
 * shared, anyone else not at all (undefined).
 */
export function planReaderOf(
  actorId: string,
  employee: Person | undefined,
): 'employee' | 'manager' | undefined {
  const actor = personalActor(actorId, employee);
  if (isAllowed(actor, 'read', 'reflections')) return 'employee';
  return isAllowed(actor, 'read', 'shared-answers') ? 'manager' : undefined;
}

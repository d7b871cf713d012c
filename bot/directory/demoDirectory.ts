import type { Directory, Person } from '../../core/ports/directory';
import demoOrganisation from '../demo/demoOrganisation.json';

/**
 * The demo organisation for local development: one unit, a manager and five employees.
 * The Agents Playground configs use the same ids, so the playground chats as these people.
 */
export class DemoDirectory implements Directory {
  private readonly people: ReadonlyMap<string, Person>;

  constructor() {
    const { unit, manager, employees } = demoOrganisation;
    const base = { profileId: unit.profileId, unitId: unit.id };
    const all: Person[] = [
      { ...manager, ...base },
      ...employees.map((employee) => ({ ...employee, ...base, managerId: manager.id })),
    ];
    this.people = new Map(all.map((person) => [person.id, person]));
  }

  async findPerson(id: string): Promise<Person | undefined> {
    return this.people.get(id);
  }

  async managerOf(id: string): Promise<Person | undefined> {
    const managerId = this.people.get(id)?.managerId;
    return managerId ? this.people.get(managerId) : undefined;
  }

  async directReportsOf(managerId: string): Promise<Person[]> {
    return [...this.people.values()].filter((person) => person.managerId === managerId);
  }
}

/** Outside development there is no directory until Graph is configured: nobody is known. */
export class EmptyDirectory implements Directory {
  async findPerson(): Promise<Person | undefined> {
    return undefined;
  }
  async managerOf(): Promise<Person | undefined> {
    return undefined;
  }
  async directReportsOf(): Promise<Person[]> {
    return [];
  }
}

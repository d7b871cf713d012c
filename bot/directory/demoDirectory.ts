import type { Directory, Person } from '../../core/ports/directory';
import demoOrganisation from '../demo/demoOrganisation.json';

/**
 * The demo organisation for local development: one unit, a manager and five employees, and
 * an HR strategist in a unit of her own who holds the HR app role (bot/api/demoRoster.ts),
 * so the organisation summary can be tried locally. The Agents Playground configs use the
 * same ids, so the playground chats as these people.
 */
export class DemoDirectory implements Directory {
  private readonly people: ReadonlyMap<string, Person>;

  constructor() {
    const { unit, manager, employees, hr } = demoOrganisation;
    const base = { profileId: unit.profileId, unitId: unit.id };
    const all: Person[] = [
      { ...manager, ...base },
      ...employees.map((employee) => ({ ...employee, ...base, managerId: manager.id })),
      // Her app role is the token's business (bot/api/demoRoster.ts), not the directory's.
      {
        id: hr.id,
        displayName: hr.displayName,
        email: hr.email,
        jobTitle: hr.jobTitle,
        profileId: unit.profileId,
        unitId: hr.unitId,
      },
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

  async listPeople(): Promise<Person[]> {
    return [...this.people.values()];
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
  async listPeople(): Promise<Person[]> {
    return [];
  }
}

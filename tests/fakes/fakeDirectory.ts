import type { Directory, Person } from '../../core/ports/directory';

/**
 * An organisation directory held in memory, as Graph answers it: people by id, each with
 * their manager's id. Tests add teams and move people between managers while the service
 * runs, so a test can see that every turn asks the directory afresh.
 */
export class FakeDirectory implements Directory {
  private readonly people = new Map<string, Person>();

  constructor(people: readonly Person[] = []) {
    this.add(...people);
  }

  add(...people: readonly Person[]): this {
    for (const person of people) this.people.set(person.id, { ...person });
    return this;
  }

  /** The employee reports to `managerId` from now on (or to nobody). */
  moveTo(employeeId: string, managerId: string | undefined): void {
    const person = this.people.get(employeeId);
    if (!person) throw new Error(`No person ${employeeId} in the fake directory`);
    const moved: Person = { ...person };
    if (managerId) moved.managerId = managerId;
    else delete moved.managerId;
    this.people.set(employeeId, moved);
  }

  async findPerson(id: string): Promise<Person | undefined> {
    const person = this.people.get(id);
    return person && { ...person };
  }

  async managerOf(id: string): Promise<Person | undefined> {
    const managerId = this.people.get(id)?.managerId;
    return managerId ? this.findPerson(managerId) : undefined;
  }

  async directReportsOf(managerId: string): Promise<Person[]> {
    return [...this.people.values()]
      .filter((person) => person.managerId === managerId)
      .map((person) => ({ ...person }));
  }

  async listPeople(): Promise<Person[]> {
    return [...this.people.values()].map((person) => ({ ...person }));
  }
}

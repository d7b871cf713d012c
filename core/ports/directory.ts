/** A person as the organisation's directory knows them (Entra ID in production). */
export interface Person {
  /** The Entra object id (aadObjectId in Teams activities). */
  id: string;
  displayName: string;
  email?: string;
  jobTitle?: string;
  /** The organisation profile the person's employer uses, e.g. "vgr". */
  profileId: string;
  unitId?: string;
  managerId?: string;
}

/** Who is who, and who is whose manager. Graph users/manager/directReports in production. */
export interface Directory {
  findPerson(id: string): Promise<Person | undefined>;
  managerOf(id: string): Promise<Person | undefined>;
  directReportsOf(managerId: string): Promise<Person[]>;
  /**
   * Everyone in the organisation (Graph `users`): read only for organisation-wide counts,
   * which HR sees per unit and never by name.
   */
  listPeople(): Promise<Person[]>;
}

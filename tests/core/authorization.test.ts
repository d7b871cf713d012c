import fc from 'fast-check';
import {
  ACTIONS,
  authorize,
  MIN_GROUP_SIZE,
  personalRelations,
  RESOURCES,
  suppressSmallGroups,
  unitRelations,
  type Action,
  type Actor,
  type Resource,
} from '../../core/access/authorization';
import type { Person } from '../../core/ports/directory';

/*
 * The authorization matrix, cell by cell: every role against every resource and action. The
 * expected cells are written out by hand below, not derived from the module, so a change of
 * the matrix has to change this table too.
 */

const ROLES = {
  employee: { id: 'anna', roles: [], relations: ['owner'] },
  manager: { id: 'maria', roles: [], relations: ['manager'] },
  colleague: { id: 'bo', roles: [], relations: [] },
  'channel member': { id: 'erik', roles: [], relations: ['unit-member'] },
  'unit manager': { id: 'karin', roles: [], relations: ['unit-manager'] },
  hr: { id: 'helena', roles: ['hr'], relations: [] },
} as const satisfies Record<string, Actor>;
type Role = keyof typeof ROLES;

/**
 * Every allowed cell, `role action resource`; a trailing `(suppressed)` means counts of
 * groups under the minimum size are withheld from that reader. Every other cell is denied.
 */
const ALLOWED = new Set([
  'employee read plan',
  'employee write plan',
  'employee read dialogue',
  'employee read preparation',
  'employee write preparation',
  'employee read shared-answers',
  'employee read reflections',
  'employee write reflections',
  'employee export personal-data',
  'employee erase personal-data',
  'employee read audit-log',
  'manager read plan',
  'manager write plan',
  'manager read dialogue',
  'manager write dialogue',
  'manager read shared-answers',
  'channel member read team-plan',
  'channel member read team-aggregates (suppressed)',
  'unit manager read team-plan',
  'unit manager write team-plan',
  'unit manager read team-aggregates',
  'hr read organisation-aggregates (suppressed)',
]);

const cells = (Object.keys(ROLES) as Role[]).flatMap((role) =>
  RESOURCES.flatMap((resource) => ACTIONS.map((action) => ({ role, action, resource }))),
);

describe('the authorization matrix', () => {
  it('when the table is read, then it covers 6 roles × 10 resources × 4 actions', () => {
    expect(cells).toHaveLength(6 * 10 * 4);
    // Every allowed cell of the table names a real role, action and resource.
    const named = new Set(
      cells.flatMap(({ role, action, resource }) => [
        `${role} ${action} ${resource}`,
        `${role} ${action} ${resource} (suppressed)`,
      ]),
    );
    for (const cell of ALLOWED) expect(named).toContain(cell);
  });

  it.each(cells)('when the $role asks to $action $resource', ({ role, action, resource }) => {
    const decision = authorize(ROLES[role], action, resource);
    const cell = `${role} ${action} ${resource}`;
    if (ALLOWED.has(cell)) {
      expect(decision).toEqual({ allowed: true, suppressSmallGroups: false });
    } else if (ALLOWED.has(`${cell} (suppressed)`)) {
      expect(decision).toEqual({ allowed: true, suppressSmallGroups: true });
    } else {
      expect(decision).toMatchObject({ allowed: false, reason: expect.any(String) });
    }
  });
});

describe('why something is denied', () => {
  it.each<{ role: Role; action: Action; resource: Resource; reason: string }>([
    { role: 'manager', action: 'read', resource: 'reflections', reason: 'owner-only' },
    { role: 'manager', action: 'read', resource: 'preparation', reason: 'owner-only' },
    { role: 'manager', action: 'export', resource: 'personal-data', reason: 'owner-only' },
    { role: 'manager', action: 'read', resource: 'audit-log', reason: 'owner-only' },
    { role: 'colleague', action: 'read', resource: 'plan', reason: 'not-owner-or-manager' },
    { role: 'hr', action: 'read', resource: 'plan', reason: 'not-owner-or-manager' },
    { role: 'hr', action: 'read', resource: 'team-aggregates', reason: 'not-in-unit' },
    { role: 'employee', action: 'write', resource: 'dialogue', reason: 'not-the-manager' },
    {
      role: 'channel member',
      action: 'write',
      resource: 'team-plan',
      reason: 'not-the-unit-manager',
    },
    {
      role: 'unit manager',
      action: 'read',
      resource: 'organisation-aggregates',
      reason: 'needs-hr-role',
    },
    { role: 'employee', action: 'erase', resource: 'plan', reason: 'unsupported' },
    { role: 'hr', action: 'write', resource: 'organisation-aggregates', reason: 'unsupported' },
  ])('when the $role asks to $action $resource, then the reason is $reason', (cell) => {
    expect(authorize(ROLES[cell.role], cell.action, cell.resource)).toEqual({
      allowed: false,
      reason: cell.reason,
    });
  });

  it('when someone is both the owner and listed as their own manager, then they still cannot book their own dialogues', () => {
    const actor: Actor = { id: 'anna', roles: [], relations: ['owner', 'manager'] };
    expect(authorize(actor, 'write', 'dialogue')).toEqual({
      allowed: false,
      reason: 'not-the-manager',
    });
  });
});

describe('combinations the matrix does not name', () => {
  const anyActor = fc.record({
    id: fc.string(),
    roles: fc.subarray(['hr'] as const),
    relations: fc.subarray(['owner', 'manager', 'unit-manager', 'unit-member'] as const),
  });

  it('when the action or the resource is not one the matrix knows, then it is denied whoever asks', () => {
    fc.assert(
      fc.property(
        anyActor,
        fc.oneof(fc.constantFrom(...ACTIONS), fc.string()),
        fc.oneof(
          fc.constantFrom(...RESOURCES),
          fc.string(),
          fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'),
        ),
        (actor, action, resource) => {
          fc.pre(
            !(ACTIONS as readonly string[]).includes(action) ||
              !(RESOURCES as readonly string[]).includes(resource),
          );
          const decision = authorize(actor, action as Action, resource as Resource);
          expect(decision).toEqual({ allowed: false, reason: 'unsupported' });
        },
      ),
      { seed: 8, numRuns: 500 },
    );
  });

  it('when an actor has no relation and no role, then every cell is denied', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom(...ACTIONS),
        fc.constantFrom(...RESOURCES),
        (id, action, resource) => {
          expect(authorize({ id, roles: [], relations: [] }, action, resource).allowed).toBe(false);
        },
      ),
      { seed: 8, numRuns: 200 },
    );
  });
});

describe('the relations the caller looks up', () => {
  const person = (id: string, managerId?: string, unitId?: string): Person => ({
    id,
    displayName: id,
    profileId: 'vgr',
    ...(managerId ? { managerId } : {}),
    ...(unitId ? { unitId } : {}),
  });

  it.each<{ about: string; actorId: string; owner: Person | undefined; relations: string[] }>([
    { about: 'oneself', actorId: 'anna', owner: person('anna', 'maria'), relations: ['owner'] },
    {
      about: 'a direct report',
      actorId: 'maria',
      owner: person('anna', 'maria'),
      relations: ['manager'],
    },
    { about: 'a report’s report', actorId: 'karin', owner: person('anna', 'maria'), relations: [] },
    {
      about: 'oneself listed as own manager',
      actorId: 'anna',
      owner: person('anna', 'anna'),
      relations: ['owner'],
    },
    { about: 'someone unknown', actorId: 'maria', owner: undefined, relations: [] },
    { about: 'with an empty id', actorId: '', owner: person(''), relations: [] },
  ])('when the actor looks at $about, then the relations are $relations', (row) => {
    expect(personalRelations(row.actorId, row.owner)).toEqual(row.relations);
  });

  it.each([
    { about: 'the unit she manages', unitId: 'u1', managesTeam: true, relations: ['unit-manager'] },
    {
      about: 'the unit he is placed in',
      unitId: 'u1',
      managesTeam: false,
      relations: ['unit-member'],
    },
    { about: 'another unit', unitId: 'u2', managesTeam: true, relations: [] },
  ])('when the actor looks at $about, then the relations are $relations', (row) => {
    expect(unitRelations({ unitId: 'u1' }, row.unitId, row.managesTeam)).toEqual(row.relations);
  });

  it('when the actor is placed in no unit, then no unit is theirs', () => {
    expect(unitRelations({}, 'u1', true)).toEqual([]);
  });
});

describe('the minimum group size', () => {
  it.each([
    { size: 0, suppressed: false },
    { size: 1, suppressed: true },
    { size: MIN_GROUP_SIZE - 1, suppressed: true },
    { size: MIN_GROUP_SIZE, suppressed: false },
    { size: 300, suppressed: false },
  ])('when a group has $size people, then its counts are withheld: $suppressed', (row) => {
    const counts = { withPlan: 1 };
    expect(suppressSmallGroups(row.size, counts)).toEqual(
      row.suppressed ? { suppressed: true, counts: null } : { suppressed: false, counts },
    );
  });

  it('when the reader may see small groups, then the counts of a small group stay', () => {
    expect(suppressSmallGroups(2, { withPlan: 1 }, false)).toEqual({
      suppressed: false,
      counts: { withPlan: 1 },
    });
  });

  it('when the minimum is asked for, then it is 5 people', () => {
    expect(MIN_GROUP_SIZE).toBe(5);
  });
});

import type { Person } from '../ports/directory';

/**
 * The authorization matrix of Kompetensdialog, in one place: who may do what to whose data.
 * Pure: the caller supplies who the actor is (id and app roles from the validated token) and
 * how they relate to the resource (as the directory says today); this module decides. Every
 * route and every card handler asks here, so one table answers a data-protection officer's
 * question "who can see a private reflection?" – and tests/core/authorization.test.ts checks
 * every cell of it.
 */

/** Fewer people than this are never counted in an aggregate: nobody may be singled out. */
export const MIN_GROUP_SIZE = 5;

/** Roles the organisation grants in Entra (app roles of the token), as the domain names them. */
export const APP_ROLES = ['hr'] as const;
export type AppRole = (typeof APP_ROLES)[number];

/**
 * How the actor stands to the resource, as facts the caller looked up:
 * - `owner`: the person the personal data is about;
 * - `manager`: the owner's manager as the directory says today (never oneself);
 * - `unit-manager`: the manager of the unit (has direct reports and is placed in it);
 * - `unit-member`: placed in the unit, as a channel member of the team is.
 */
export type Relation = 'owner' | 'manager' | 'unit-manager' | 'unit-member';

export interface Actor {
  id: string;
  roles: readonly AppRole[];
  relations: readonly Relation[];
}

/** What the app keeps, by kind. Personal resources are about one person; the rest are not. */
export const RESOURCES = [
  'plan',
  'dialogue',
  'preparation',
  'shared-answers',
  'reflections',
  'team-plan',
  'team-aggregates',
  'organisation-aggregates',
  'personal-data',
  'audit-log',
] as const;
export type Resource = (typeof RESOURCES)[number];

export const ACTIONS = ['read', 'write', 'export', 'erase'] as const;
export type Action = (typeof ACTIONS)[number];

export type DenyReason =
  /** No such action on this kind of resource (e.g. erasing a team plan). */
  | 'unsupported'
  /** Only the person the data is about (private reflections, unshared answers, export). */
  | 'owner-only'
  /** Neither the person nor their manager today. */
  | 'not-owner-or-manager'
  /** Only the manager (writing a plan proposal, booking a dialogue). */
  | 'not-the-manager'
  /** Not placed in the unit, nor its manager. */
  | 'not-in-unit'
  /** Only the unit's manager changes the team plan. */
  | 'not-the-unit-manager'
  /** Organisation-wide figures need the HR app role. */
  | 'needs-hr-role';

export type Decision =
  | {
      allowed: true;
      /** Counts for groups under MIN_GROUP_SIZE must be withheld from this reader. */
      suppressSmallGroups: boolean;
    }
  | { allowed: false; reason: DenyReason };

const allow = (suppressSmallGroups = false): Decision => ({ allowed: true, suppressSmallGroups });
const deny = (reason: DenyReason): Decision => ({ allowed: false, reason });

type Rule = (actor: Actor) => Decision;

const has = (actor: Actor, relation: Relation) => actor.relations.includes(relation);

const ownerOnly: Rule = (actor) => (has(actor, 'owner') ? allow() : deny('owner-only'));

const ownerOrManager: Rule = (actor) =>
  has(actor, 'owner') || has(actor, 'manager') ? allow() : deny('not-owner-or-manager');

const managerOnly: Rule = (actor) =>
  has(actor, 'manager') && !has(actor, 'owner') ? allow() : deny('not-the-manager');

/**
 * The matrix. A cell that is missing denies ('unsupported'): a new resource or action is
 * closed until someone writes its rule here.
 */
const MATRIX: { readonly [R in Resource]: Partial<Record<Action, Rule>> } = {
  // The individual plan: the employee and their manager read it; both change it, each in the
  // ways the plan's lifecycle gives them (the manager proposes, the employee answers).
  plan: { read: ownerOrManager, write: ownerOrManager },
  // Dialogues of the cycle: both see them; the manager books, moves, cancels, marks held.
  dialogue: { read: ownerOrManager, write: managerOnly },
  // The preparation as written, private answers included, is the employee's alone.
  preparation: { read: ownerOnly, write: ownerOnly },
  // What the employee chose to share: reflections, preparation answers, follow-up answers.
  'shared-answers': { read: ownerOrManager },
  // The learning log as a whole, private reflections included: never the manager.
  reflections: { read: ownerOnly, write: ownerOnly },
  'team-plan': {
    read: (actor) =>
      has(actor, 'unit-manager') || has(actor, 'unit-member') ? allow() : deny('not-in-unit'),
    write: (actor) => (has(actor, 'unit-manager') ? allow() : deny('not-the-unit-manager')),
  },
  // The manager sees her own team by name anyway; a member sees counts of colleagues, so a
  // small team's counts would single people out.
  'team-aggregates': {
    read: (actor) => {
      if (has(actor, 'unit-manager')) return allow();
      return has(actor, 'unit-member') ? allow(true) : deny('not-in-unit');
    },
  },
  'organisation-aggregates': {
    read: (actor) => (actor.roles.includes('hr') ? allow(true) : deny('needs-hr-role')),
  },
  'personal-data': { export: ownerOnly, erase: ownerOnly },
  // Who read or changed someone's data is shown to the person concerned.
  'audit-log': { read: ownerOnly },
};

/**
 * May `actor` do `action` to `resource`? Anything the matrix does not name is denied, also
 * values that are not in the types (a string from outside that slipped through).
 */
export function authorize(actor: Actor, action: Action, resource: Resource): Decision {
  const rules: Partial<Record<string, Rule>> | undefined = Object.hasOwn(MATRIX, resource)
    ? MATRIX[resource]
    : undefined;
  const rule = rules && Object.hasOwn(rules, action) ? rules[action] : undefined;
  return rule ? rule(actor) : deny('unsupported');
}

/** Whether the decision allows; for call sites that only branch on it. */
export function isAllowed(actor: Actor, action: Action, resource: Resource): boolean {
  return authorize(actor, action, resource).allowed;
}

/**
 * How the actor stands to the person `owner` (personal resources), from the directory as it
 * is now: the person themselves, or their manager – never one's own manager, also when the
 * directory lists someone as their own. An unknown owner has no relations.
 */
export function personalRelations(actorId: string, owner: Person | undefined): Relation[] {
  if (owner === undefined || actorId === '') return [];
  if (owner.id === actorId) return ['owner'];
  return owner.managerId === actorId ? ['manager'] : [];
}

/** An actor facing one person's data, with no app roles (the chat knows none). */
export function personalActor(
  actorId: string,
  owner: Person | undefined,
  roles: readonly AppRole[] = [],
): Actor {
  return { id: actorId, roles, relations: personalRelations(actorId, owner) };
}

/**
 * How the actor stands to a unit: its manager (has direct reports and is placed in it) or a
 * member (placed in it). The caller says whether the actor manages a team.
 */
export function unitRelations(
  actor: Pick<Person, 'unitId'>,
  unitId: string,
  managesTeam: boolean,
): Relation[] {
  if (actor.unitId !== unitId) return [];
  return managesTeam ? ['unit-manager'] : ['unit-member'];
}

/** Counts shown for a group, or withheld (null) when it is smaller than MIN_GROUP_SIZE. */
export type GroupCounts<T> = { suppressed: false; counts: T } | { suppressed: true; counts: null };

/**
 * Withholds counts about a group of fewer than MIN_GROUP_SIZE people, for readers the matrix
 * says must not see small groups; an empty group has nothing to single out and stays.
 */
export function suppressSmallGroups<T>(
  groupSize: number,
  counts: T,
  suppress = true,
): GroupCounts<T> {
  return suppress && groupSize > 0 && groupSize < MIN_GROUP_SIZE
    ? { suppressed: true, counts: null }
    : { suppressed: false, counts };
}

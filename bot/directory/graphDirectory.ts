import type { Directory, Person } from '../../core/ports/directory';
import {
  GraphRequestError,
  type BatchRequest,
  type BatchResponse,
  type GraphRequests,
} from '../graph/graphRequests';

/**
 * The organisation as Microsoft Entra ID knows it, read through Microsoft Graph
 * (application permission User.Read.All):
 *
 * - a person is `users/{id}` and their manager's id comes from `users/{id}/manager`; both in
 *   one `$batch`, so looking up one person is one request on the wire;
 * - `unitId` is the user's `department`. Entra has no unit id of its own, and the department
 *   text is what HR systems keep in step with the organisation; an id from an extension
 *   attribute can replace it without changing the port;
 * - `profileId` is the configured default, or the value of `profileAttribute` (e.g. a
 *   directory extension `extension_<appId>_kompetensdialogProfile`) when it names a known
 *   profile, for a tenant where several employers share one directory;
 * - direct reports are paged through `@odata.nextLink`; contacts among them are left out,
 *   they cannot sign in.
 *
 * Answers are kept for a short time (60 s by default) so a busy team view does not ask
 * Graph again for every card, while a change of manager in Entra reaches the app's access
 * rules within that time. Nothing is served from the cache past its time, also not while
 * Graph is down: a stale manager could read a plan they no longer may.
 */

export interface GraphDirectoryOptions {
  defaultProfileId: string;
  /** Profile ids a person's `profileAttribute` may name; others fall back to the default. */
  knownProfileIds?: readonly string[];
  profileAttribute?: string;
  cacheTtlMs?: number;
  /** Entries kept at most; the oldest go first. */
  cacheSize?: number;
  /** Direct reports a page ($top); Graph allows up to 999. */
  pageSize?: number;
  now?: () => number;
}

interface GraphUser {
  id: string;
  displayName: string | null;
  mail: string | null;
  jobTitle: string | null;
  department: string | null;
  '@odata.type'?: string;
  [attribute: string]: unknown;
}

const USER_PROPERTIES = ['id', 'displayName', 'mail', 'jobTitle', 'department'];
/** People asked for in one $batch: two requests each, within Graph's 20. */
const PEOPLE_PER_BATCH = 10;

export class GraphDirectory implements Directory {
  private readonly people: TtlCache<Person | null>;
  private readonly reports: TtlCache<readonly string[]>;
  private readonly inFlight = new Map<string, Promise<Person | undefined>>();
  private readonly select: readonly string[];
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly graph: GraphRequests,
    private readonly options: GraphDirectoryOptions,
  ) {
    this.ttlMs = options.cacheTtlMs ?? 60_000;
    this.now = options.now ?? (() => Date.now());
    const size = options.cacheSize ?? 5_000;
    this.people = new TtlCache(size);
    this.reports = new TtlCache(Math.max(1, Math.ceil(size / 10)));
    this.select = options.profileAttribute
      ? [...USER_PROPERTIES, options.profileAttribute]
      : USER_PROPERTIES;
  }

  async findPerson(id: string): Promise<Person | undefined> {
    const cached = this.people.get(id, this.now());
    if (cached !== undefined) return cached ?? undefined;
    const running = this.inFlight.get(id);
    if (running) return running;
    const lookup = this.findPeople([id])
      .then((found) => found.get(id))
      .finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, lookup);
    return lookup;
  }

  /** Several people at once: the ones not cached in batches of ten (⌈misses/10⌉ requests). */
  async findPeople(ids: readonly string[]): Promise<Map<string, Person>> {
    const found = new Map<string, Person>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const cached = this.people.get(id, this.now());
      if (cached === undefined) missing.push(id);
      else if (cached) found.set(id, cached);
    }
    for (let start = 0; start < missing.length; start += PEOPLE_PER_BATCH) {
      const chunk = missing.slice(start, start + PEOPLE_PER_BATCH);
      const answers = await this.graph.batch(chunk.flatMap((id) => this.personRequests(id)));
      for (const id of chunk) {
        const person = this.personFrom(id, answers);
        this.people.set(id, person, this.now() + this.ttlMs);
        if (person) found.set(id, person);
      }
    }
    return found;
  }

  async managerOf(id: string): Promise<Person | undefined> {
    const managerId = (await this.findPerson(id))?.managerId;
    return managerId ? this.findPerson(managerId) : undefined;
  }

  async directReportsOf(managerId: string): Promise<Person[]> {
    const now = this.now();
    const cachedIds = this.reports.get(managerId, now);
    if (cachedIds) {
      const people = cachedIds.map((id) => this.people.get(id, now));
      if (people.every((person) => person)) return people as Person[];
    }
    const users = await this.graph
      .getAllPages<GraphUser>(`/users/${encodeURIComponent(managerId)}/directReports`, {
        select: this.select,
        top: this.options.pageSize ?? 100,
      })
      .catch((error: unknown) => {
        if (isNotFound(error)) return [];
        throw error;
      });
    const expires = this.now() + this.ttlMs;
    const reports = users
      .filter(
        (user) => (user['@odata.type'] ?? '#microsoft.graph.user') === '#microsoft.graph.user',
      )
      .map((user) => this.toPerson(user, managerId));
    for (const person of reports) this.people.set(person.id, person, expires);
    this.reports.set(
      managerId,
      reports.map((person) => person.id),
      expires,
    );
    return reports;
  }

  /**
   * Everyone who can sign in: the tenant's enabled member accounts (guests left out), paged
   * 999 at a time. Their managers are not read: the organisation's figures count people per
   * unit (department), and asking for 55,000 managers would cost 55,000 requests. Not cached,
   * and nothing is put in the cache: HR asks seldom and must see the directory as it is.
   */
  async listPeople(): Promise<Person[]> {
    const users = await this.graph.getAllPages<GraphUser>('/users', {
      select: this.select,
      top: 999,
      filter: "accountEnabled eq true and userType eq 'Member'",
    });
    return users.map((user) => this.toPerson(user, undefined));
  }

  private personRequests(id: string): BatchRequest[] {
    const user = `/users/${encodeURIComponent(id)}`;
    return [
      { id: `${id}:user`, method: 'GET', url: `${user}?$select=${this.select.join(',')}` },
      { id: `${id}:manager`, method: 'GET', url: `${user}/manager?$select=id` },
    ];
  }

  private personFrom(id: string, answers: Map<string, BatchResponse>): Person | null {
    const user = expectAnswer(answers.get(`${id}:user`));
    if (!user) return null;
    const manager = expectAnswer(answers.get(`${id}:manager`));
    return this.toPerson(user as GraphUser, (manager as { id?: string } | undefined)?.id);
  }

  private toPerson(user: GraphUser, managerId: string | undefined): Person {
    const person: Person = {
      id: user.id,
      displayName: user.displayName ?? user.id,
      profileId: this.profileOf(user),
    };
    if (user.mail) person.email = user.mail;
    if (user.jobTitle) person.jobTitle = user.jobTitle;
    if (user.department) person.unitId = user.department;
    if (managerId) person.managerId = managerId;
    return person;
  }

  private profileOf(user: GraphUser): string {
    const attribute = this.options.profileAttribute;
    const value = attribute ? user[attribute] : undefined;
    return typeof value === 'string' && this.options.knownProfileIds?.includes(value)
      ? value
      : this.options.defaultProfileId;
  }
}

/** A batched answer's body; undefined for Graph's 404; anything else is an error. */
function expectAnswer(answer: BatchResponse | undefined): unknown {
  if (!answer) throw new GraphRequestError(502, 'BatchResponseIncomplete', 'Answer missing');
  if (answer.status === 200) return answer.body;
  const error = (answer.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  if (answer.status === 404) return undefined;
  throw new GraphRequestError(
    answer.status,
    error?.code ?? 'Unknown',
    error?.message ?? `Graph answered ${answer.status}`,
  );
}

function isNotFound(error: unknown): boolean {
  return error instanceof GraphRequestError && error.status === 404;
}

/**
 * A map whose entries expire, bounded in size: when full, the entry stored longest ago goes.
 * Undefined for a miss; what was stored (null included) for a hit.
 */
class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(private readonly maxEntries: number) {}

  get(key: string, now: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V, expiresAt: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

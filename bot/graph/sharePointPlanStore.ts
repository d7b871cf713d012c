import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  DialoguePreparationSchema,
  DialogueSchema,
  type Dialogue,
  type DialoguePreparation,
} from '../../core/plan/dialogue';
import { EffectFollowUpSchema, type EffectFollowUp } from '../../core/plan/effectFollowUp';
import { IndividualPlanSchema, type IndividualPlan } from '../../core/plan/individualPlan';
import { ReflectionSchema, type Reflection } from '../../core/plan/reflection';
import { TeamPlanSchema, type TeamPlan } from '../../core/plan/teamPlan';
import {
  NOTHING_ERASED_FROM_PLANS,
  planFateOnErasure,
  type AgreedPlanOnErasure,
  type ErasedPlanRecords,
} from '../../core/privacy/erasure';
import type { RetentionCutoff } from '../../core/privacy/retention';
import type {
  ExpiredRecords,
  PlanStore,
  Revision,
  SaveOptions,
  TeamRecords,
  VersionedPreparation,
} from '../../core/ports/planStore';
import {
  PlanStoreUnavailableError,
  StoredDocumentError,
  VersionConflictError,
  type VersionedDocumentKind,
} from '../../core/ports/storeErrors';
import { parseStored } from '../storage/versionedDocuments';
import { GraphRequestError, type GraphRequests } from './graphRequests';
import { GraphUnavailableError } from './resilience';
import { GraphTokenError } from './tokenProvider';
import {
  NOTE_LIMIT,
  SINGLE_LINE_LIMIT,
  type ListName,
  type SharePointSite,
} from './sharePointLists';

/**
 * The plan store on SharePoint lists through Microsoft Graph, so plans stay in the customer's
 * own Microsoft 365 tenant. The same contract as the SQL store, kept with SharePoint's tools:
 *
 * - A document is one list item; its JSON is in `Document`. The columns repeated from it are
 *   what the app reads by, each indexed, plus a few (manager, year, status) for a person
 *   browsing the list (see sharePointLists.ts).
 * - Versions: the item's `Version` column is the app's version; every write sends If-Match
 *   with the ETag it read, so of two writers exactly one gets through and the other gets a
 *   412, which becomes VersionConflictError as on the SQL store. No lost update.
 * - Uniqueness (one plan per employee and year) is SharePoint's own: `NaturalKey` and
 *   `DocumentKey` enforce unique values, so a second create is refused with 409.
 * - Writes can be sent twice safely (a create is refused by the unique key, an update by its
 *   If-Match), so after a dropped connection the app re-sends and then reads back: finding its
 *   own WriteId on the item means the first attempt landed.
 * - Reads for a team go in $batch, one request per person for all their records.
 */

const DOCUMENT_FIELDS = [
  'Kind',
  'DocumentKey',
  'NaturalKey',
  'Version',
  'SavedBy',
  'SavedAt',
  'WriteId',
  'Document',
  'AgreedDocument',
];
const REVISION_FIELDS = ['DocumentKey', 'Version', 'SavedBy', 'SavedAt', 'Document'];
const REFLECTION_FIELDS = ['ReflectionId', 'Visibility', 'CreatedAt', 'Document'];
/** One person's records fit one page: a few plans, dialogues and answers a year. */
const DEFAULT_PAGE_SIZE = 500;
/** A hand edit of another column between read and write changes the ETag: try again. */
const STALE_ETAG_RETRIES = 3;

interface ListItem {
  id: string;
  eTag: string;
  fields: Record<string, unknown>;
}

type DocumentKind = VersionedDocumentKind | 'dialogue' | 'effect-follow-up';

interface VersionedSpec<T> {
  kind: VersionedDocumentKind;
  schema: z.ZodType<T>;
  idOf(document: T): string;
  naturalKey(document: T): string;
  columns(document: T): Record<string, string | number | null>;
  atVersion(document: T, version: number): T;
}

const documentKey = (kind: DocumentKind, id: string) => `${kind}:${id}`;

const INDIVIDUAL_PLANS: VersionedSpec<IndividualPlan> = {
  kind: 'individual-plan',
  schema: IndividualPlanSchema,
  idOf: (plan) => plan.id,
  naturalKey: (plan) => `individual-plan:${plan.employeeId}:${plan.year}`,
  columns: (plan) => ({
    EmployeeId: plan.employeeId,
    ManagerId: plan.managerId,
    Year: plan.year,
    Status: plan.status,
  }),
  atVersion: (plan, version) => ({ ...plan, version }),
};

const TEAM_PLANS: VersionedSpec<TeamPlan> = {
  kind: 'team-plan',
  schema: TeamPlanSchema,
  idOf: (plan) => plan.id,
  naturalKey: (plan) => `team-plan:${plan.unitId}:${plan.year}`,
  columns: (plan) => ({ UnitId: plan.unitId, Year: plan.year }),
  atVersion: (plan, version) => ({ ...plan, version }),
};

const PREPARATIONS: VersionedSpec<DialoguePreparation> = {
  kind: 'dialogue-preparation',
  schema: DialoguePreparationSchema,
  idOf: (preparation) => preparation.id,
  naturalKey: (preparation) => `dialogue-preparation:${preparation.dialogueId}`,
  columns: (preparation) => ({
    EmployeeId: preparation.employeeId,
    ParentId: preparation.dialogueId,
  }),
  atVersion: (preparation) => preparation,
};

export interface SharePointPlanStoreOptions {
  /** The store's clock for SavedAt; the catch-up asks "saved within" by it. */
  now?: () => Date;
  /** Items a page ($top); tests make it small to see paging. */
  pageSize?: number;
}

export class SharePointPlanStore implements PlanStore {
  private readonly now: () => Date;
  private readonly pageSize: number;

  constructor(
    private readonly graph: GraphRequests,
    private readonly site: SharePointSite,
    options: SharePointPlanStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  }

  // ── Individual plans ────────────────────────────────────────────────────────────────────

  async getIndividualPlanById(planId: string): Promise<IndividualPlan | undefined> {
    const item = await this.findOne(
      'documents',
      'DocumentKey',
      documentKey('individual-plan', planId),
    );
    return item && this.documentOf(INDIVIDUAL_PLANS, item);
  }

  async getIndividualPlan(employeeId: string, year: number): Promise<IndividualPlan | undefined> {
    const item = await this.findOne(
      'documents',
      'NaturalKey',
      `individual-plan:${employeeId}:${year}`,
    );
    return item && this.documentOf(INDIVIDUAL_PLANS, item);
  }

  async findLatestIndividualPlan(employeeId: string): Promise<IndividualPlan | undefined> {
    const plans = this.plansOf(await this.find('documents', 'EmployeeId', employeeId));
    return plans.sort((a, b) => b.year - a.year)[0];
  }

  async saveIndividualPlan(plan: IndividualPlan, options: SaveOptions): Promise<IndividualPlan> {
    return (await this.saveVersioned(INDIVIDUAL_PLANS, plan, options)).document;
  }

  individualPlanHistory(planId: string): Promise<Revision<IndividualPlan>[]> {
    return this.history(INDIVIDUAL_PLANS, planId);
  }

  async listIndividualPlansSavedWithin(periodMs: number): Promise<IndividualPlan[]> {
    return this.savedWithin('individual-plan', IndividualPlanSchema, periodMs);
  }

  async listIndividualPlans(
    employeeIds: readonly string[],
    options: { year?: number } = {},
  ): Promise<IndividualPlan[]> {
    const byPerson = await this.findEach('documents', 'EmployeeId', employeeIds);
    return this.plansOf([...byPerson.values()].flat())
      .filter((plan) => options.year === undefined || plan.year === options.year)
      .sort((a, b) => compare(a.employeeId, b.employeeId) || b.year - a.year);
  }

  // ── Team plans ──────────────────────────────────────────────────────────────────────────

  async getTeamPlan(unitId: string, year: number): Promise<TeamPlan | undefined> {
    const item = await this.findOne('documents', 'NaturalKey', `team-plan:${unitId}:${year}`);
    return item && this.documentOf(TEAM_PLANS, item);
  }

  async saveTeamPlan(plan: TeamPlan, options: SaveOptions): Promise<TeamPlan> {
    return (await this.saveVersioned(TEAM_PLANS, plan, options)).document;
  }

  teamPlanHistory(planId: string): Promise<Revision<TeamPlan>[]> {
    return this.history(TEAM_PLANS, planId);
  }

  // ── The team view ───────────────────────────────────────────────────────────────────────

  async readTeamRecords(employeeIds: readonly string[]): Promise<TeamRecords> {
    const items = [
      ...(await this.findEach('documents', 'EmployeeId', employeeIds)).values(),
    ].flat();
    const plans = this.plansOf(items).sort(
      (a, b) => compare(a.employeeId, b.employeeId) || b.year - a.year,
    );
    const current = new Map(plans.map((plan) => [plan.id, plan]));
    const agreedPlans = items.flatMap((item) => {
      const agreed = item.fields['AgreedDocument'];
      if (item.fields['Kind'] !== 'individual-plan' || typeof agreed !== 'string') return [];
      const plan = this.parse(IndividualPlanSchema, 'individual-plan', item, agreed);
      const now = current.get(plan.id);
      // As on SQL: a plan replaced by a draft that dropped its agreement is not agreed.
      return now && (now.status === 'agreed' || now.agreedAt !== undefined) ? [plan] : [];
    });
    return {
      plans,
      agreedPlans,
      dialogues: sortDialogues(this.ofKind(items, 'dialogue', DialogueSchema)),
      followUps: sortFollowUps(this.ofKind(items, 'effect-follow-up', EffectFollowUpSchema)),
    };
  }

  // ── Reflections ─────────────────────────────────────────────────────────────────────────

  async addReflection(reflection: Reflection): Promise<void> {
    const document = ReflectionSchema.parse(reflection);
    const json = this.documentJson(document);
    const created = await this.create('reflections', {
      Title: titleOf(document.id),
      ReflectionId: document.id,
      PersonId: document.personId,
      Visibility: document.visibility,
      CreatedAt: new Date(document.createdAt).toISOString(),
      Document: json,
    });
    if (created !== 'duplicate') return;
    // A resend after a dropped connection: fine if what is there is this reflection.
    const stored = await this.findOne('reflections', 'ReflectionId', document.id);
    if (stored?.fields['Document'] !== json) {
      throw new Error(`A different reflection is already stored under id ${document.id}`);
    }
  }

  async listReflections(
    personId: string,
    options: { sharedOnly?: boolean } = {},
  ): Promise<Reflection[]> {
    const items = await this.find('reflections', 'PersonId', personId);
    return items
      .map((item) => this.parse(ReflectionSchema, 'reflection', item, item.fields['Document']))
      .filter((r) => !options.sharedOnly || r.visibility === 'shared-with-manager')
      .sort((a, b) => instant(b.createdAt) - instant(a.createdAt) || compare(a.id, b.id));
  }

  // ── Effect follow-ups ───────────────────────────────────────────────────────────────────

  async saveEffectFollowUp(followUp: EffectFollowUp): Promise<void> {
    const document = EffectFollowUpSchema.parse(followUp);
    const key = documentKey('effect-follow-up', `${document.planId}:${document.activityId}`);
    await this.upsert(key, {
      Kind: 'effect-follow-up',
      DocumentKey: key,
      NaturalKey: key,
      EmployeeId: document.personId,
      ParentId: document.planId,
      Document: this.documentJson(document),
    });
  }

  async listEffectFollowUps(
    planIds: readonly string[],
    options: { sharedOnly?: boolean } = {},
  ): Promise<EffectFollowUp[]> {
    const byPlan = await this.findEach('documents', 'ParentId', planIds);
    const answers = this.ofKind(
      [...byPlan.values()].flat(),
      'effect-follow-up',
      EffectFollowUpSchema,
    );
    return sortFollowUps(
      answers.filter((a) => !options.sharedOnly || a.visibility === 'shared-with-manager'),
    );
  }

  // ── Dialogues and preparations ──────────────────────────────────────────────────────────

  async saveDialogue(dialogue: Dialogue): Promise<void> {
    const document = DialogueSchema.parse(dialogue);
    const key = documentKey('dialogue', document.id);
    await this.upsert(key, {
      Kind: 'dialogue',
      DocumentKey: key,
      NaturalKey: key,
      EmployeeId: document.employeeId,
      ManagerId: document.managerId ?? null,
      Year: document.year,
      Status: document.status,
      Document: this.documentJson(document),
    });
  }

  async getDialogue(dialogueId: string): Promise<Dialogue | undefined> {
    const item = await this.findOne(
      'documents',
      'DocumentKey',
      documentKey('dialogue', dialogueId),
    );
    return item && this.parse(DialogueSchema, 'dialogue', item, item.fields['Document']);
  }

  async listDialoguesForEmployee(employeeId: string): Promise<Dialogue[]> {
    const items = await this.find('documents', 'EmployeeId', employeeId);
    return sortDialogues(this.ofKind(items, 'dialogue', DialogueSchema));
  }

  async listDialoguesForEmployees(employeeIds: readonly string[]): Promise<Dialogue[]> {
    const byPerson = await this.findEach('documents', 'EmployeeId', employeeIds);
    return sortDialogues(this.ofKind([...byPerson.values()].flat(), 'dialogue', DialogueSchema));
  }

  async listDialoguesSavedWithin(periodMs: number): Promise<Dialogue[]> {
    return this.savedWithin('dialogue', DialogueSchema, periodMs);
  }

  async getPreparation(dialogueId: string): Promise<VersionedPreparation | undefined> {
    const item = await this.findOne(
      'documents',
      'NaturalKey',
      `dialogue-preparation:${dialogueId}`,
    );
    if (!item) return undefined;
    return { preparation: this.documentOf(PREPARATIONS, item), version: versionOf(item) };
  }

  async savePreparation(
    preparation: DialoguePreparation,
    options: SaveOptions,
  ): Promise<VersionedPreparation> {
    const stored = await this.saveVersioned(PREPARATIONS, preparation, options);
    return { preparation: stored.document, version: stored.version };
  }

  preparationHistory(preparationId: string): Promise<Revision<DialoguePreparation>[]> {
    return this.history(PREPARATIONS, preparationId);
  }

  // ── Erasure and retention ───────────────────────────────────────────────────────────────

  /**
   * Item by item (SharePoint has no transaction): safe to run again after a failure half-way,
   * since every step finds only what is still there. A kept plan is written back from its
   * `AgreedDocument` before its other revisions go, so a crash never leaves it without one.
   */
  async erasePersonalData(
    personId: string,
    options: { agreedPlans: AgreedPlanOnErasure },
  ): Promise<ErasedPlanRecords> {
    const items = await this.find('documents', 'EmployeeId', personId);
    const erased: ErasedPlanRecords = { ...NOTHING_ERASED_FROM_PLANS };
    for (const item of items) {
      const kind = item.fields['Kind'];
      const key = String(item.fields['DocumentKey']);
      if (kind === 'individual-plan') {
        const agreed = item.fields['AgreedDocument'];
        const fate = planFateOnErasure(options.agreedPlans, typeof agreed === 'string');
        if (fate === 'keep-agreed-version' && typeof agreed === 'string') {
          const plan = this.parse(IndividualPlanSchema, 'individual-plan', item, agreed);
          if (versionOf(item) !== plan.version) {
            await this.writeBack(item, {
              Document: agreed,
              Version: plan.version,
              Status: plan.status,
              WriteId: randomUUID(),
            });
          }
          await this.deleteRevisions(key, (version) => version !== plan.version);
          erased.keptAgreedPlans += 1;
          continue;
        }
        erased.individualPlans += 1;
      } else if (kind === 'dialogue') {
        erased.dialogues += 1;
      } else if (kind === 'dialogue-preparation') {
        erased.preparations += 1;
      } else if (kind === 'effect-follow-up') {
        erased.effectFollowUps += 1;
      } else {
        continue;
      }
      await this.deleteItem('documents', item);
      if (kind === 'individual-plan' || kind === 'dialogue-preparation') {
        await this.deleteRevisions(key, () => true);
      }
    }
    for (const item of await this.find('reflections', 'PersonId', personId)) {
      await this.deleteItem('reflections', item);
      erased.reflections += 1;
    }
    return erased;
  }

  /**
   * `Year` is indexed for this: every plan, team plan and dialogue of an earlier year, then
   * the kind and profile in the document decide. Answers and preparations go with their
   * plan or dialogue (by `ParentId`).
   */
  async removeExpired(cutoff: RetentionCutoff): Promise<ExpiredRecords> {
    const items = await this.findWhere('documents', `fields/Year lt ${cutoff.beforeYear}`);
    const removed: ExpiredRecords = { individualPlans: 0, dialogues: 0 };
    const expired = (document: { profileId: string; year: number }) =>
      document.profileId === cutoff.profileId && document.year < cutoff.beforeYear;
    for (const item of items) {
      const kind = item.fields['Kind'];
      if (kind === 'individual-plan') {
        const plan = this.documentOf(INDIVIDUAL_PLANS, item);
        if (!expired(plan)) continue;
        for (const answer of await this.find('documents', 'ParentId', plan.id)) {
          await this.deleteItem('documents', answer);
        }
        await this.deleteItem('documents', item);
        await this.deleteRevisions(String(item.fields['DocumentKey']), () => true);
        removed.individualPlans += 1;
      } else if (kind === 'dialogue') {
        const dialogue = this.parse(DialogueSchema, 'dialogue', item, item.fields['Document']);
        if (!expired(dialogue)) continue;
        for (const preparation of await this.find('documents', 'ParentId', dialogue.id)) {
          await this.deleteItem('documents', preparation);
          await this.deleteRevisions(String(preparation.fields['DocumentKey']), () => true);
        }
        await this.deleteItem('documents', item);
        removed.dialogues += 1;
      }
    }
    return removed;
  }

  async removeReflectionsBefore(before: Date): Promise<number> {
    const at = new Date(before);
    at.setUTCMilliseconds(0);
    const items = await this.findWhere(
      'reflections',
      `fields/CreatedAt lt '${at.toISOString().replace('.000Z', 'Z')}'`,
    );
    for (const item of items) await this.deleteItem('reflections', item);
    return items.length;
  }

  private async findWhere(list: ListName, filter: string): Promise<ListItem[]> {
    const expand = `fields($select=${fieldsOf(list).join(',')})`;
    return reach(() =>
      this.graph.getAllPages<ListItem>(
        `${this.listPath(list)}/items?$filter=${encodeURIComponent(filter)}` +
          `&$expand=${encodeURIComponent(expand)}&$top=${this.pageSize}`,
      ),
    );
  }

  private async deleteRevisions(key: string, which: (version: number) => boolean): Promise<void> {
    for (const revision of await this.find('revisions', 'DocumentKey', key)) {
      if (which(versionOf(revision))) await this.deleteItem('revisions', revision);
    }
  }

  /** Gone already (another instance, an earlier try) is what was wanted. */
  private async deleteItem(list: ListName, item: ListItem): Promise<void> {
    try {
      await reach(() => this.graph.delete(`${this.listPath(list)}/items/${item.id}`));
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 404) return;
      throw error;
    }
  }

  private async writeBack(item: ListItem, fields: Record<string, unknown>): Promise<void> {
    if ((await this.update('documents', item, fields)) === 'stale') {
      throw new PlanStoreUnavailableError(
        `${String(item.fields['DocumentKey'])} changed while erased`,
      );
    }
  }

  // ── Versioned writes ────────────────────────────────────────────────────────────────────

  /**
   * Writes `expectedVersion + 1` only over `expectedVersion`, then records the revision. The
   * item is the commit point: its If-Match (or, for a new document, its unique keys) lets one
   * writer through; the revision follows, keyed so that writing it twice is harmless.
   */
  private async saveVersioned<T>(
    spec: VersionedSpec<T>,
    input: T,
    options: SaveOptions,
  ): Promise<{ document: T; version: number }> {
    const { expectedVersion, savedBy } = options;
    if (!Number.isInteger(expectedVersion) || expectedVersion < 0) {
      throw new RangeError(`expectedVersion must be a whole number ≥ 0, not ${expectedVersion}`);
    }
    const version = expectedVersion + 1;
    // Validated on the way in too: never write what could not be read back.
    const document = spec.schema.parse(spec.atVersion(input, version));
    const key = documentKey(spec.kind, spec.idOf(document));
    const naturalKey = spec.naturalKey(document);
    const json = this.documentJson(document);
    const savedAt = this.now().toISOString();
    const writeId = randomUUID();
    const agreed =
      spec.kind === 'individual-plan' && (document as IndividualPlan).status === 'agreed';
    const fields: Record<string, unknown> = {
      Title: titleOf(key),
      Kind: spec.kind,
      DocumentKey: key,
      NaturalKey: naturalKey,
      ...spec.columns(document),
      Version: version,
      SavedBy: savedBy,
      SavedAt: savedAt,
      WriteId: writeId,
      Document: json,
    };
    const isOurs = (item: ListItem | undefined) => item?.fields['WriteId'] === writeId;

    if (expectedVersion === 0) {
      const created = await this.create('documents', {
        ...fields,
        ...(agreed ? { AgreedDocument: json } : {}),
      });
      if (created === 'duplicate') {
        const stored =
          (await this.findOne('documents', 'DocumentKey', key)) ??
          (await this.findOne('documents', 'NaturalKey', naturalKey));
        if (!isOurs(stored)) throw this.conflict(spec.kind, key, expectedVersion, stored);
      }
    } else {
      for (let attempt = 1; ; attempt++) {
        const current = await this.findOne('documents', 'DocumentKey', key);
        if (isOurs(current)) break;
        if (!current || versionOf(current) !== expectedVersion) {
          const stored = current ?? (await this.findOne('documents', 'NaturalKey', naturalKey));
          throw this.conflict(spec.kind, key, expectedVersion, stored);
        }
        const agreedDocument = agreed ? json : (current.fields['AgreedDocument'] ?? null);
        const updated = await this.update('documents', current, {
          ...fields,
          ...(spec.kind === 'individual-plan' ? { AgreedDocument: agreedDocument } : {}),
        });
        if (updated !== 'stale') break;
        if (attempt >= STALE_ETAG_RETRIES) {
          throw new PlanStoreUnavailableError(`${key} kept changing while being saved`);
        }
      }
    }
    await this.recordRevision(key, version, savedBy, savedAt, json);
    return { document, version };
  }

  private async recordRevision(
    key: string,
    version: number,
    savedBy: string,
    savedAt: string,
    json: string,
  ): Promise<void> {
    const revisionKey = `${key}@${version}`;
    // A duplicate is this revision, written before a dropped answer.
    await this.create('revisions', {
      Title: titleOf(revisionKey),
      RevisionKey: revisionKey,
      DocumentKey: key,
      Version: version,
      SavedBy: savedBy,
      SavedAt: savedAt,
      Document: json,
    });
  }

  private async history<T>(spec: VersionedSpec<T>, id: string): Promise<Revision<T>[]> {
    const items = await this.find('revisions', 'DocumentKey', documentKey(spec.kind, id));
    return items
      .map((item) => ({
        version: versionOf(item),
        savedAt: new Date(String(item.fields['SavedAt'])),
        savedBy: String(item.fields['SavedBy']),
        document: this.parse(spec.schema, spec.kind, item, item.fields['Document']),
      }))
      .sort((a, b) => a.version - b.version);
  }

  private conflict(
    kind: VersionedDocumentKind,
    key: string,
    expectedVersion: number,
    stored: ListItem | undefined,
  ): VersionConflictError {
    const storedKey = stored ? String(stored.fields['DocumentKey']) : key;
    return new VersionConflictError(
      kind,
      storedKey.slice(kind.length + 1),
      expectedVersion,
      stored ? versionOf(stored) : 0,
    );
  }

  /** Last write wins (scheduling data, answers), but never a torn write: If-Match each time. */
  private async upsert(key: string, fields: Record<string, unknown>): Promise<void> {
    const stamped = { ...fields, Title: titleOf(key), SavedAt: this.now().toISOString() };
    for (let attempt = 1; attempt <= STALE_ETAG_RETRIES; attempt++) {
      const current = await this.findOne('documents', 'DocumentKey', key);
      if (current) {
        if ((await this.update('documents', current, stamped)) !== 'stale') return;
      } else if ((await this.create('documents', stamped)) !== 'duplicate') {
        return;
      }
    }
    throw new GraphUnavailableError(
      'attempts-exhausted',
      `${key} kept changing while being saved`,
      412,
    );
  }

  // ── List items ──────────────────────────────────────────────────────────────────────────

  private listPath(list: ListName): string {
    return `/sites/${this.site.siteId}/lists/${this.site.lists[list]}`;
  }

  private itemsQuery(list: ListName, column: string, value: string): string {
    const filter = `fields/${column} eq '${value.replaceAll("'", "''")}'`;
    const expand = `fields($select=${fieldsOf(list).join(',')})`;
    return (
      `${this.listPath(list)}/items?$filter=${encodeURIComponent(filter)}` +
      `&$expand=${encodeURIComponent(expand)}&$top=${this.pageSize}`
    );
  }

  private async find(list: ListName, column: string, value: string): Promise<ListItem[]> {
    return reach(() => this.graph.getAllPages<ListItem>(this.itemsQuery(list, column, value)));
  }

  private async findOne(
    list: ListName,
    column: string,
    value: string,
  ): Promise<ListItem | undefined> {
    return (await this.find(list, column, value))[0];
  }

  /** One $batch request per value (20 to a batch), each paged on if it has to be. */
  private async findEach(
    list: ListName,
    column: string,
    values: readonly string[],
  ): Promise<Map<string, ListItem[]>> {
    const distinct = [...new Set(values)];
    const answers = await reach(() =>
      this.graph.batch(
        distinct.map((value, index) => ({
          id: String(index),
          method: 'GET' as const,
          url: this.itemsQuery(list, column, value),
        })),
      ),
    );
    const found = new Map<string, ListItem[]>();
    for (const [index, value] of distinct.entries()) {
      const answer = answers.get(String(index));
      if (!answer || answer.status !== 200) {
        const error = (answer?.body as { error?: { code?: string; message?: string } })?.error;
        throw new GraphRequestError(
          answer?.status ?? 502,
          error?.code ?? 'Unknown',
          error?.message ?? `Graph answered ${answer?.status} reading ${column} ${value}`,
        );
      }
      let page = answer.body as { value: ListItem[]; '@odata.nextLink'?: string };
      const items = [...page.value];
      while (page['@odata.nextLink']) {
        const next = page['@odata.nextLink'];
        page = await reach(() => this.graph.getNextPage<ListItem>(next));
        items.push(...page.value);
      }
      found.set(value, items);
    }
    return found;
  }

  /** The unique keys make a resend harmless: a second arrival is refused as a duplicate. */
  private async create(
    list: ListName,
    fields: Record<string, unknown>,
  ): Promise<ListItem | 'duplicate'> {
    try {
      return await reach(() =>
        this.graph.post<ListItem>(`${this.listPath(list)}/items`, { fields }, { replayable: true }),
      );
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 409) return 'duplicate';
      throw error;
    }
  }

  private async update(
    list: ListName,
    item: ListItem,
    fields: Record<string, unknown>,
  ): Promise<'updated' | 'stale'> {
    try {
      await reach(() =>
        this.graph.patch(`${this.listPath(list)}/items/${item.id}/fields`, fields, {
          headers: { 'If-Match': item.eTag },
        }),
      );
      return 'updated';
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 412) return 'stale';
      throw error;
    }
  }

  // ── Reading documents back ──────────────────────────────────────────────────────────────

  private documentJson(document: unknown): string {
    const json = JSON.stringify(document);
    if (json.length > NOTE_LIMIT) {
      throw new RangeError(
        `The document is ${json.length} characters; a SharePoint text column holds ${NOTE_LIMIT}`,
      );
    }
    return json;
  }

  private documentOf<T>(spec: VersionedSpec<T>, item: ListItem): T {
    return this.parse(spec.schema, spec.kind, item, item.fields['Document']);
  }

  private parse<T>(schema: z.ZodType<T>, kind: string, item: ListItem, json: unknown): T {
    const id = String(item.fields['DocumentKey'] ?? item.fields['ReflectionId'] ?? item.id);
    let document: unknown;
    try {
      document = JSON.parse(String(json));
    } catch {
      throw new StoredDocumentError(kind, id, ['(root): not JSON']);
    }
    return parseStored(schema, kind, id, document);
  }

  private plansOf(items: readonly ListItem[]): IndividualPlan[] {
    return this.ofKind(items, 'individual-plan', IndividualPlanSchema);
  }

  private ofKind<T>(items: readonly ListItem[], kind: DocumentKind, schema: z.ZodType<T>): T[] {
    return items
      .filter((item) => item.fields['Kind'] === kind)
      .map((item) => this.parse(schema, kind, item, item.fields['Document']));
  }

  /** For the reminder catch-up, which must not stop at one broken item: those are left out. */
  private async savedWithin<T>(
    kind: DocumentKind,
    schema: z.ZodType<T>,
    periodMs: number,
  ): Promise<T[]> {
    const since = new Date(this.now().getTime() - Math.ceil(periodMs));
    // SavedAt is kept to the second: round down so a save this second is not missed.
    since.setUTCMilliseconds(0);
    const filter = `fields/SavedAt ge '${since.toISOString().replace('.000Z', 'Z')}'`;
    const items = await reach(() =>
      this.graph.getAllPages<ListItem>(
        `${this.listPath('documents')}/items?$filter=${encodeURIComponent(filter)}` +
          `&$expand=${encodeURIComponent(`fields($select=${DOCUMENT_FIELDS.join(',')})`)}&$top=${this.pageSize}`,
      ),
    );
    return items
      .filter((item) => item.fields['Kind'] === kind)
      .flatMap((item) => {
        try {
          return [this.parse(schema, kind, item, item.fields['Document'])];
        } catch {
          return [];
        }
      });
  }
}

/** Graph's outages, said as the store's: the person is told plans are out of reach. */
async function reach<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof GraphUnavailableError || error instanceof GraphTokenError) {
      throw new PlanStoreUnavailableError(
        `SharePoint did not answer: ${error.message}`,
        error instanceof GraphUnavailableError ? error.retryAfterMs : undefined,
        { cause: error },
      );
    }
    throw error;
  }
}

function fieldsOf(list: ListName): readonly string[] {
  return list === 'documents'
    ? DOCUMENT_FIELDS
    : list === 'revisions'
      ? REVISION_FIELDS
      : REFLECTION_FIELDS;
}

/**
 * SharePoint's own Title column, required on a list's forms: the key, so a person browsing
 * the list in SharePoint sees what each item is.
 */
function titleOf(key: string): string {
  return key.slice(0, SINGLE_LINE_LIMIT);
}

function versionOf(item: ListItem): number {
  return Number(item.fields['Version'] ?? 0);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const instant = (iso: string) => Date.parse(iso);

/** Soonest first, the unbooked last, as the SQL store orders them. */
function sortDialogues(dialogues: Dialogue[]): Dialogue[] {
  const at = (d: Dialogue) => (d.scheduledAt ? instant(d.scheduledAt) : Number.POSITIVE_INFINITY);
  return dialogues.sort((a, b) => at(a) - at(b) || compare(a.id, b.id));
}

/** Newest answer first. */
function sortFollowUps(answers: EffectFollowUp[]): EffectFollowUp[] {
  return answers.sort(
    (a, b) =>
      instant(b.answeredAt) - instant(a.answeredAt) ||
      compare(a.planId, b.planId) ||
      compare(a.activityId, b.activityId),
  );
}

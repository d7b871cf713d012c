import { randomUUID } from 'node:crypto';
import {
  graphError,
  type FakeGraph,
  type GraphAnswer,
  type GraphCall,
  type GraphRoute,
} from './fakeGraph';

/**
 * A local stand-in for the SharePoint lists part of Microsoft Graph v1.0, mounted into the
 * FakeGraph (`FakeSharePoint.mountOn(graph)`):
 *
 * - `GET /sites/{id}`, by the canonical id `host,guid,guid` or by path `host:/sites/name`.
 * - `GET|POST /sites/{id}/lists`; `GET|POST .../lists/{listId}/columns`;
 *   `PATCH .../columns/{columnId}` (`indexed` only).
 * - `GET|POST .../lists/{listId}/items` with `$expand=fields($select=…)`, `$filter` on
 *   `fields/<Name>` (indexed columns only, unless `Prefer:
 *   HonorNonIndexedQueriesWarningMayFailRandomly`), `$top` and `@odata.nextLink` paging.
 * - `GET|DELETE .../items/{itemId}`, `PATCH .../items/{itemId}/fields`, both honouring
 *   `If-Match` (412 when stale); every change bumps the item's eTag `"<guid>,<version>"`.
 *
 * What SharePoint does and the stand-in keeps: columns with `enforceUniqueValues` must be
 * indexed and refuse duplicates (409), multi-line text cannot be indexed, at most 20 indexed
 * columns a list, single-line text holds 255 characters, field values that are empty are
 * left out of `fields`, dates are stored in UTC to the second. The site's grant models
 * `Sites.Selected`: `none` refuses everything, `read` refuses every write.
 *
 * A query option the stand-in does not implement is refused (400) rather than ignored, so a
 * client never passes here by accident. A method not supported on a path answers 405.
 */

export type SiteGrant = 'write' | 'read' | 'none';

export type ColumnType = 'text' | 'number' | 'dateTime' | 'boolean';

export interface FakeColumn {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  indexed: boolean;
  readonly enforceUniqueValues: boolean;
  readonly readOnly: boolean;
  readonly hidden: boolean;
  readonly type: ColumnType;
  /** For text columns. */
  readonly text?: { readonly allowMultipleLines: boolean; readonly maxLength?: number };
  /** For dateTime columns. */
  readonly dateTime?: { readonly format?: string };
}

export interface FakeListItem {
  /** An integer, counting from 1 in each list, never reused. */
  readonly id: string;
  /** SharePoint's GUID of the item: the first half of each of its eTags. */
  readonly uniqueId: string;
  /** The second half of the eTag, 1 when created. */
  version: number;
  readonly createdDateTime: string;
  lastModifiedDateTime: string;
  /** Values of Title and the list's own columns; a cleared value is absent. */
  fields: Record<string, unknown>;
}

export interface FakeList {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  readonly template: string;
  readonly columns: FakeColumn[];
  /** In ascending id order. */
  readonly items: FakeListItem[];
  nextItemId: number;
}

/** A request that filtered on a column that is not indexed, refused or (with Prefer) run. */
export interface NonIndexedFilter {
  list: string;
  fields: string[];
  honoured: boolean;
}

interface FakeSite {
  readonly id: string;
  readonly hostname: string;
  readonly serverRelativePath: string;
  readonly displayName: string;
  grant: SiteGrant;
  readonly lists: FakeList[];
}

type Handler = (call: GraphCall, site: FakeSite, ids: readonly string[]) => GraphAnswer;

const SITES = '/v1.0/sites/';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const HONOUR_NON_INDEXED = 'honornonindexedquerieswarningmayfailrandomly';
const MAX_INDEXED_COLUMNS = 20;
const DEFAULT_PAGE_SIZE = 200;
const MAX_PAGE_SIZE = 5000;
const SINGLE_LINE_MAX_LENGTH = 255;
const MULTI_LINE_MAX_LENGTH = 63_999;
const COLUMN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const COLUMN_TYPES: readonly ColumnType[] = ['text', 'number', 'dateTime', 'boolean'];
const COLUMN_PROPERTIES = new Set([
  'name',
  'displayName',
  'description',
  'indexed',
  'enforceUniqueValues',
  ...COLUMN_TYPES,
]);
const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** The columns SharePoint gives every generic list, whatever the request asked for. */
const BUILT_IN_COLUMNS: readonly Omit<FakeColumn, 'id'>[] = [
  builtIn('Title', 'text', false, { text: { allowMultipleLines: false, maxLength: 255 } }),
  builtIn('ID', 'number', true),
  builtIn('Created', 'dateTime', true, { dateTime: { format: 'dateTime' } }),
  builtIn('Modified', 'dateTime', true, { dateTime: { format: 'dateTime' } }),
  builtIn('ContentType', 'text', true, { text: { allowMultipleLines: false } }),
  builtIn('Attachments', 'boolean', true),
  builtIn('Edit', 'text', true, { text: { allowMultipleLines: false } }),
  builtIn('LinkTitle', 'text', true, { text: { allowMultipleLines: false } }),
];

/** Built-in values SharePoint computes for an item rather than storing what was sent. */
const COMPUTED_VALUES: Readonly<Record<string, (item: FakeListItem) => unknown>> = {
  ID: (item) => Number(item.id),
  Created: (item) => item.createdDateTime,
  Modified: (item) => item.lastModifiedDateTime,
  ContentType: () => 'Item',
  Attachments: () => false,
  Edit: () => '',
  LinkTitle: (item) => item.fields.Title,
};

export class FakeSharePoint {
  readonly writes = { listsCreated: 0, columnsCreated: 0, columnsChanged: 0 };
  readonly nonIndexedFilters: NonIndexedFilter[] = [];
  /** SharePoint's clock; a test may set it to get exact timestamps. */
  now: () => number = Date.now;
  private readonly sites: FakeSite[] = [];
  /** Where nextLinks point: the real Graph unless mounted on a stand-in. */
  private baseUrl = 'https://graph.microsoft.com';

  private readonly endpoints: readonly { pattern: RegExp; methods: Record<string, Handler> }[] = [
    { pattern: /^$/, methods: { GET: (call, site) => this.getSite(call, site) } },
    {
      pattern: /^\/lists$/,
      methods: {
        GET: (call, site) => this.getLists(call, site),
        POST: (call, site) => this.createList(call, site),
      },
    },
    {
      pattern: /^\/lists\/([^/]+)\/columns$/,
      methods: {
        GET: (call, site, ids) => this.getColumns(call, site, ids),
        POST: (call, site, ids) => this.createColumn(call, site, ids),
      },
    },
    {
      pattern: /^\/lists\/([^/]+)\/columns\/([^/]+)$/,
      methods: { PATCH: (call, site, ids) => this.updateColumn(call, site, ids) },
    },
    {
      pattern: /^\/lists\/([^/]+)\/items$/,
      methods: {
        GET: (call, site, ids) => this.getItems(call, site, ids),
        POST: (call, site, ids) => this.createItem(call, site, ids),
      },
    },
    {
      pattern: /^\/lists\/([^/]+)\/items\/([^/]+)$/,
      methods: {
        GET: (call, site, ids) => this.getItem(call, site, ids),
        DELETE: (call, site, ids) => this.deleteItem(call, site, ids),
      },
    },
    {
      pattern: /^\/lists\/([^/]+)\/items\/([^/]+)\/fields$/,
      methods: { PATCH: (call, site, ids) => this.updateFields(call, site, ids) },
    },
  ];

  /** A stand-in mounted on `graph`, its nextLinks pointing back at it. */
  static mountOn(graph: FakeGraph): FakeSharePoint {
    const sharePoint = new FakeSharePoint();
    sharePoint.baseUrl = graph.url;
    graph.mount(sharePoint.route);
    return sharePoint;
  }

  readonly route: GraphRoute = (call) => {
    if (!call.path.startsWith(SITES)) return undefined;
    try {
      return this.answer(call);
    } catch (error) {
      if (error instanceof Refusal) return error.answer;
      throw error;
    }
  };

  /** A site; `path` like 'contoso.sharepoint.com:/sites/kompetensdialog'. Returns its id. */
  addSite(options: {
    hostname: string;
    path: string;
    displayName: string;
    grant?: SiteGrant;
  }): string {
    const [host, serverRelativePath] = options.path.includes(':/')
      ? options.path.split(':', 2)
      : [options.hostname, options.path];
    if (host?.toLowerCase() !== options.hostname.toLowerCase() || !serverRelativePath) {
      throw new Error(`Site path ${options.path} is not on ${options.hostname}`);
    }
    const site: FakeSite = {
      id: `${options.hostname},${randomUUID()},${randomUUID()}`,
      hostname: options.hostname,
      serverRelativePath,
      displayName: options.displayName,
      grant: options.grant ?? 'write',
      lists: [],
    };
    this.sites.push(site);
    return site.id;
  }

  setGrant(siteId: string, grant: SiteGrant): void {
    this.knownSite(siteId).grant = grant;
  }

  listByName(siteId: string, displayName: string): FakeList | undefined {
    return this.knownSite(siteId).lists.find((list) => sameName(list.displayName, displayName));
  }

  items(
    siteId: string,
    listDisplayName: string,
  ): { id: string; eTag: string; fields: Record<string, unknown> }[] {
    return this.knownList(siteId, listDisplayName).items.map((item) => ({
      id: item.id,
      eTag: eTagOf(item),
      fields: { ...item.fields },
    }));
  }

  /** Changes a field without the API (as a person editing in SharePoint would): bumps the eTag. */
  editField(
    siteId: string,
    listDisplayName: string,
    itemId: string,
    field: string,
    value: unknown,
  ): void {
    const list = this.knownList(siteId, listDisplayName);
    const item = list.items.find((candidate) => candidate.id === itemId);
    if (!item) throw new Error(`No item ${itemId} in ${listDisplayName}`);
    try {
      this.writeItem(list, item, { [field]: value });
    } catch (error) {
      if (error instanceof Refusal) throw new Error(JSON.stringify(error.answer.body));
      throw error;
    }
  }

  private knownSite(siteId: string): FakeSite {
    const site = this.siteById(siteId);
    if (!site) throw new Error(`No site ${siteId} in the fake SharePoint`);
    return site;
  }

  private knownList(siteId: string, displayName: string): FakeList {
    const list = this.listByName(siteId, displayName);
    if (!list) throw new Error(`No list ${displayName} on site ${siteId}`);
    return list;
  }

  private siteById(siteId: string): FakeSite | undefined {
    return this.sites.find((site) => sameName(site.id, siteId));
  }

  private answer(call: GraphCall): GraphAnswer {
    const address = call.path.slice(SITES.length);
    const byPath = /^([^/,:]+):(\/[^:]+?):?$/.exec(address);
    const [siteKey = '', ...rest] = byPath ? [] : address.split('/');
    const site = byPath
      ? this.sites.find(
          (candidate) =>
            sameName(candidate.hostname, byPath[1] ?? '') &&
            sameName(candidate.serverRelativePath, byPath[2] ?? ''),
        )
      : this.siteById(siteKey);
    if (!site) return graphError(404, 'itemNotFound', 'Requested site could not be found');
    if (site.grant === 'none') return accessDenied();

    const below = byPath ? '' : rest.map((segment) => `/${segment}`).join('');
    for (const { pattern, methods } of this.endpoints) {
      const match = pattern.exec(below);
      if (!match) continue;
      const handler = methods[call.method];
      if (!handler) {
        return graphError(
          405,
          'notSupported',
          `The HTTP method '${call.method}' is not allowed on '${call.path}'.`,
        );
      }
      if (WRITE_METHODS.has(call.method) && site.grant === 'read') return accessDenied();
      return handler(call, site, match.slice(1));
    }
    return graphError(400, 'BadRequest', `Resource not found for the segment '${call.path}'.`);
  }

  private getSite(call: GraphCall, site: FakeSite): GraphAnswer {
    acceptOnly(call, ['select']);
    const properties = {
      id: site.id,
      displayName: site.displayName,
      name: site.serverRelativePath.split('/').pop() ?? '',
      webUrl: `https://${site.hostname}${site.serverRelativePath}`,
    };
    return json(200, pick(properties, selection(call)));
  }

  private getLists(call: GraphCall, site: FakeSite): GraphAnswer {
    acceptOnly(call, ['select']);
    const select = selection(call);
    return json(200, { value: site.lists.map((list) => pick(renderList(list), select)) });
  }

  private createList(call: GraphCall, site: FakeSite): GraphAnswer {
    acceptOnly(call, []);
    const body = objectBody(call);
    const { displayName, columns = [], list: listInfo } = body;
    if (typeof displayName !== 'string' || displayName.trim() === '') {
      refuse(400, 'invalidRequest', 'A list needs a displayName.');
    }
    if (site.lists.some((list) => sameName(list.displayName, displayName))) {
      refuse(409, 'nameAlreadyExists', `A list named '${displayName}' already exists.`);
    }
    if (!Array.isArray(columns)) refuse(400, 'invalidRequest', 'columns must be an array.');
    const template = (listInfo as { template?: unknown } | undefined)?.template ?? 'genericList';
    if (typeof template !== 'string') refuse(400, 'invalidRequest', 'Invalid list template.');

    const list: FakeList = {
      id: randomUUID(),
      name: displayName.replace(/[\s-]/g, ''),
      displayName,
      template,
      columns: BUILT_IN_COLUMNS.map((column) => ({ ...column, id: randomUUID() })),
      items: [],
      nextItemId: 1,
    };
    for (const definition of columns) list.columns.push(columnFrom(definition, list.columns));
    checkIndexLimit(list.columns);
    site.lists.push(list);
    this.writes.listsCreated += 1;
    this.writes.columnsCreated += columns.length;
    return json(201, renderList(list));
  }

  private getColumns(call: GraphCall, site: FakeSite, [listId = '']: readonly string[]) {
    acceptOnly(call, ['select']);
    const select = selection(call);
    const list = listOf(site, listId);
    return json(200, { value: list.columns.map((column) => pick(renderColumn(column), select)) });
  }

  private createColumn(call: GraphCall, site: FakeSite, [listId = '']: readonly string[]) {
    acceptOnly(call, []);
    const list = listOf(site, listId);
    const column = columnFrom(objectBody(call), list.columns);
    checkIndexLimit([...list.columns, column]);
    list.columns.push(column);
    this.writes.columnsCreated += 1;
    return json(201, renderColumn(column));
  }

  private updateColumn(
    call: GraphCall,
    site: FakeSite,
    [listId = '', columnId = '']: readonly string[],
  ): GraphAnswer {
    acceptOnly(call, []);
    const list = listOf(site, listId);
    const column =
      list.columns.find((candidate) => sameName(candidate.id, columnId)) ??
      refuse(404, 'itemNotFound', `Column '${columnId}' does not exist.`);
    const { indexed, ...others } = objectBody(call);
    const unsupported = Object.keys(others)[0];
    if (unsupported !== undefined) {
      refuse(400, 'invalidRequest', `Changing '${unsupported}' is not supported by the stand-in.`);
    }
    if (typeof indexed !== 'boolean') refuse(400, 'invalidRequest', 'indexed must be a boolean.');
    checkIndexRules({ ...column, indexed });
    checkIndexLimit(list.columns.map((c) => (c === column ? { ...c, indexed } : c)));
    column.indexed = indexed;
    this.writes.columnsChanged += 1;
    return json(200, renderColumn(column));
  }

  private getItems(call: GraphCall, site: FakeSite, [listId = '']: readonly string[]) {
    acceptOnly(call, ['expand', 'filter', 'top', 'skiptoken']);
    const list = listOf(site, listId);
    const expansion = fieldsExpansion(call, list);
    const top = pageSize(option(call, 'top'));
    const after = afterItemId(option(call, 'skiptoken'));
    const matches = this.filterOf(call, list);

    const found = list.items.filter((item) => Number(item.id) > after && matches(item));
    const page = found.slice(0, top);
    const body: Record<string, unknown> = {
      value: page.map((item) => renderItem(list, item, expansion)),
    };
    const last = page[page.length - 1];
    if (found.length > top && last) body['@odata.nextLink'] = this.nextLink(call, last);
    return json(200, body);
  }

  private getItem(call: GraphCall, site: FakeSite, [listId = '', itemId = '']: readonly string[]) {
    acceptOnly(call, ['expand']);
    const list = listOf(site, listId);
    const expansion = fieldsExpansion(call, list);
    return json(200, renderItem(list, itemOf(list, itemId), expansion));
  }

  private createItem(call: GraphCall, site: FakeSite, [listId = '']: readonly string[]) {
    acceptOnly(call, []);
    const list = listOf(site, listId);
    const { fields = {} } = objectBody(call);
    const item = this.writeItem(list, undefined, fields);
    return json(201, renderItem(list, item, { select: undefined }));
  }

  private updateFields(
    call: GraphCall,
    site: FakeSite,
    [listId = '', itemId = '']: readonly string[],
  ): GraphAnswer {
    acceptOnly(call, []);
    const list = listOf(site, listId);
    const item = itemOf(list, itemId);
    checkIfMatch(call, item);
    this.writeItem(list, item, objectBody(call));
    return json(200, renderFields(list, item, undefined));
  }

  private deleteItem(
    call: GraphCall,
    site: FakeSite,
    [listId = '', itemId = '']: readonly string[],
  ): GraphAnswer {
    acceptOnly(call, []);
    const list = listOf(site, listId);
    const item = itemOf(list, itemId);
    checkIfMatch(call, item);
    list.items.splice(list.items.indexOf(item), 1);
    return { status: 204, headers: {} };
  }

  /** Creates an item (no `item`) or changes one; nothing is written when a check fails. */
  private writeItem(list: FakeList, item: FakeListItem | undefined, fields: unknown): FakeListItem {
    const changes = checkedChanges(list, fields);
    checkUnique(list, item, changes);
    const now = isoSeconds(this.now());
    const target: FakeListItem = item ?? {
      id: String(list.nextItemId),
      uniqueId: randomUUID(),
      version: 0,
      createdDateTime: now,
      lastModifiedDateTime: now,
      fields: {},
    };
    target.fields = Object.fromEntries(
      Object.entries({ ...target.fields, ...changes }).filter(([, value]) => value !== null),
    );
    target.version += 1;
    target.lastModifiedDateTime = now;
    if (!item) {
      list.items.push(target);
      list.nextItemId += 1;
    }
    return target;
  }

  /** The item predicate of `$filter`, refusing columns that are not indexed unless asked to. */
  private filterOf(call: GraphCall, list: FakeList): (item: FakeListItem) => boolean {
    const text = option(call, 'filter');
    if (text === undefined) return () => true;
    const referenced = new Set<FakeColumn>();
    const matches = compileFilter(parseFilter(text), list, referenced);
    const notIndexed = [...referenced].filter((column) => !column.indexed).map((c) => c.name);
    if (notIndexed.length > 0) {
      const honoured = (call.headers.prefer ?? '')
        .split(',')
        .some((preference) => preference.trim().toLowerCase() === HONOUR_NON_INDEXED);
      this.nonIndexedFilters.push({ list: list.displayName, fields: notIndexed, honoured });
      if (!honoured) {
        refuse(
          400,
          'invalidRequest',
          `Field '${notIndexed[0]}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
        );
      }
    }
    return matches;
  }

  /** Graph's nextLink: absolute, the same query, and SharePoint's paging position. */
  private nextLink(call: GraphCall, last: FakeListItem): string {
    const kept = [...call.query.entries()]
      .filter(([key]) => key.replace(/^\$/, '') !== 'skiptoken')
      .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
    const token = Buffer.from(`Paged=TRUE&p_ID=${last.id}`).toString('base64url');
    return `${this.baseUrl}${call.path}?${[...kept, `$skiptoken=${token}`].join('&')}`;
  }
}

/** A refused request, thrown from deep in a check and answered by the route. */
class Refusal extends Error {
  constructor(readonly answer: GraphAnswer) {
    super(JSON.stringify(answer.body));
  }
}

function refuse(status: number, code: string, message: string): never {
  throw new Refusal(graphError(status, code, message));
}

function accessDenied(): GraphAnswer {
  return graphError(403, 'accessDenied', 'Access denied');
}

function json(status: number, body: unknown): GraphAnswer {
  return { status, headers: { 'Content-Type': 'application/json' }, body };
}

function builtIn(
  name: string,
  type: ColumnType,
  readOnly: boolean,
  facets: Pick<FakeColumn, 'text' | 'dateTime'> = {},
): Omit<FakeColumn, 'id'> {
  return {
    name,
    displayName: name,
    indexed: false,
    enforceUniqueValues: false,
    readOnly,
    hidden: false,
    type,
    ...facets,
  };
}

/** SharePoint names of sites, lists and columns, and GUIDs, do not differ by letter case. */
function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function eTagOf(item: FakeListItem): string {
  return `"${item.uniqueId},${item.version}"`;
}

/** An ISO date-time in UTC to the second, a time without a zone taken as UTC. */
function normalisedDateTime(value: string): string | undefined {
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return undefined;
  const zoned = value.includes('T') && match[1] === undefined ? `${value}Z` : value;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? undefined : isoSeconds(ms);
}

/** Query options the endpoint implements; with or without `$`, as Graph accepts both. */
function acceptOnly(call: GraphCall, supported: readonly string[]): void {
  for (const key of call.query.keys()) {
    const name = key.replace(/^\$/, '');
    if (key.startsWith('$') && !supported.includes(name)) {
      refuse(400, 'invalidRequest', `Query option '${key}' is not supported on '${call.path}'.`);
    }
  }
}

function option(call: GraphCall, name: string): string | undefined {
  return call.query.get(`$${name}`) ?? call.query.get(name) ?? undefined;
}

function selection(call: GraphCall): string[] | undefined {
  return option(call, 'select')
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

function pick(all: Record<string, unknown>, select: readonly string[] | undefined) {
  if (!select) return all;
  return Object.fromEntries(Object.entries(all).filter(([key]) => select.includes(key)));
}

function objectBody(call: GraphCall): Record<string, unknown> {
  const { body } = call;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    refuse(400, 'invalidRequest', 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

function listOf(site: FakeSite, listId: string): FakeList {
  return (
    site.lists.find((list) => sameName(list.id, listId)) ??
    refuse(404, 'itemNotFound', `List '${listId}' does not exist.`)
  );
}

function itemOf(list: FakeList, itemId: string): FakeListItem {
  return (
    list.items.find((item) => item.id === itemId) ??
    refuse(404, 'itemNotFound', `Item '${itemId}' does not exist in '${list.displayName}'.`)
  );
}

function checkIfMatch(call: GraphCall, item: FakeListItem): void {
  const expected = call.headers['if-match'];
  if (expected === undefined || expected.trim() === '*') return;
  if (expected.trim() !== eTagOf(item)) {
    refuse(
      412,
      'preconditionFailed',
      `The request ETag value '${expected}' does not match the object's ETag value '${eTagOf(item)}'.`,
    );
  }
}

function renderList(list: FakeList): Record<string, unknown> {
  return {
    id: list.id,
    displayName: list.displayName,
    name: list.name,
    list: { template: list.template },
  };
}

function renderColumn(column: FakeColumn): Record<string, unknown> {
  const facet =
    column.type === 'text'
      ? { ...column.text }
      : column.type === 'dateTime'
        ? { ...column.dateTime }
        : {};
  return {
    id: column.id,
    name: column.name,
    displayName: column.displayName,
    indexed: column.indexed,
    enforceUniqueValues: column.enforceUniqueValues,
    readOnly: column.readOnly,
    hidden: column.hidden,
    [column.type]: facet,
  };
}

/** A column from a columnDefinition, checked against the list's columns so far. */
function columnFrom(definition: unknown, existing: readonly FakeColumn[]): FakeColumn {
  if (typeof definition !== 'object' || definition === null) {
    refuse(400, 'invalidRequest', 'A column definition must be an object.');
  }
  const body = definition as Record<string, unknown>;
  const unsupported = Object.keys(body).find((key) => !COLUMN_PROPERTIES.has(key));
  if (unsupported) {
    refuse(
      400,
      'invalidRequest',
      `Column property '${unsupported}' is not supported by the stand-in.`,
    );
  }
  const { name, displayName = name, indexed = false, enforceUniqueValues = false } = body;
  if (typeof name !== 'string' || !COLUMN_NAME.test(name)) {
    refuse(400, 'invalidRequest', `Invalid column name '${String(name)}'.`);
  }
  if (
    typeof displayName !== 'string' ||
    typeof indexed !== 'boolean' ||
    typeof enforceUniqueValues !== 'boolean'
  ) {
    refuse(400, 'invalidRequest', `Invalid definition of column '${name}'.`);
  }
  if (existing.some((column) => sameName(column.name, name))) {
    refuse(409, 'nameAlreadyExists', `A column named '${name}' already exists.`);
  }
  const types = COLUMN_TYPES.filter((type) => body[type] !== undefined);
  const [type] = types;
  if (type === undefined || types.length > 1) {
    refuse(
      400,
      'invalidRequest',
      `Column '${name}' needs exactly one of ${COLUMN_TYPES.join(', ')}.`,
    );
  }
  const column: FakeColumn = {
    id: randomUUID(),
    name,
    displayName,
    indexed,
    enforceUniqueValues,
    readOnly: false,
    hidden: false,
    type,
    ...facetsFrom(name, type, body[type]),
  };
  checkIndexRules(column);
  return column;
}

function facetsFrom(
  name: string,
  type: ColumnType,
  facet: unknown,
): Pick<FakeColumn, 'text' | 'dateTime'> {
  const {
    allowMultipleLines = false,
    maxLength,
    format,
  } = (facet ?? {}) as Record<string, unknown>;
  if (type === 'text') {
    const limit = allowMultipleLines ? MULTI_LINE_MAX_LENGTH : SINGLE_LINE_MAX_LENGTH;
    if (
      typeof allowMultipleLines !== 'boolean' ||
      (maxLength !== undefined && !isLength(maxLength, limit))
    ) {
      refuse(400, 'invalidRequest', `Invalid text settings of column '${name}'.`);
    }
    return { text: { allowMultipleLines, ...(maxLength === undefined ? {} : { maxLength }) } };
  }
  if (type === 'dateTime') {
    if (format !== undefined && format !== 'dateOnly' && format !== 'dateTime') {
      refuse(400, 'invalidRequest', `Invalid dateTime format of column '${name}'.`);
    }
    return { dateTime: format === undefined ? {} : { format } };
  }
  return {};
}

function isLength(value: unknown, limit: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= limit;
}

function checkIndexRules(column: FakeColumn): void {
  if (column.enforceUniqueValues && !column.indexed) {
    refuse(
      400,
      'invalidRequest',
      `Column '${column.name}' enforces unique values and so must be indexed.`,
    );
  }
  if (column.indexed && column.text?.allowMultipleLines) {
    refuse(
      400,
      'invalidRequest',
      `Column '${column.name}' has multiple lines of text and cannot be indexed.`,
    );
  }
}

function checkIndexLimit(columns: readonly FakeColumn[]): void {
  if (columns.filter((column) => column.indexed).length > MAX_INDEXED_COLUMNS) {
    refuse(
      400,
      'invalidRequest',
      `A list can have at most ${MAX_INDEXED_COLUMNS} indexed columns.`,
    );
  }
}

/** The checked and normalised values to write; null clears a value. */
function checkedChanges(list: FakeList, fields: unknown): Record<string, unknown> {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    refuse(400, 'invalidRequest', 'fields must be a JSON object.');
  }
  const changes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    // OData annotations such as @odata.etag travel with fields read earlier; they are no value.
    if (name.startsWith('@odata.')) continue;
    const column =
      list.columns.find((candidate) => candidate.name === name) ??
      refuse(400, 'invalidRequest', `Field '${name}' is not recognized`);
    if (column.readOnly) refuse(400, 'invalidRequest', `Field '${name}' is read-only`);
    changes[name] = value === null ? null : checkedValue(column, value);
  }
  return changes;
}

function checkedValue(column: FakeColumn, value: unknown): unknown {
  const invalid = (): never =>
    refuse(
      400,
      'invalidRequest',
      `Invalid value for field '${column.name}' of type ${column.type}.`,
    );
  switch (column.type) {
    case 'text': {
      if (typeof value !== 'string') return invalid();
      const limit =
        column.text?.maxLength ??
        (column.text?.allowMultipleLines ? MULTI_LINE_MAX_LENGTH : SINGLE_LINE_MAX_LENGTH);
      if (value.length > limit) {
        refuse(
          400,
          'invalidRequest',
          `The value of field '${column.name}' is longer than ${limit} characters.`,
        );
      }
      return value;
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : invalid();
    case 'boolean':
      return typeof value === 'boolean' ? value : invalid();
    case 'dateTime':
      return (typeof value === 'string' && normalisedDateTime(value)) || invalid();
  }
}

function checkUnique(
  list: FakeList,
  item: FakeListItem | undefined,
  changes: Record<string, unknown>,
): void {
  const clashing = list.columns
    .filter((column) => column.enforceUniqueValues && changes[column.name] != null)
    .filter((column) =>
      list.items.some(
        (other) => other !== item && other.fields[column.name] === changes[column.name],
      ),
    )
    .map((column) => column.name);
  if (clashing.length > 0) {
    refuse(
      409,
      'nameAlreadyExists',
      `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${clashing.join(', ')}].`,
    );
  }
}

interface FieldsExpansion {
  /** Only these columns; all when undefined. */
  select: readonly string[] | undefined;
}

/** `$expand=fields` or `fields($select=A,B)`; undefined when fields are not expanded. */
function fieldsExpansion(call: GraphCall, list: FakeList): FieldsExpansion | undefined {
  const expand = option(call, 'expand');
  if (expand === undefined) return undefined;
  const match = /^fields(?:\(\$?select=([^)]*)\))?$/.exec(expand.trim());
  if (!match) refuse(400, 'invalidRequest', `Parsing OData Select and Expand failed: '${expand}'.`);
  const select = match[1]
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = select?.find(
    (name) => name !== 'id' && !list.columns.some((column) => column.name === name),
  );
  if (unknown !== undefined) refuse(400, 'invalidRequest', `Field '${unknown}' is not recognized`);
  return { select };
}

function renderItem(
  list: FakeList,
  item: FakeListItem,
  expansion: FieldsExpansion | undefined,
): Record<string, unknown> {
  const eTag = eTagOf(item);
  return {
    '@odata.etag': eTag,
    eTag,
    id: item.id,
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
    ...(expansion ? { fields: renderFields(list, item, expansion.select) } : {}),
  };
}

/**
 * The fieldValueSet: like SharePoint, it leaves out empty values, and without a selection
 * gives `id` rather than the ID column.
 */
function renderFields(
  list: FakeList,
  item: FakeListItem,
  select: readonly string[] | undefined,
): Record<string, unknown> {
  const names = select ?? list.columns.map((column) => column.name).filter((name) => name !== 'ID');
  const fields: Record<string, unknown> = { '@odata.etag': eTagOf(item), id: item.id };
  for (const name of names) {
    const value = fieldValue(item, name);
    if (name !== 'id' && value !== undefined) fields[name] = value;
  }
  return fields;
}

function fieldValue(item: FakeListItem, name: string): unknown {
  const computed = COMPUTED_VALUES[name];
  return computed ? computed(item) : item.fields[name];
}

function pageSize(top: string | undefined): number {
  if (top === undefined) return DEFAULT_PAGE_SIZE;
  const size = Number(top);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    refuse(400, 'invalidRequest', `Invalid page size specified: '${top}'.`);
  }
  return size;
}

/** The paging position in a skip token: items after this id come next. */
function afterItemId(token: string | undefined): number {
  if (token === undefined) return 0;
  const match = /^Paged=TRUE&p_ID=(\d+)$/.exec(Buffer.from(token, 'base64url').toString());
  if (!match) refuse(400, 'invalidRequest', 'Invalid skip token.');
  return Number(match[1]);
}

type Comparison = 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge';
type Literal = string | number | boolean;
type Filter =
  | { kind: 'compare'; field: string; comparison: Comparison; literal: Literal }
  | { kind: 'and' | 'or'; left: Filter; right: Filter };
type Token = { kind: '(' | ')' | 'string' | 'number' | 'word'; text: string };

const COMPARISONS: readonly string[] = ['eq', 'ne', 'lt', 'gt', 'le', 'ge'];
const TOKEN = /\s*(?:(\()|(\))|'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?)(?![\w.])|([A-Za-z_][\w/]*))/y;

function invalidFilter(detail: string): never {
  return refuse(400, 'invalidRequest', `Invalid filter clause: ${detail}`);
}

function tokens(text: string): Token[] {
  const found: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.trimEnd().length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) invalidFilter(`unexpected '${text.slice(at).trim()}'.`);
    const [, open, close, quoted, number, word] = match;
    if (open) found.push({ kind: '(', text: open });
    else if (close) found.push({ kind: ')', text: close });
    else if (quoted !== undefined) found.push({ kind: 'string', text: quoted.replace(/''/g, "'") });
    else if (number) found.push({ kind: 'number', text: number });
    else found.push({ kind: 'word', text: word ?? '' });
  }
  return found;
}

/**
 * `$filter` by recursive descent: `or` binds looser than `and`, parentheses group, and each
 * comparison is `fields/<Name> <op> <literal>`.
 */
function parseFilter(text: string): Filter {
  const queue = tokens(text);
  let position = 0;
  const peek = (): Token | undefined => queue[position];
  const next = (): Token => queue[position++] ?? invalidFilter('it ends too early.');
  const isWord = (word: string): boolean => peek()?.kind === 'word' && peek()?.text === word;

  const either = (): Filter => {
    let left = both();
    while (isWord('or')) {
      position += 1;
      left = { kind: 'or', left, right: both() };
    }
    return left;
  };
  const both = (): Filter => {
    let left = term();
    while (isWord('and')) {
      position += 1;
      left = { kind: 'and', left, right: term() };
    }
    return left;
  };
  const term = (): Filter => {
    if (peek()?.kind === '(') {
      position += 1;
      const inner = either();
      if (next().kind !== ')') invalidFilter('a parenthesis is not closed.');
      return inner;
    }
    const property = next();
    const field = property.kind === 'word' ? /^fields\/(\w+)$/.exec(property.text)?.[1] : undefined;
    if (field === undefined) invalidFilter(`'${property.text}' is not fields/<column>.`);
    const comparison = next();
    if (comparison.kind !== 'word' || !COMPARISONS.includes(comparison.text)) {
      invalidFilter(`'${comparison.text}' is not a comparison.`);
    }
    return {
      kind: 'compare',
      field,
      comparison: comparison.text as Comparison,
      literal: literal(next()),
    };
  };

  const filter = either();
  if (position < queue.length) invalidFilter(`unexpected '${peek()?.text}'.`);
  return filter;
}

function literal(token: Token): Literal {
  if (token.kind === 'string') return token.text;
  if (token.kind === 'number') return Number(token.text);
  if (token.kind === 'word' && (token.text === 'true' || token.text === 'false')) {
    return token.text === 'true';
  }
  return invalidFilter(`'${token.text}' is not a value.`);
}

/** The predicate of a parsed filter, its literals checked against the columns' types. */
function compileFilter(
  filter: Filter,
  list: FakeList,
  referenced: Set<FakeColumn>,
): (item: FakeListItem) => boolean {
  if (filter.kind !== 'compare') {
    const left = compileFilter(filter.left, list, referenced);
    const right = compileFilter(filter.right, list, referenced);
    return filter.kind === 'and'
      ? (item) => left(item) && right(item)
      : (item) => left(item) || right(item);
  }
  const column =
    list.columns.find((candidate) => candidate.name === filter.field) ??
    refuse(400, 'invalidRequest', `Field '${filter.field}' is not recognized`);
  referenced.add(column);
  const operand = comparable(column, filter.literal);
  if (operand === undefined) {
    invalidFilter(`'${String(filter.literal)}' cannot be compared with field '${column.name}'.`);
  }
  return (item) => {
    const value = fieldValue(item, column.name);
    if (value === undefined) return filter.comparison === 'ne';
    const stored = comparable(column, value as Literal) as number | string;
    const order = stored < operand ? -1 : stored > operand ? 1 : 0;
    return holds(filter.comparison, order);
  };
}

/** A value of the column as something `<` orders: instants for dates, 0/1 for booleans. */
function comparable(column: FakeColumn, value: Literal): number | string | undefined {
  switch (column.type) {
    case 'text':
      return typeof value === 'string' ? value : undefined;
    case 'number':
      return typeof value === 'number' ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean'
        ? Number(value)
        : value === 0 || value === 1
          ? value
          : undefined;
    case 'dateTime': {
      const normalised = typeof value === 'string' ? normalisedDateTime(value) : undefined;
      return normalised === undefined ? undefined : Date.parse(normalised);
    }
  }
}

function holds(comparison: Comparison, order: number): boolean {
  switch (comparison) {
    case 'eq':
      return order === 0;
    case 'ne':
      return order !== 0;
    case 'lt':
      return order < 0;
    case 'gt':
      return order > 0;
    case 'le':
      return order <= 0;
    case 'ge':
      return order >= 0;
  }
}

import { FakeGraph } from '../fakes/fakeGraph';
import { FakeSharePoint } from '../fakes/fakeSharePoint';

/**
 * The SharePoint lists stand-in driven over HTTP with plain fetch, as Graph would be, so the
 * plan store written against it meets the protocol and not the stand-in's internals.
 */

interface Reply {
  status: number;
  // The tests read whatever Graph answered; its shape is what they assert.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

interface Item {
  id: string;
  eTag: string;
  '@odata.etag': string;
  fields?: Record<string, unknown>;
}

const NOT_INDEXED_MESSAGE =
  "Field 'Note' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.";

let graph: FakeGraph;
let sharePoint: FakeSharePoint;
let siteId: string;

beforeEach(async () => {
  graph = await FakeGraph.start();
  sharePoint = FakeSharePoint.mountOn(graph);
  siteId = sharePoint.addSite({
    hostname: 'contoso.sharepoint.com',
    path: 'contoso.sharepoint.com:/sites/kompetensdialog',
    displayName: 'Kompetensdialog',
  });
});

afterEach(() => graph.stop());

async function send(
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const url = path.startsWith('http') ? path : `${graph.url}/v1.0${path}`;
  const response = await fetch(url, {
    method,
    headers: {
      Authorization: 'Bearer x',
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const get = (path: string, headers?: Record<string, string>) =>
  send('GET', path, headers ? { headers } : {});

/** The plans list as the app would provision it: indexed columns to filter on, one unique. */
async function provisionPlans(): Promise<string> {
  const created = await send('POST', `/sites/${siteId}/lists`, {
    body: {
      displayName: 'Individual plans',
      list: { template: 'genericList' },
      columns: [
        { name: 'PlanKey', text: {}, indexed: true, enforceUniqueValues: true },
        { name: 'EmployeeId', text: {}, indexed: true },
        { name: 'Period', number: {}, indexed: true },
        { name: 'DueAt', dateTime: { format: 'dateTime' }, indexed: true },
        { name: 'Done', boolean: {} },
        { name: 'Note', text: { allowMultipleLines: true } },
      ],
    },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

async function addPlan(listId: string, fields: Record<string, unknown>): Promise<Item> {
  const created = await send('POST', `/sites/${siteId}/lists/${listId}/items`, {
    body: { fields },
  });
  expect(created.status).toBe(201);
  return created.body;
}

describe('FakeSharePoint: sites and grants', () => {
  it('when the site is asked for by its path or by its id in other letters, then the same site answers with the $select-ed properties; an unknown site is 404 itemNotFound', async () => {
    const byPath = await get('/sites/contoso.sharepoint.com:/sites/kompetensdialog');
    const byId = await get(`/sites/${siteId.toUpperCase()}?$select=id,displayName`);
    const unknown = await get('/sites/contoso.sharepoint.com:/sites/elsewhere');

    expect(byPath).toEqual({
      status: 200,
      body: {
        id: siteId,
        displayName: 'Kompetensdialog',
        name: 'kompetensdialog',
        webUrl: 'https://contoso.sharepoint.com/sites/kompetensdialog',
      },
    });
    expect(byId).toEqual({ status: 200, body: { id: siteId, displayName: 'Kompetensdialog' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('itemNotFound');
  });

  it('when the app holds no grant on the site, then every endpoint of the site answers 403 accessDenied', async () => {
    const listId = await provisionPlans();
    await addPlan(listId, { PlanKey: 'p1' });
    sharePoint.setGrant(siteId, 'none');

    const replies = await Promise.all([
      get('/sites/contoso.sharepoint.com:/sites/kompetensdialog'),
      get(`/sites/${siteId}`),
      get(`/sites/${siteId}/lists`),
      get(`/sites/${siteId}/lists/${listId}/columns`),
      get(`/sites/${siteId}/lists/${listId}/items?$expand=fields`),
      get(`/sites/${siteId}/lists/${listId}/items/1`),
      send('POST', `/sites/${siteId}/lists/${listId}/items`, { body: { fields: {} } }),
    ]);

    expect(replies.map((reply) => [reply.status, reply.body.error.code])).toEqual(
      replies.map(() => [403, 'accessDenied']),
    );
  });

  it('when the app holds only a read grant, then reads answer and every write is refused with 403 and nothing written', async () => {
    const listId = await provisionPlans();
    const plan = await addPlan(listId, { PlanKey: 'p1' });
    const column = (await get(`/sites/${siteId}/lists/${listId}/columns`)).body.value.find(
      (c: { name: string }) => c.name === 'Note',
    );
    const before = sharePoint.items(siteId, 'Individual plans');
    sharePoint.setGrant(siteId, 'read');
    const lists = `/sites/${siteId}/lists`;
    const items = `${lists}/${listId}/items`;

    const reads = await Promise.all([get(lists), get(`${items}?$expand=fields`)]);
    const writes = await Promise.all([
      send('POST', lists, { body: { displayName: 'Preparations' } }),
      send('POST', `${lists}/${listId}/columns`, { body: { name: 'Unit', text: {} } }),
      send('PATCH', `${lists}/${listId}/columns/${column.id}`, { body: { indexed: false } }),
      send('POST', items, { body: { fields: { PlanKey: 'p2' } } }),
      send('PATCH', `${items}/1/fields`, { body: { Title: 'x' } }),
      send('DELETE', `${items}/1`, { headers: { 'If-Match': plan.eTag } }),
    ]);

    expect(reads.map((reply) => reply.status)).toEqual([200, 200]);
    expect(writes.map((reply) => [reply.status, reply.body.error.code])).toEqual(
      writes.map(() => [403, 'accessDenied']),
    );
    expect(sharePoint.items(siteId, 'Individual plans')).toEqual(before);
    expect(sharePoint.writes).toEqual({ listsCreated: 1, columnsCreated: 6, columnsChanged: 0 });
  });
});

describe('FakeSharePoint: lists and columns', () => {
  it('when a list is provisioned with indexed and unique columns, then the list, its columns and SharePoint’s built-in columns are there and the writes are counted', async () => {
    const listId = await provisionPlans();

    const lists = await get(`/sites/${siteId}/lists`);
    const columns = await get(`/sites/${siteId}/lists/${listId}/columns`);

    expect(lists.body.value).toEqual([
      {
        id: listId,
        displayName: 'Individual plans',
        name: 'Individualplans',
        list: { template: 'genericList' },
      },
    ]);
    const byName = Object.fromEntries(
      columns.body.value.map((column: { name: string }) => [column.name, column]),
    );
    expect(Object.keys(byName)).toEqual(
      expect.arrayContaining([
        'Title',
        'ID',
        'Created',
        'Modified',
        'ContentType',
        'Attachments',
        'Edit',
        'LinkTitle',
      ]),
    );
    expect(byName.Title).toMatchObject({ indexed: false, text: { allowMultipleLines: false } });
    expect(byName.PlanKey).toEqual({
      id: expect.any(String),
      name: 'PlanKey',
      displayName: 'PlanKey',
      indexed: true,
      enforceUniqueValues: true,
      readOnly: false,
      hidden: false,
      text: { allowMultipleLines: false },
    });
    expect(byName.Period).toMatchObject({ indexed: true, number: {} });
    expect(byName.DueAt).toMatchObject({ indexed: true, dateTime: { format: 'dateTime' } });
    expect(byName.Done).toMatchObject({ indexed: false, boolean: {} });
    expect(byName.Note).toMatchObject({ indexed: false, text: { allowMultipleLines: true } });
    expect(sharePoint.writes).toEqual({ listsCreated: 1, columnsCreated: 6, columnsChanged: 0 });
    expect(sharePoint.listByName(siteId, 'individual plans')?.id).toBe(listId);
  });

  it('when a second list with the same name is created, then it is refused with 409 nameAlreadyExists and nothing changes', async () => {
    await provisionPlans();

    const again = await send('POST', `/sites/${siteId}/lists`, {
      body: { displayName: 'Individual plans', columns: [{ name: 'Other', text: {} }] },
    });

    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('nameAlreadyExists');
    expect((await get(`/sites/${siteId}/lists`)).body.value).toHaveLength(1);
    expect(sharePoint.writes).toEqual({ listsCreated: 1, columnsCreated: 6, columnsChanged: 0 });
  });

  it.each([
    {
      what: 'a name a column has',
      definition: { name: 'EmployeeId', text: {} },
      status: 409,
      code: 'nameAlreadyExists',
    },
    {
      what: 'a built-in name',
      definition: { name: 'Title', text: {} },
      status: 409,
      code: 'nameAlreadyExists',
    },
    {
      what: 'unique values without an index',
      definition: { name: 'Unit', text: {}, enforceUniqueValues: true },
      status: 400,
      code: 'invalidRequest',
    },
    {
      what: 'an index on multiple lines of text',
      definition: { name: 'Summary', text: { allowMultipleLines: true }, indexed: true },
      status: 400,
      code: 'invalidRequest',
    },
    { what: 'no type', definition: { name: 'Unit' }, status: 400, code: 'invalidRequest' },
  ])(
    'when a column is added with $what, then it is refused with $status $code and not created',
    async ({ definition, status, code }) => {
      const listId = await provisionPlans();

      const reply = await send('POST', `/sites/${siteId}/lists/${listId}/columns`, {
        body: definition,
      });

      expect(reply.status).toBe(status);
      expect(reply.body.error.code).toBe(code);
      expect(sharePoint.writes.columnsCreated).toBe(6);
    },
  );

  it('when a column is added and then indexed, then it answers 201 and 200 with the column, and a multi-line column cannot be indexed', async () => {
    const listId = await provisionPlans();
    const columns = `/sites/${siteId}/lists/${listId}/columns`;

    const added = await send('POST', columns, { body: { name: 'Unit', text: {} } });
    const indexed = await send('PATCH', `${columns}/${added.body.id}`, { body: { indexed: true } });
    const note = sharePoint
      .listByName(siteId, 'Individual plans')
      ?.columns.find((column) => column.name === 'Note');
    const noteIndexed = await send('PATCH', `${columns}/${note?.id}`, { body: { indexed: true } });

    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: 'Unit', indexed: false, text: {} });
    expect(indexed.status).toBe(200);
    expect(indexed.body).toMatchObject({ id: added.body.id, name: 'Unit', indexed: true });
    expect(noteIndexed.status).toBe(400);
    expect(noteIndexed.body.error.code).toBe('invalidRequest');
    expect(note?.indexed).toBe(false);
    expect(sharePoint.writes).toEqual({ listsCreated: 1, columnsCreated: 7, columnsChanged: 1 });
  });

  it('when a list would get a 21st indexed column, then it is refused with 400', async () => {
    const listId = await provisionPlans();
    const columns = `/sites/${siteId}/lists/${listId}/columns`;
    const replies: number[] = [];

    for (let n = 1; n <= 17; n += 1) {
      replies.push(
        (await send('POST', columns, { body: { name: `C${n}`, number: {}, indexed: true } }))
          .status,
      );
    }

    // Four indexed columns came with the list: 4 + 16 is the limit.
    expect(replies.slice(0, 16)).toEqual(Array(16).fill(201));
    expect(replies[16]).toBe(400);
  });
});

describe('FakeSharePoint: reading items', () => {
  it('when items are read without $expand, then they carry no fields; with fields($select=…) only those fields, id and the eTag', async () => {
    const listId = await provisionPlans();
    await addPlan(listId, { PlanKey: 'p1', EmployeeId: 'anna', Title: 'Anna 2026' });
    await addPlan(listId, { PlanKey: 'p2', EmployeeId: 'david' });
    const items = `/sites/${siteId}/lists/${listId}/items`;

    const bare = await get(items);
    const selected = await get(`${items}?$expand=fields($select=EmployeeId,Title)`);

    expect(bare.body.value.map((item: Item) => [item.id, item.fields])).toEqual([
      ['1', undefined],
      ['2', undefined],
    ]);
    const [first, second] = selected.body.value as Item[];
    expect(first).toEqual({
      '@odata.etag': first?.eTag,
      eTag: expect.stringMatching(/^"[0-9a-f-]{36},1"$/),
      id: '1',
      createdDateTime: expect.any(String),
      lastModifiedDateTime: expect.any(String),
      fields: { '@odata.etag': first?.eTag, id: '1', EmployeeId: 'anna', Title: 'Anna 2026' },
    });
    // SharePoint leaves empty values out of fields.
    expect(second?.fields).toEqual({ '@odata.etag': second?.eTag, id: '2', EmployeeId: 'david' });
  });

  it('when one item is read by id, then it answers with its fields; an unknown item or list is 404 itemNotFound', async () => {
    const listId = await provisionPlans();
    await addPlan(listId, { PlanKey: 'p1', Period: 2026 });
    const items = `/sites/${siteId}/lists/${listId}/items`;

    const found = await get(`${items}/1?$expand=fields($select=Period)`);
    const missingItem = await get(`${items}/9`);
    const missingList = await get(
      `/sites/${siteId}/lists/00000000-0000-0000-0000-000000000000/items`,
    );

    expect(found.body).toMatchObject({ id: '1', fields: { id: '1', Period: 2026 } });
    expect([missingItem.status, missingItem.body.error.code]).toEqual([404, 'itemNotFound']);
    expect([missingList.status, missingList.body.error.code]).toEqual([404, 'itemNotFound']);
  });

  it('when a filter combines indexed columns with and, or, parentheses and a quoted quote, then exactly the matching items answer, in id order', async () => {
    const listId = await provisionPlans();
    await addPlan(listId, { PlanKey: 'p1', EmployeeId: "o'brien", Period: 2025 });
    await addPlan(listId, { PlanKey: 'p2', EmployeeId: 'anna', Period: 2026 });
    await addPlan(listId, { PlanKey: 'p3', EmployeeId: 'anna', Period: 2025 });
    await addPlan(listId, { PlanKey: 'p4', EmployeeId: 'david' });
    const filter = encodeURIComponent(
      "(fields/EmployeeId eq 'o''brien' or fields/EmployeeId eq 'anna') and fields/Period ge 2025 and fields/Period lt 2026",
    );

    const reply = await get(`/sites/${siteId}/lists/${listId}/items?$filter=${filter}`);
    const unset = await get(
      `/sites/${siteId}/lists/${listId}/items?$filter=${encodeURIComponent('fields/Period ne 2025')}`,
    );

    expect(reply.body.value.map((item: Item) => item.id)).toEqual(['1', '3']);
    expect(unset.body.value.map((item: Item) => item.id)).toEqual(['2', '4']);
    expect(sharePoint.nonIndexedFilters).toEqual([]);
  });

  it('when a filter names a column that is not indexed, then it is refused with 400 unless the Prefer header allows it, and both are recorded', async () => {
    const listId = await provisionPlans();
    await addPlan(listId, { PlanKey: 'p1', Note: 'ok' });
    await addPlan(listId, { PlanKey: 'p2', Note: 'other' });
    const path = `/sites/${siteId}/lists/${listId}/items?$filter=${encodeURIComponent("fields/Note eq 'ok'")}`;

    const refused = await get(path);
    const allowed = await get(path, { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' });

    expect(refused.status).toBe(400);
    expect(refused.body.error).toEqual({ code: 'invalidRequest', message: NOT_INDEXED_MESSAGE });
    expect(allowed.status).toBe(200);
    expect(allowed.body.value.map((item: Item) => item.id)).toEqual(['1']);
    expect(sharePoint.nonIndexedFilters).toEqual([
      { list: 'Individual plans', fields: ['Note'], honoured: false },
      { list: 'Individual plans', fields: ['Note'], honoured: true },
    ]);
  });

  it('when a dateTime column is filtered with ge and a literal in another time zone, then items compare as instants', async () => {
    const listId = await provisionPlans();
    await addPlan(listId, { PlanKey: 'p1', DueAt: '2026-03-02T07:59:59Z' });
    await addPlan(listId, { PlanKey: 'p2', DueAt: '2026-03-02T10:00:00+02:00' });
    await addPlan(listId, { PlanKey: 'p3', DueAt: '2026-03-03' });
    const filter = encodeURIComponent("fields/DueAt ge '2026-03-02T09:00:00+01:00'");

    const reply = await get(
      `/sites/${siteId}/lists/${listId}/items?$filter=${filter}&$expand=fields($select=DueAt)`,
    );

    expect(reply.body.value.map((item: Item) => item.fields?.DueAt)).toEqual([
      '2026-03-02T08:00:00Z',
      '2026-03-03T00:00:00Z',
    ]);
  });

  it.each([
    ['an unparseable filter', "$filter=fields/EmployeeId eq 'anna"],
    ['a property outside fields', "$filter=EmployeeId eq 'anna'"],
    ['a number compared with text', '$filter=fields/EmployeeId eq 7'],
    ['an unknown column', "$filter=fields/Nobody eq 'x'"],
    ['$orderby, which the app does itself', '$orderby=fields/Period'],
    ['$top of 0', '$top=0'],
    ['$top above 5000', '$top=5001'],
  ])(
    'when items are asked for with %s, then it is refused with 400 invalidRequest',
    async (_case, query) => {
      const listId = await provisionPlans();

      const reply = await get(`/sites/${siteId}/lists/${listId}/items?${encodeURI(query)}`);

      expect([reply.status, reply.body.error.code]).toEqual([400, 'invalidRequest']);
    },
  );

  it('when 450 matching items are read with $top=200, then nextLinks carrying the filter lead through pages of 200, 200 and 50 in id order', async () => {
    const listId = await provisionPlans();
    const list = sharePoint.listByName(siteId, 'Individual plans');
    for (let n = 1; n <= 460; n += 1) {
      await addPlan(listId, { PlanKey: `p${n}`, EmployeeId: n % 46 === 0 ? 'david' : 'anna' });
    }
    const filter = encodeURIComponent("fields/EmployeeId eq 'anna'");

    const pages: Item[][] = [];
    const links: string[] = [];
    let next: string | undefined =
      `/sites/${siteId}/lists/${listId}/items?$filter=${filter}&$expand=fields($select=EmployeeId)&$top=200`;
    while (next) {
      const reply: Reply = await get(next);
      expect(reply.status).toBe(200);
      pages.push(reply.body.value);
      next = reply.body['@odata.nextLink'];
      if (next) links.push(next);
    }

    expect(list?.items).toHaveLength(460);
    expect(pages.map((page) => page.length)).toEqual([200, 200, 50]);
    const ids = pages.flat().map((item) => Number(item.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(450);
    expect(pages.flat().every((item) => item.fields?.EmployeeId === 'anna')).toBe(true);
    for (const link of links) {
      expect(link.startsWith(`${graph.url}/v1.0/sites/${siteId}/lists/${listId}/items?`)).toBe(
        true,
      );
      const query = new URL(link).searchParams;
      expect(query.get('$filter')).toBe("fields/EmployeeId eq 'anna'");
      expect(query.get('$expand')).toBe('fields($select=EmployeeId)');
      expect(query.get('$top')).toBe('200');
      expect(query.get('$skiptoken')).toEqual(expect.any(String));
    }
  });
});

describe('FakeSharePoint: writing items', () => {
  it('when an item is created, then it answers 201 with id, eTag version 1 and all its fields, dates normalised to UTC seconds', async () => {
    const listId = await provisionPlans();
    sharePoint.now = () => Date.parse('2026-03-02T08:00:00.750Z');

    const created = await addPlan(listId, {
      Title: 'Anna',
      PlanKey: 'p1',
      Period: 2026,
      Done: false,
      DueAt: '2026-04-01T10:30:15.250+02:00',
    });

    expect(created).toMatchObject({
      id: '1',
      eTag: expect.stringMatching(/^"[0-9a-f-]{36},1"$/),
      createdDateTime: '2026-03-02T08:00:00Z',
      lastModifiedDateTime: '2026-03-02T08:00:00Z',
    });
    expect(created.fields).toEqual({
      '@odata.etag': created.eTag,
      id: '1',
      Title: 'Anna',
      Created: '2026-03-02T08:00:00Z',
      Modified: '2026-03-02T08:00:00Z',
      ContentType: 'Item',
      Attachments: false,
      Edit: '',
      LinkTitle: 'Anna',
      PlanKey: 'p1',
      Period: 2026,
      DueAt: '2026-04-01T08:30:15Z',
      Done: false,
    });
  });

  it.each([
    ['an unknown field', { Nobody: 'x' }, "Field 'Nobody' is not recognized"],
    ['a read-only built-in', { Created: '2026-01-01T00:00:00Z' }, "Field 'Created' is read-only"],
    ['256 characters of single-line text', { Title: 'x'.repeat(256) }, expect.any(String)],
    ['64,000 characters of multi-line text', { Note: 'x'.repeat(64_000) }, expect.any(String)],
    ['a number as a string', { Period: '2026' }, expect.any(String)],
    ['a date that is no ISO date-time', { DueAt: '2 March 2026' }, expect.any(String)],
    ['a boolean as a number', { Done: 1 }, expect.any(String)],
  ])(
    'when an item is created with %s, then it is refused with 400 invalidRequest and nothing is written',
    async (_case, fields, message) => {
      const listId = await provisionPlans();

      const reply = await send('POST', `/sites/${siteId}/lists/${listId}/items`, {
        body: { fields: { PlanKey: 'p1', ...fields } },
      });

      expect(reply.status).toBe(400);
      expect(reply.body.error).toEqual({ code: 'invalidRequest', message });
      expect(sharePoint.items(siteId, 'Individual plans')).toEqual([]);
    },
  );

  it('when a value duplicates another item’s in a unique column, then create and update are refused with 409 and nothing is written; an item may keep its own value', async () => {
    const listId = await provisionPlans();
    await addPlan(listId, { PlanKey: 'p1' });
    await addPlan(listId, { PlanKey: 'p2' });
    const items = `/sites/${siteId}/lists/${listId}/items`;
    const before = sharePoint.items(siteId, 'Individual plans');

    const created = await send('POST', items, { body: { fields: { PlanKey: 'p1', Period: 1 } } });
    const updated = await send('PATCH', `${items}/2/fields`, {
      body: { PlanKey: 'p1', Period: 1 },
    });
    const duplicateMessage =
      'The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [PlanKey].';

    expect(created.status).toBe(409);
    expect(created.body.error).toEqual({ code: 'nameAlreadyExists', message: duplicateMessage });
    expect(updated.status).toBe(409);
    expect(updated.body.error).toEqual({ code: 'nameAlreadyExists', message: duplicateMessage });
    expect(sharePoint.items(siteId, 'Individual plans')).toEqual(before);
    expect((await send('PATCH', `${items}/2/fields`, { body: { PlanKey: 'p2' } })).status).toBe(
      200,
    );
  });

  it('when fields are updated, then each update bumps the eTag version and lastModifiedDateTime; a stale If-Match is 412 and writes nothing, * or no If-Match proceeds', async () => {
    const listId = await provisionPlans();
    sharePoint.now = () => Date.parse('2026-03-02T08:00:00Z');
    const plan = await addPlan(listId, { PlanKey: 'p1', Period: 2025 });
    const fields = `/sites/${siteId}/lists/${listId}/items/1/fields`;
    const guid = plan.eTag.slice(1, 37);
    sharePoint.now = () => Date.parse('2026-03-02T09:00:00Z');

    const first = await send('PATCH', fields, {
      body: { Period: 2026 },
      headers: { 'If-Match': plan.eTag },
    });
    const stale = await send('PATCH', fields, {
      body: { Period: 2027 },
      headers: { 'If-Match': plan.eTag },
    });
    const anyVersion = await send('PATCH', fields, {
      body: { Title: 'Anna' },
      headers: { 'If-Match': '*' },
    });
    const lastWriteWins = await send('PATCH', fields, { body: { Title: null } });
    const item = await get(`/sites/${siteId}/lists/${listId}/items/1?$expand=fields`);

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      '@odata.etag': `"${guid},2"`,
      id: '1',
      Period: 2026,
      PlanKey: 'p1',
    });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('preconditionFailed');
    expect(anyVersion.body['@odata.etag']).toBe(`"${guid},3"`);
    expect(lastWriteWins.body['@odata.etag']).toBe(`"${guid},4"`);
    expect(item.body).toMatchObject({
      eTag: `"${guid},4"`,
      createdDateTime: '2026-03-02T08:00:00Z',
      lastModifiedDateTime: '2026-03-02T09:00:00Z',
    });
    expect(item.body.fields).toMatchObject({ Period: 2026, Modified: '2026-03-02T09:00:00Z' });
    expect(item.body.fields).not.toHaveProperty('Title');
  });

  it('when a person edits the item in SharePoint after the app read it, then the app’s If-Match is stale and its update answers 412', async () => {
    const listId = await provisionPlans();
    const plan = await addPlan(listId, { PlanKey: 'p1', EmployeeId: 'anna' });

    sharePoint.editField(siteId, 'Individual plans', '1', 'EmployeeId', 'david');
    const reply = await send('PATCH', `/sites/${siteId}/lists/${listId}/items/1/fields`, {
      body: { EmployeeId: 'anna' },
      headers: { 'If-Match': plan.eTag },
    });

    expect(reply.status).toBe(412);
    expect(sharePoint.items(siteId, 'Individual plans')).toEqual([
      {
        id: '1',
        eTag: plan.eTag.replace(',1"', ',2"'),
        fields: { PlanKey: 'p1', EmployeeId: 'david' },
      },
    ]);
  });

  it('when an item is deleted, then a stale If-Match is 412 and keeps it, the current eTag answers 204 and removes it, and ids are not reused', async () => {
    const listId = await provisionPlans();
    const plan = await addPlan(listId, { PlanKey: 'p1' });
    const item = `/sites/${siteId}/lists/${listId}/items/1`;
    await send('PATCH', `${item}/fields`, { body: { Period: 1 } });

    const stale = await send('DELETE', item, { headers: { 'If-Match': plan.eTag } });
    const current = await send('DELETE', item, {
      headers: { 'If-Match': plan.eTag.replace(',1"', ',2"') },
    });
    const again = await send('DELETE', item);
    const next = await addPlan(listId, { PlanKey: 'p1' });

    expect([stale.status, current.status, again.status]).toEqual([412, 204, 404]);
    expect(next.id).toBe('2');
  });

  it('when a method is not supported on a path, then it answers 405', async () => {
    const listId = await provisionPlans();

    const reply = await send('PUT', `/sites/${siteId}/lists/${listId}/items`, { body: {} });

    expect([reply.status, reply.body.error.code]).toEqual([405, 'notSupported']);
  });
});

describe('FakeSharePoint: inside $batch', () => {
  it('when a batch carries a PATCH with a stale If-Match and one with the current eTag, then the first answers 412 and the second 200', async () => {
    const listId = await provisionPlans();
    const stalePlan = await addPlan(listId, { PlanKey: 'p1' });
    const currentPlan = await addPlan(listId, { PlanKey: 'p2' });
    await send('PATCH', `/sites/${siteId}/lists/${listId}/items/1/fields`, { body: { Period: 1 } });
    const patch = (id: string, itemId: string, eTag: string) => ({
      id,
      method: 'PATCH',
      url: `/sites/${siteId}/lists/${listId}/items/${itemId}/fields`,
      headers: { 'Content-Type': 'application/json', 'If-Match': eTag },
      body: { Period: 2026 },
    });

    const batch = await send('POST', '/$batch', {
      body: {
        requests: [patch('stale', '1', stalePlan.eTag), patch('current', '2', currentPlan.eTag)],
      },
    });

    expect(batch.status).toBe(200);
    const byId = Object.fromEntries(
      batch.body.responses.map((r: { id: string; status: number; body: unknown }) => [r.id, r]),
    );
    expect(byId.stale.status).toBe(412);
    expect(byId.stale.body.error.code).toBe('preconditionFailed');
    expect(byId.current.status).toBe(200);
    expect(sharePoint.items(siteId, 'Individual plans').map((item) => item.fields.Period)).toEqual([
      1, 2026,
    ]);
  });
});

import { GraphRequests } from '../../bot/graph/graphRequests';
import { MissingGraphPermissionError } from '../../bot/graph/grantedPermissions';
import {
  provisionSharePointLists,
  SHAREPOINT_LISTS,
  SharePointSiteError,
} from '../../bot/graph/sharePointLists';
import type { FakeGraph } from '../fakes/fakeGraph';
import type { FakeSharePoint } from '../fakes/fakeSharePoint';
import { SITE_PATH, startSharePointRig, testTokens } from './graphSupport';

/** The lists the plan store needs, made on the granted site at start and only once. */

let graph: FakeGraph;
let sharePoint: FakeSharePoint;
let siteId: string;
let requests: GraphRequests;

beforeEach(async () => {
  ({ graph, sharePoint, siteId } = await startSharePointRig());
  requests = new GraphRequests({ tokens: testTokens, baseUrl: graph.url });
});

afterEach(async () => {
  await graph.stop();
});

describe('provisioning the SharePoint lists', () => {
  it('when the app starts on an empty site, then the three lists are made with their indexed and unique columns', async () => {
    const site = await provisionSharePointLists(requests, SITE_PATH);

    expect(site.siteId).toBe(siteId);
    for (const spec of Object.values(SHAREPOINT_LISTS)) {
      const list = sharePoint.listByName(siteId, spec.displayName);
      expect(list).toBeDefined();
      for (const wanted of spec.columns) {
        const column = list?.columns.find((c) => c.name === wanted.name);
        expect({
          name: column?.name,
          indexed: column?.indexed,
          unique: column?.enforceUniqueValues,
        }).toEqual({
          name: wanted.name,
          indexed: 'indexed' in wanted && wanted.indexed === true,
          unique: 'unique' in wanted && wanted.unique === true,
        });
      }
    }
    expect(sharePoint.writes.listsCreated).toBe(3);
  });

  it('when the app starts a second time, then it only reads: no list or column is made or changed', async () => {
    const first = await provisionSharePointLists(requests, SITE_PATH);
    const writesBefore = { ...sharePoint.writes };
    graph.resetCounts();

    const second = await provisionSharePointLists(requests, SITE_PATH);

    expect(second).toEqual(first);
    expect(sharePoint.writes).toEqual(writesBefore);
    expect(graph.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('when a list from an earlier version lacks a column and an index, then only those are added', async () => {
    const documents = SHAREPOINT_LISTS.documents;
    await requests.post(`/sites/${siteId}/lists`, {
      displayName: documents.displayName,
      columns: [
        { name: 'Kind', text: {} },
        { name: 'EmployeeId', text: {} },
      ],
      list: { template: 'genericList' },
    });

    const listsBefore = sharePoint.writes.listsCreated;

    await provisionSharePointLists(requests, SITE_PATH);

    const list = sharePoint.listByName(siteId, documents.displayName);
    expect(list?.columns.map((c) => c.name)).toEqual(
      expect.arrayContaining(documents.columns.map((c) => c.name)),
    );
    expect(list?.columns.find((c) => c.name === 'EmployeeId')?.indexed).toBe(true);
    expect(list?.columns.find((c) => c.name === 'NaturalKey')?.enforceUniqueValues).toBe(true);
    expect(sharePoint.writes.columnsChanged).toBe(1);
    // The other two lists were missing altogether; this one was kept.
    expect(sharePoint.writes.listsCreated - listsBefore).toBe(2);
  });

  it('when two instances start at once on an empty site, then both start with the same three lists', async () => {
    const [a, b] = await Promise.all([
      provisionSharePointLists(requests, SITE_PATH),
      provisionSharePointLists(requests, SITE_PATH),
    ]);

    expect(a).toEqual(b);
    expect(sharePoint.writes.listsCreated).toBe(3);
  });

  it.each([
    [
      'the app was granted nothing on the site',
      'none',
      MissingGraphPermissionError,
      /no access.*Sites\.Selected/,
    ],
    ['the app may only read the site', 'read', SharePointSiteError, /read but not write/],
  ] as const)(
    'when %s, then the start is refused, saying what to grant',
    async (_case, grant, type, message) => {
      sharePoint.setGrant(siteId, grant);

      const start = provisionSharePointLists(requests, SITE_PATH);

      await expect(start).rejects.toBeInstanceOf(type);
      await expect(start).rejects.toThrow(message);
    },
  );

  it('when GRAPH_SITE_ID names a site that does not exist, then the start is refused naming the variable', async () => {
    await expect(
      provisionSharePointLists(requests, 'vgregion.sharepoint.com:/sites/finns-inte'),
    ).rejects.toThrow(/does not exist \(GRAPH_SITE_ID\)/);
  });
});

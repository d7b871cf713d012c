import { GraphRequests } from '../../bot/graph/graphRequests';
import { provisionSharePointLists, SHAREPOINT_LISTS } from '../../bot/graph/sharePointLists';
import { SharePointPlanStore } from '../../bot/graph/sharePointPlanStore';
import type { FakeGraph } from '../fakes/fakeGraph';
import type { FakeSharePoint } from '../fakes/fakeSharePoint';
import { describePlanStoreContract } from '../store/planStoreContract';
import { SITE_PATH, startSharePointRig, testTokens } from './graphSupport';

/**
 * PLAN_STORE=graph: the same plan store contract as the embedded database and PostgreSQL,
 * here on SharePoint lists through the Graph stand-in, with real HTTP in between.
 */

let graph: FakeGraph;
let sharePoint: FakeSharePoint;
let siteId: string;
let store: SharePointPlanStore;

beforeAll(async () => {
  ({ graph, sharePoint, siteId } = await startSharePointRig());
  const requests = new GraphRequests({ tokens: testTokens, baseUrl: graph.url });
  store = new SharePointPlanStore(requests, await provisionSharePointLists(requests, SITE_PATH));
});

afterAll(async () => {
  await graph.stop();
});

describe('the plan store on SharePoint lists', () => {
  describePlanStoreContract(() => ({
    store,
    dropGoalsOfStoredPlan: async (planId) => {
      const list = SHAREPOINT_LISTS.documents.displayName;
      const item = sharePoint
        .items(siteId, list)
        .find((each) => each.fields['DocumentKey'] === `individual-plan:${planId}`);
      if (!item) throw new Error(`No stored plan ${planId}`);
      const document = JSON.parse(String(item.fields['Document'])) as Record<string, unknown>;
      delete document['goals'];
      sharePoint.editField(siteId, list, item.id, 'Document', JSON.stringify(document));
    },
  }));
});

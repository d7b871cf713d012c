import { DEMO_USER_HEADER } from '../../bot/api/identity';
import { SHAREPOINT_LISTS } from '../../bot/graph/sharePointLists';
import { translator } from '../../core/i18n/i18n';
import { FakeBotConnector } from '../fakes/botConnector';
import type { FakeGraph } from '../fakes/fakeGraph';
import type { FakeSharePoint } from '../fakes/fakeSharePoint';
import { startTestService, type TestService } from '../support/inProcessService';
import { PersonalChat } from '../support/personalChat';
import { message } from '../support/teamsActivities';
import { appTokens, graphServiceEnvironment, SITE_PATH, startSharePointRig } from './graphSupport';

/**
 * PLAN_STORE=graph in the running service: what people write in the tab lands in the
 * customer's SharePoint site, a restart changes nothing there, and an outage or a missing
 * grant is said plainly.
 */

// Anna Andersson and her manager Karin Lindqvist in the demo organisation.
const ANNA = '00000000-0000-4000-8000-000000000011';
const KARIN = '00000000-0000-4000-8000-000000000001';
const KARINS_UNIT = 'demo-unit-akutmottagningen';

let graph: FakeGraph;
let sharePoint: FakeSharePoint;
let siteId: string;

const environment = () =>
  graphServiceEnvironment(graph, { PLAN_STORE: 'graph', GRAPH_SITE_ID: SITE_PATH });
const start = (roles: string[] = ['Sites.Selected']) =>
  startTestService(environment(), { graphTokens: appTokens(...roles) });

const reflect = (service: TestService, text: string) =>
  fetch(`${service.url}/api/v1/me/reflections`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [DEMO_USER_HEADER]: ANNA },
    body: JSON.stringify({ principle: 'sustainable', text }),
  });

beforeEach(async () => {
  ({ graph, sharePoint, siteId } = await startSharePointRig());
});

afterEach(async () => {
  await graph.stop();
});

describe('plans kept in SharePoint', () => {
  it('when Anna writes a reflection in the tab, then it is an item in the site’s list, and after a restart it is still on her page and no list was touched', async () => {
    const first = await start();
    try {
      expect((await reflect(first, 'Vila mellan passen hjälper')).status).toBe(201);
    } finally {
      await first.stop();
    }
    const items = sharePoint.items(siteId, SHAREPOINT_LISTS.reflections.displayName);
    expect(items.map((item) => item.fields['PersonId'])).toEqual([ANNA]);
    const writes = { ...sharePoint.writes };

    const second = await start();
    try {
      const page = await fetch(`${second.url}/api/v1/me/plan`, {
        headers: { [DEMO_USER_HEADER]: ANNA },
      });
      expect(await page.text()).toContain('Vila mellan passen hjälper');
      expect(sharePoint.writes).toEqual(writes);
    } finally {
      await second.stop();
    }
    // Two service starts, each opening its own embedded database.
  }, 90_000);

  it('when Karin saves the team plan twice from the same version, then the second is the same 409 conflict the tab shows on the database', async () => {
    const service = await start();
    try {
      const save = (text: string) =>
        fetch(`${service.url}/api/v1/units/${KARINS_UNIT}/team-plan`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', [DEMO_USER_HEADER]: KARIN },
          body: JSON.stringify({
            unitGoals: [{ id: 'unit-goal-1', text }],
            neededCompetences: [],
            expectedVersion: 0,
          }),
        });

      const answers = await Promise.all([save('Säker dokumentation'), save('Hållbart arbetsliv')]);

      expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
      const refused = answers.find((r) => r.status === 409);
      expect(((await refused?.json()) as { error: { code: string } }).error.code).toBe(
        'version_conflict',
      );
    } finally {
      await service.stop();
    }
  });

  it('when SharePoint does not answer, then the tab gets 503 store_unavailable with Retry-After and the chat says plans are out of reach', async () => {
    const service = await start();
    const connector = await new FakeBotConnector().start();
    try {
      graph.inject(/\/sites\//, { status: 503, retryAfter: '120' }, 1_000);

      const response = await reflect(service, 'Detta sparas inte');
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBeTruthy();
      expect(await response.json()).toEqual({
        error: { code: 'store_unavailable', message: expect.any(String) },
      });

      const chat = new PersonalChat(() => service, connector, { userId: ANNA });
      const before = connector.messages().length;
      await service.postActivity(message(chat.options, 'min plan'));
      const said = connector
        .messages()
        .slice(before)
        .map((m) => m.text)
        .join('\n');
      expect(said).toContain(translator('sv')('errors.storeUnavailable'));
    } finally {
      await connector.stop();
      await service.stop();
    }
  });

  it.each([
    [
      'the app holds no Sites permission',
      ['User.Read.All'],
      'write',
      /Sites\.Selected.*admin consent/,
    ],
    [
      'the site was never granted to the app',
      ['Sites.Selected'],
      'none',
      /no access.*"write" role/,
    ],
  ] as const)(
    'when %s, then the service does not start and says what to grant',
    async (_case, roles, grant, reason) => {
      sharePoint.setGrant(siteId, grant);

      await expect(start([...roles])).rejects.toThrow(reason);
    },
  );
});

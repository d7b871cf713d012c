import { DEMO_USER_HEADER } from '../../bot/api/identity';
import { FakeBotConnector } from '../fakes/botConnector';
import { FakeGraph } from '../fakes/fakeGraph';
import { startTestService, type TestService } from '../support/inProcessService';
import { cardTexts, PersonalChat } from '../support/personalChat';
import { translator } from '../../core/i18n/i18n';
import { message } from '../support/teamsActivities';
import { appTokens, graphServiceEnvironment } from './graphSupport';

/**
 * DIRECTORY=graph: the service asks Entra ID, through Graph, who is whose manager. Here Graph
 * is the local stand-in; the organisation exists only there.
 */
const BIRGITTA = { id: 'c0a80101-0000-4000-8000-000000000001', displayName: 'Birgitta Holm' };
const REPORTS = [
  { id: 'c0a80101-0000-4000-8000-000000000002', displayName: 'Anna Lind' },
  { id: 'c0a80101-0000-4000-8000-000000000003', displayName: 'David Berg' },
];

const graphEnvironment = () => graphServiceEnvironment(graph, { DIRECTORY: 'graph' });

let graph: FakeGraph;
let connector: FakeBotConnector;
let service: TestService;

beforeAll(async () => {
  graph = (await FakeGraph.start()).addUsers(
    { ...BIRGITTA, department: 'Medicinavdelning 32' },
    ...REPORTS.map((report) => ({
      ...report,
      department: 'Medicinavdelning 32',
      managerId: BIRGITTA.id,
    })),
  );
  connector = await new FakeBotConnector().start();
  service = await startTestService(graphEnvironment(), { graphTokens: appTokens('User.Read.All') });
});

afterAll(async () => {
  await service.stop();
  await connector.stop();
  await graph.stop();
});

beforeEach(() => graph.clearFaults());

describe('the directory on Microsoft Graph', () => {
  it('when the app was granted no User.Read.All, then the service does not start and names the permission to grant', async () => {
    await expect(
      startTestService(graphEnvironment(), { graphTokens: appTokens('Sites.Selected') }),
    ).rejects.toThrow(/User\.Read\.All.*admin consent/);
  });

  it('when Birgitta, a manager in Entra ID, writes "mitt team", then her direct reports from Graph are listed by name', async () => {
    const chat = new PersonalChat(() => service, connector, { userId: BIRGITTA.id });
    const texts = cardTexts(await chat.say('mitt team'));
    for (const report of REPORTS) expect(texts).toContain(report.displayName);
  });

  it('when Graph does not answer, then the tab API says so with a 503 and Retry-After, not a 500', async () => {
    graph.inject(/users/, { status: 503, retryAfter: '120' }, 100);
    const response = await fetch(`${service.url}/api/v1/me`, {
      headers: { [DEMO_USER_HEADER]: REPORTS[1]?.id ?? '' },
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBeTruthy();
    expect(await response.json()).toEqual({
      error: { code: 'directory_unavailable', message: expect.any(String) },
    });
  });

  it('when Graph does not answer during a chat turn, then the person is told the directory is out of reach, not a generic failure', async () => {
    graph.inject(/users/, { status: 503, retryAfter: '120' }, 100);
    const chat = new PersonalChat(() => service, connector, { userId: REPORTS[0]?.id ?? '' });
    const before = connector.messages().length;
    await service.postActivity(message(chat.options, 'mitt team'));
    const texts = connector
      .messages()
      .slice(before)
      .map((activity) => activity.text);
    expect(texts).toContain(translator('sv')('errors.directoryUnavailable'));
  });
});

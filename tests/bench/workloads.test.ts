import {
  preparationWorkload,
  runCommandWorkload,
  servesPreparation,
  type PreparedTurn,
  type Workload,
} from '../../bench/workloads';
import type { HttpAnswer } from '../../bench/loadGenerator';
import { FakeBotConnector } from '../fakes/botConnector';
import { startTestService, type TestService } from '../support/inProcessService';

/**
 * The benchmark's checks against the real service: a turn counts as answered only when the
 * service did what the click asks, so a broken service cannot look fast.
 */

let connector: FakeBotConnector;
let service: TestService;

beforeAll(async () => {
  connector = await new FakeBotConnector({ record: false }).start();
  service = await startTestService();
});

afterAll(async () => {
  await service.stop();
  await connector.stop();
});

async function post(body: string): Promise<HttpAnswer> {
  const response = await service.postActivity(undefined, { raw: body });
  return { status: response.status, body: await response.text() };
}

function take(workload: Workload): PreparedTurn {
  const turn = workload.nextTurn();
  if (!turn) throw new Error('no person free');
  return turn;
}

/** Sends the turn's copies at once, as the load generator does, and settles it. */
async function run(turn: PreparedTurn) {
  const answers = await Promise.all(
    Array.from({ length: turn.copies ?? 1 }, () => post(turn.body)),
  );
  return turn.settle(answers);
}

describe('the preparation workload', () => {
  it('when the service has the preparation dialogue, then the probe finds it', async () => {
    await expect(servesPreparation(post, connector.url)).resolves.toBe(true);
  });

  it('when each person submits step 1 and goes back, turn after turn, then every turn is answered correctly', async () => {
    const workload = preparationWorkload({
      connectorUrl: connector.url,
      people: 2,
      target: 'service',
    });
    await workload.setUp(post);
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await run(take(workload)));
    expect(results).toEqual(Array.from({ length: 6 }, () => ({ ok: true })));
  });

  it('when a click is sent twice at once, then exactly one answer moves the draft on and the turn counts', async () => {
    const workload = preparationWorkload({
      connectorUrl: connector.url,
      people: 1,
      target: 'service',
      doubleClickEvery: 1,
    });
    await workload.setUp(post);
    const turn = take(workload);
    expect(turn.copies).toBe(2);
    await expect(run(turn)).resolves.toEqual({ ok: true });
    // The next turn carries the revision the answers gave, so it is not outdated either.
    await expect(run(take(workload))).resolves.toEqual({ ok: true });
  });

  it('when the same click is answered a second time after the first (an outdated card), then the turn is an error', async () => {
    const workload = preparationWorkload({
      connectorUrl: connector.url,
      people: 1,
      target: 'service',
    });
    await workload.setUp(post);
    const turn = take(workload);
    await post(turn.body);
    expect(turn.settle([await post(turn.body)])).toEqual({
      ok: false,
      reason: 'every answer said the card was outdated',
    });
    // The person follows the draft to where it is, so the next turn is fine again.
    await expect(run(take(workload))).resolves.toEqual({ ok: true });
  });

  it.each([
    ['an HTTP 500', { status: 500, body: '{}' }, 'HTTP 500'],
    ['a body that is not JSON', { status: 200, body: '<html>' }, 'answer is not JSON'],
    [
      'an invoke response without a card',
      { status: 200, body: JSON.stringify({ statusCode: 200 }) },
      'no Adaptive Card in the invoke response',
    ],
    [
      'a card that is not a step card',
      {
        status: 200,
        body: JSON.stringify({
          statusCode: 200,
          type: 'application/vnd.microsoft.card.adaptive',
          value: { type: 'AdaptiveCard', body: [] },
        }),
      },
      'not a preparation step card',
    ],
    ['a connection reset', Object.assign(new Error('reset'), { code: 'ECONNRESET' }), 'ECONNRESET'],
  ])(
    'when the answer is %s, then the turn is an error saying so',
    async (_case, answer, reason) => {
      const workload = preparationWorkload({
        connectorUrl: connector.url,
        people: 1,
        target: 'service',
      });
      await workload.setUp(post);
      expect(take(workload).settle([answer])).toEqual({ ok: false, reason });
    },
  );

  it('when a person has a turn in flight, then they are not given another until it is settled', async () => {
    const workload = preparationWorkload({
      connectorUrl: connector.url,
      people: 1,
      target: 'echo',
    });
    const turn = take(workload);
    expect(workload.nextTurn()).toBeUndefined();
    turn.settle([new Error('gone')]);
    expect(workload.nextTurn()).toBeDefined();
  });
});

describe('the runCommand workload', () => {
  it('when the service answers the help button, then the turn counts; when the card is another, it does not', async () => {
    const workload = runCommandWorkload({
      connectorUrl: connector.url,
      people: 1,
      target: 'service',
    });
    await expect(run(take(workload))).resolves.toEqual({ ok: true });
    const notHelp = JSON.stringify({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Något annat' }] },
    });
    expect(take(workload).settle([{ status: 200, body: notHelp }])).toEqual({
      ok: false,
      reason: 'not the help card',
    });
  });
});

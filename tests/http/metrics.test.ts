import { randomUUID } from 'node:crypto';
import { DEMO_USER_HEADER } from '../../bot/api/identity';
import { Resilience, type ResilienceTimers } from '../../bot/graph/resilience';
import { ServiceMetrics, type ReminderTotals } from '../../bot/http/metrics';
import { expectErrorResponse } from '../api/expectErrorResponse';
import { useServiceWithConnector } from '../support/serviceWithConnector';
import { ANNA, installationAdded, message } from '../support/teamsActivities';

const OPS_TOKEN = 'ops-token-metrics-0123456789abcdef0123456789';

/** One sample's value from the Prometheus text format; 0 when the series is not there. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)\{([^}]*)\} ([0-9.e+-]+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? '').split(',');
    if (wanted.every((pair) => present.includes(pair)) && present.length === wanted.length) {
      return Number(match[3]);
    }
  }
  return 0;
}

describe('the service’s metrics at /ops/metrics', () => {
  const running = useServiceWithConnector({ OPS_TOKEN });
  const scrape = async () => {
    const response = await fetch(`${running.service.url}/ops/metrics`, {
      headers: { authorization: `Bearer ${OPS_TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  it('when no operator token or a wrong one is sent, then the answer is 401 in the API’s error shape', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${OPS_TOKEN}x`, OPS_TOKEN]) {
      const response = await fetch(`${running.service.url}/ops/metrics`, {
        headers: authorization ? { authorization } : {},
      });
      await expectErrorResponse(response, 401, 'invalid_token');
    }
  });

  it('when Teams sends turns, then the turn counter moves by activity type', async () => {
    const labels = { activity_type: 'installationUpdate', status_class: '2xx' };
    const before = sample(await scrape(), 'kd_bot_turns_total', labels);
    const chat = { serviceUrl: running.connector.url, userId: randomUUID() };
    await running.service.postActivity(installationAdded(chat));
    await running.service.postActivity(installationAdded(chat));
    const messages = sample(await scrape(), 'kd_bot_turns_total', {
      activity_type: 'message',
      status_class: '2xx',
    });
    await running.service.postActivity(message(chat, 'hjälp'));

    const after = await scrape();
    expect(sample(after, 'kd_bot_turns_total', labels)).toBe(before + 2);
    expect(
      sample(after, 'kd_bot_turns_total', { activity_type: 'message', status_class: '2xx' }),
    ).toBe(messages + 1);
  });

  it('when the API is called, then calls are counted by route template and status class, never by id', async () => {
    const headers = { [DEMO_USER_HEADER]: ANNA.id };
    const personRoute = '/api/v1/people/:employeeId/plan';
    const before = await scrape();
    await fetch(`${running.service.url}/api/v1/me`, { headers });
    await fetch(`${running.service.url}/api/v1/me`, { headers });
    await fetch(`${running.service.url}/api/v1/people/${randomUUID()}/plan`, { headers });
    await fetch(`${running.service.url}/api/v1/nowhere/${randomUUID()}`);

    const after = await scrape();
    const count = (text: string, route: string, statusClass: string) =>
      sample(text, 'kd_api_requests_total', { method: 'GET', route, status_class: statusClass });
    expect(count(after, '/api/v1/me', '2xx')).toBe(count(before, '/api/v1/me', '2xx') + 2);
    expect(count(after, personRoute, '4xx')).toBe(count(before, personRoute, '4xx') + 1);
    expect(count(after, 'unmatched', '4xx')).toBe(count(before, 'unmatched', '4xx') + 1);
    expect(after).not.toMatch(/route="\/api\/v1\/people\/[0-9a-f]{8}-/);
  });

  it('when the worker is off here, then the reminder counters are there at 0', async () => {
    const text = await scrape();
    for (const outcome of ['sent', 'failed', 'dead_lettered']) {
      expect(text).toContain(`kd_reminders_total{outcome="${outcome}"} 0`);
    }
  });
});

describe('the reminder and Graph counters', () => {
  it('when the worker sends, retries and dead-letters, then the counters follow its counts', async () => {
    const metrics = new ServiceMetrics();
    const counts: ReminderTotals = {
      sent: 0,
      retried: 0,
      deadLettered: 0,
      throttled: 0,
      skipped: 0,
      deferred: 0,
    };
    metrics.countRemindersFrom(() => counts);
    const read = async (outcome: string) =>
      sample(await metrics.registry.metrics(), 'kd_reminders_total', { outcome });

    counts.sent = 5;
    counts.retried = 2;
    expect(await read('sent')).toBe(5);
    counts.sent = 7;
    counts.deadLettered = 1;
    expect(await read('sent')).toBe(7);
    expect(await read('failed')).toBe(2);
    expect(await read('dead_lettered')).toBe(1);
  });

  it('when Graph answers, throttles, fails and the circuit opens, then each attempt is counted by outcome', async () => {
    const metrics = new ServiceMetrics();
    let clock = 0;
    const timers: ResilienceTimers = {
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
      random: () => 0.5,
    };
    const resilience = new Resilience({ failureThreshold: 2, maxAttempts: 2 }, timers);
    resilience.onCall = metrics.countGraphCall;
    const answer =
      (status: number, headers: Record<string, string> = {}) =>
      () =>
        Promise.resolve(new Response(null, { status, headers }));

    await resilience.send(answer(200), true);
    await resilience.send(answer(404), true);
    await expect(resilience.send(answer(429, { 'retry-after': '1' }), true)).rejects.toThrow();
    await expect(resilience.send(answer(503), true)).rejects.toThrow();
    await expect(resilience.send(answer(200), true)).rejects.toThrow(/until/);

    const text = await metrics.registry.metrics();
    const count = (outcome: string) => sample(text, 'kd_graph_calls_total', { outcome });
    expect(count('ok')).toBe(2);
    expect(count('throttled')).toBe(2);
    expect(count('failed')).toBe(2);
    expect(count('refused')).toBe(1);
  });
});

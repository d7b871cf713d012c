import { randomUUID } from 'node:crypto';
import { createLogger } from '../../bot/logger';
import { REQUEST_ID_HEADER, requestIdFrom } from '../../bot/http/requestContext';
import { memoryLog } from '../support/memoryLog';
import { useServiceWithConnector } from '../support/serviceWithConnector';
import { installationAdded } from '../support/teamsActivities';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const log = memoryLog('info', 1000);

/** The service's log lines, parsed. */
function logLines(): Record<string, unknown>[] {
  return log
    .tail(1000)
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('a request id on every request and turn', () => {
  const running = useServiceWithConnector({}, { logger: log.logger });

  it('when Teams posts an activity with an x-request-id, then the answer echoes it and the turn’s log lines carry it', async () => {
    const requestId = `turn-${randomUUID()}`;
    const response = await fetch(`${running.service.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [REQUEST_ID_HEADER]: requestId },
      body: JSON.stringify(
        installationAdded({ serviceUrl: running.connector.url, userId: randomUUID() }),
      ),
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get(REQUEST_ID_HEADER)).toBe(requestId);

    const welcome = logLines().filter((line) => line.msg === 'welcome sent');
    expect(welcome.length).toBeGreaterThan(0);
    expect(welcome.at(-1)?.requestId).toBe(requestId);
  });

  it('when a request brings no id, then it gets a fresh one, echoed and in its log lines', async () => {
    const response = await fetch(`${running.service.url}/api/v1/no-such-route`);
    expect(response.status).toBe(404);
    const requestId = response.headers.get(REQUEST_ID_HEADER) ?? '';
    expect(requestId).toMatch(UUID);
    const refused = logLines().filter((line) => line.msg === 'request refused');
    expect(refused.at(-1)).toMatchObject({ requestId, status: 404 });
  });

  it('when two requests run, then each has its own id', async () => {
    const [first, second] = await Promise.all([
      fetch(`${running.service.url}/healthz`),
      fetch(`${running.service.url}/healthz`),
    ]);
    expect(first?.headers.get(REQUEST_ID_HEADER)).not.toBe(second?.headers.get(REQUEST_ID_HEADER));
  });

  it.each([
    ['spaces and quotes', 'id with "quotes"'],
    ['far too long', 'a'.repeat(200)],
    ['a log-line look-alike', '{"level":60}'],
  ])('when the x-request-id is %s, then it is replaced by a fresh one', async (_what, sent) => {
    const response = await fetch(`${running.service.url}/healthz`, {
      headers: { [REQUEST_ID_HEADER]: sent },
    });
    expect(response.headers.get(REQUEST_ID_HEADER)).toMatch(UUID);
  });

  it('when a request carries a bearer token, then no log line contains it', async () => {
    const token = `eyJ${randomUUID().replaceAll('-', '')}.secret-part`;
    await fetch(`${running.service.url}/api/v1/no-such-route`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await fetch(`${running.service.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ type: '' }),
    });
    expect(log.tail(1000)).not.toContain(token);
    expect(log.tail(1000)).not.toContain('secret-part');
  });
});

describe('the logger', () => {
  it('when an authorization header or a token field is logged by mistake, then it is redacted', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => lines.push(line) });
    logger.info(
      {
        req: { headers: { authorization: 'Bearer abc.def.ghi' } },
        headers: { authorization: 'Bearer jkl' },
        authorization: 'Bearer mno',
        sso: { token: 'pqr' },
      },
      'oops',
    );
    expect(lines.join('')).not.toMatch(/abc\.def|jkl|mno|pqr/);
    expect(lines.join('')).toContain('[redacted]');
  });

  it('when an id is plain and short, then it is kept; otherwise a UUID is made', () => {
    expect(requestIdFrom('abc-123:4/5')).toBe('abc-123:4/5');
    expect(requestIdFrom(undefined)).toMatch(UUID);
    expect(requestIdFrom('')).toMatch(UUID);
    expect(requestIdFrom('line\nbreak')).toMatch(UUID);
  });
});

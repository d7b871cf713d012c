import { startApiTestApp, type ApiTestApp } from './apiTestApp';
import { expectErrorResponse } from './expectErrorResponse';

describe('the API with requests it cannot use', () => {
  let app: ApiTestApp;
  beforeAll(async () => {
    app = await startApiTestApp();
  });
  afterAll(() => app.close());

  const json = { 'content-type': 'application/json' };

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])(
    'when %s is sent to /me, then the answer is 405 with the allowed methods',
    async (method) => {
      const response = await app.api('/me', { method, headers: json, body: '{}' });

      await expectErrorResponse(response, 405, 'method_not_allowed');
      expect(response.headers.get('allow')).toBe('GET, HEAD');
    },
  );

  it.each([
    ['a body that is not JSON', '{"broken": ', 400, 'invalid_json'],
    ['a body over 64 kB', JSON.stringify({ text: 'x'.repeat(70_000) }), 413, 'too_large'],
  ])(
    'when a request has %s, then it is refused before any route',
    async (_w, body, status, code) => {
      const response = await app.api('/me', { method: 'POST', headers: json, body });
      await expectErrorResponse(response, status, code);
    },
  );

  it('when a route does not exist, then the answer is the JSON 404', async () => {
    await expectErrorResponse(await app.api('/plans/../../etc'), 404, 'not_found');
    await expectErrorResponse(await app.api('/nothing-here'), 404, 'not_found');
  });

  it.each([
    ['/me?x=%E0%A4%A', {}],
    ['/me?a[b][c]=1', {}],
    ['/me?lang=sv&lang=en', {}],
    ['/demo/people?x=1', {}],
    ['/me', { 'X-Demo-User': '%00' }],
    [
      '/me',
      {
        'X-Demo-User': '00000000-0000-4000-8000-000000000011, 00000000-0000-4000-8000-000000000001',
      },
    ],
  ])(
    'when %s is asked with odd input %j, then the answer is a 4xx JSON error, never a 500',
    async (path, headers) => {
      const response = await app.api(path, { headers });

      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await response.json()).toMatchObject({ error: { code: expect.any(String) } });
    },
  );
});

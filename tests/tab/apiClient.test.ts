import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Frame,
  type Page,
} from 'playwright-core';
import { openInFakeTeams, hostCalls } from '../fakes/fakeTeamsHost';
import { CHROMIUM_ARGS, CHROMIUM_PATH, describeWithChromium } from '../support/testEnvironment';

/**
 * The tab's API client (tab/src/api/apiClient.ts) in a real browser, as the tab's pages use
 * it: bundled on the fly with Vite, loaded by a small page, talking to a scripted service
 * that records every request. In a plain browser it sends the demo person; inside the fake
 * Teams host it sends the person's Teams token, kept until shortly before it expires and
 * renewed once when the API refuses it.
 */

const projectRoot = path.resolve(__dirname, '..', '..');

/** tab/src/api/apiClient.ts and what it imports, as one ES module (Vite, as the tab build). */
async function bundleApiClient(): Promise<string> {
  const script = `
    import { build } from 'vite';
    const out = await build({
      configFile: false,
      root: ${JSON.stringify(path.join(projectRoot, 'tab'))},
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        write: false,
        minify: false,
        lib: {
          entry: ${JSON.stringify(path.join(projectRoot, 'tab/src/api/apiClient.ts'))},
          formats: ['es'],
          fileName: 'apiClient',
        },
      },
    });
    const [chunk] = (Array.isArray(out) ? out : [out]).flatMap((result) => result.output);
    process.stdout.write(chunk.code);
  `;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', script],
    { cwd: projectRoot, maxBuffer: 32 * 1024 * 1024 },
  );
  return stdout;
}

const HARNESS_PAGE = `<!doctype html><html lang="en"><head><title>API client</title></head>
<body><main>API client under test</main>
<script type="module">
  import * as apiClient from './apiClient.js';
  window.apiClient = apiClient;
  window.call = async (run) => {
    try {
      return { ok: true, value: await run(apiClient) };
    } catch (error) {
      return { ok: false, name: error.name, status: error.status, code: error.code, message: error.message };
    }
  };
  document.body.dataset.ready = 'true';
</script></body></html>`;

interface Recorded {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

interface Reply {
  status: number;
  /** Sent as JSON unless it is a string. */
  body?: unknown;
  /** Drop the connection instead of answering. */
  drop?: boolean;
}

/** Answers /api/v1/* from a script of replies (the last repeats) and records each request. */
class ScriptedService {
  requests: Recorded[] = [];
  private replies: Reply[] = [{ status: 200, body: {} }];

  private constructor(
    private readonly server: Server,
    private readonly bundle: string,
  ) {}

  static async start(bundle: string): Promise<ScriptedService> {
    const server = createServer();
    const service = new ScriptedService(server, bundle);
    server.on('request', (req, res) => void service.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return service;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  answer(...replies: Reply[]): void {
    this.requests = [];
    this.replies = replies;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    if (url.pathname === '/tab/harness.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(HARNESS_PAGE);
      return;
    }
    if (url.pathname === '/tab/apiClient.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(this.bundle);
      return;
    }
    if (!url.pathname.startsWith('/api/v1/')) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    this.requests.push({
      method: req.method ?? '',
      path: url.pathname.slice('/api/v1'.length) + url.search,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    });
    const reply = (this.replies.length > 1 ? this.replies.shift() : this.replies[0]) as Reply;
    if (reply.drop) {
      req.socket.destroy();
      return;
    }
    if (reply.body === undefined) {
      res.writeHead(reply.status).end();
    } else if (typeof reply.body === 'string') {
      res.writeHead(reply.status, { 'content-type': 'text/html' }).end(reply.body);
    } else {
      res
        .writeHead(reply.status, { 'content-type': 'application/json' })
        .end(JSON.stringify(reply.body));
    }
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }
}

type Outcome =
  | { ok: true; value: unknown }
  | { ok: false; name: string; status: number; code: string; message: string };

/** Runs `expression` (a function of the client module, as source) in the page. */
function run(target: Page | Frame, expression: string): Promise<Outcome> {
  return target.evaluate(`window.call(${expression})`) as Promise<Outcome>;
}

/** A JWT-shaped token that expires `inSeconds` from now (the client reads only `exp`). */
function teamsToken(name: string, inSeconds = 3600): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const exp = Math.floor(Date.now() / 1000) + inSeconds;
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ exp, name })}.c2lnbmF0dXJl`;
}

const invalidToken: Reply = {
  status: 401,
  body: { error: { code: 'invalid_token', message: 'The token has expired.' } },
};
const me: Reply = { status: 200, body: { person: { id: 'p1' } } };

describeWithChromium('the API client of the tab (tab/src/api/apiClient.ts)', () => {
  let service: ScriptedService;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    service = await ScriptedService.start(await bundleApiClient());
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext();
    await context.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      return hostname === '127.0.0.1' ? route.continue() : route.abort();
    });
  });
  afterEach(() => context.close());

  describe('in a plain browser (local development with the demo organisation)', () => {
    let page: Page;
    beforeEach(async () => {
      page = await context.newPage();
      await page.goto(`${service.url}/tab/harness.html`);
      await page.locator('body[data-ready="true"]').waitFor();
    });

    it('when getJson is given a demo person, then it asks for JSON as that person, without a token', async () => {
      service.answer(me);

      const outcome = await run(page, `(c) => c.getJson('/me', { demoUserId: 'demo-1' })`);

      expect(outcome).toEqual({ ok: true, value: me.body });
      const [request] = service.requests;
      expect(request).toMatchObject({ method: 'GET', path: '/me', body: '' });
      expect(request?.headers).toMatchObject({
        accept: 'application/json',
        'x-demo-user': 'demo-1',
      });
      expect(request?.headers.authorization).toBeUndefined();
    });

    it.each([
      ['PATCH', '/plans/p1/activities/a1', { status: 'done', expectedVersion: 3 }, 200],
      ['POST', '/me/reflections', { text: 'Jag lärde mig <b>mycket</b> – åäö' }, 201],
      ['PUT', '/units/u1/team-plan', { goals: [], expectedVersion: 1 }, 200],
    ])(
      'when sendJson sends a %s, then the body arrives as JSON and the answer comes back parsed',
      async (method, apiPath, body, status) => {
        service.answer({ status, body: { saved: true, version: 4 } });

        const outcome = await run(
          page,
          `(c) => c.sendJson(${JSON.stringify(method)}, ${JSON.stringify(apiPath)}, ${JSON.stringify(
            body,
          )}, { demoUserId: 'demo-1' })`,
        );

        expect(outcome).toEqual({ ok: true, value: { saved: true, version: 4 } });
        const [request] = service.requests;
        expect(request).toMatchObject({ method, path: apiPath });
        expect(JSON.parse(request?.body ?? '')).toEqual(body);
        expect(request?.headers).toMatchObject({
          'content-type': 'application/json',
          accept: 'application/json',
          'x-demo-user': 'demo-1',
        });
      },
    );

    it.each([
      {
        when: 'the API answers a version conflict',
        reply: {
          status: 409,
          body: { error: { code: 'version_conflict', message: 'Någon har sparat.' } },
        },
        error: { status: 409, code: 'version_conflict', message: 'Någon har sparat.' },
      },
      {
        when: 'the API refuses the body',
        reply: {
          status: 400,
          body: { error: { code: 'invalid_request', message: 'status: Invalid option' } },
        },
        error: { status: 400, code: 'invalid_request', message: 'status: Invalid option' },
      },
      {
        when: 'a proxy answers 502 with a page',
        reply: { status: 502, body: '<h1>Bad gateway</h1>' },
        error: { status: 502, code: 'http_502', message: '' },
      },
      {
        when: 'the connection drops',
        reply: { status: 0, drop: true },
        error: { status: 0, code: 'network', message: '' },
      },
    ])('when $when, then sendJson fails with an ApiError saying so', async ({ reply, error }) => {
      service.answer(reply);

      const outcome = await run(page, `(c) => c.sendJson('PATCH', '/plans/p1', { a: 1 })`);

      expect(outcome).toEqual({ ok: false, name: 'ApiError', ...error });
    });

    it('when the API answers 204 No Content, then sendJson resolves with nothing', async () => {
      service.answer({ status: 204 });

      expect(await run(page, `(c) => c.sendJson('PUT', '/x', {})`)).toEqual({ ok: true });
    });

    it('when the API refuses a token (there is none in a browser), then nothing is retried', async () => {
      service.answer(invalidToken);

      const outcome = await run(page, `(c) => c.getJson('/me')`);

      expect(outcome).toMatchObject({ ok: false, status: 401, code: 'invalid_token' });
      expect(service.requests).toHaveLength(1);
    });
  });

  describe('inside Teams (the fake Teams host)', () => {
    async function openInTeams(authTokens: string[]): Promise<{ host: Page; tab: Frame }> {
      const host = await openInFakeTeams(context, service.url, 'tab/harness.html', {
        frameContext: 'content',
        locale: 'sv-SE',
        theme: 'default',
        authTokens,
      });
      const frame = host.frameLocator('iframe#tab');
      await frame.locator('body[data-ready="true"]').waitFor();
      const tab = host.frames().find((f) => f.url().endsWith('/tab/harness.html'));
      if (!tab) throw new Error('the tab frame is missing');
      return { host, tab };
    }

    const tokenAsks = async (host: Page) =>
      (await hostCalls(host)).filter((call) => call.func === 'authentication.getAuthToken').length;

    it('when the tab calls the API, then each request carries the Teams token (asked once) and never a demo person', async () => {
      const token = teamsToken('first');
      const { host, tab } = await openInTeams([token]);
      service.answer(me);

      expect(await run(tab, `(c) => c.getJson('/me', { demoUserId: 'demo-1' })`)).toEqual({
        ok: true,
        value: me.body,
      });
      expect(await run(tab, `(c) => c.sendJson('POST', '/me/reflections', { text: 'x' })`)).toEqual(
        { ok: true, value: me.body },
      );
      expect(await run(tab, `(c) => Promise.all([c.getJson('/a'), c.getJson('/b')])`)).toEqual({
        ok: true,
        value: [me.body, me.body],
      });

      expect(service.requests).toHaveLength(4);
      for (const request of service.requests) {
        expect(request.headers.authorization).toBe(`Bearer ${token}`);
        expect(request.headers['x-demo-user']).toBeUndefined();
      }
      expect(await tokenAsks(host)).toBe(1);
    });

    it('when the API refuses the token once, then a fresh one is asked for and the request is sent again', async () => {
      const [stale, fresh] = [teamsToken('stale'), teamsToken('fresh')];
      const { host, tab } = await openInTeams([stale, fresh]);
      service.answer(invalidToken, me);

      const outcome = await run(tab, `(c) => c.sendJson('PATCH', '/plans/p1', { done: true })`);

      expect(outcome).toEqual({ ok: true, value: me.body });
      expect(service.requests.map((r) => [r.method, r.headers.authorization, r.body])).toEqual([
        ['PATCH', `Bearer ${stale}`, '{"done":true}'],
        ['PATCH', `Bearer ${fresh}`, '{"done":true}'],
      ]);
      expect(await tokenAsks(host)).toBe(2);

      // The fresh token is the one kept.
      await run(tab, `(c) => c.getJson('/me')`);
      expect(service.requests[2]?.headers.authorization).toBe(`Bearer ${fresh}`);
      expect(await tokenAsks(host)).toBe(2);
    });

    it('when the API refuses the fresh token too, then the refusal is the answer, after one retry only', async () => {
      const { tab } = await openInTeams([teamsToken('one'), teamsToken('two')]);
      service.answer(invalidToken);

      const outcome = await run(tab, `(c) => c.getJson('/me')`);

      expect(outcome).toEqual({
        ok: false,
        name: 'ApiError',
        status: 401,
        code: 'invalid_token',
        message: 'The token has expired.',
      });
      expect(service.requests).toHaveLength(2);
    });

    it('when Teams gives the same token again, then it is not sent again', async () => {
      const { host, tab } = await openInTeams([teamsToken('only')]);
      service.answer(invalidToken);

      expect(await run(tab, `(c) => c.getJson('/me')`)).toMatchObject({ code: 'invalid_token' });
      expect(service.requests).toHaveLength(1);
      expect(await tokenAsks(host)).toBe(2);
    });

    it('when the kept token is about to expire, then Teams is asked for a new one first', async () => {
      const [ending, next] = [teamsToken('ending', 120), teamsToken('next')];
      const { host, tab } = await openInTeams([ending, next]);
      service.answer(me);

      await run(tab, `(c) => c.getJson('/me')`);
      await run(tab, `(c) => c.getJson('/me')`);

      expect(service.requests.map((r) => r.headers.authorization)).toEqual([
        `Bearer ${ending}`,
        `Bearer ${next}`,
      ]);
      expect(await tokenAsks(host)).toBe(2);
    });

    it('when Teams cannot give a token, then the request goes without one and the API decides', async () => {
      const { tab } = await openInTeams([]);
      service.answer({
        status: 401,
        body: { error: { code: 'unauthenticated', message: 'Sign in through Microsoft Teams.' } },
      });

      const outcome = await run(tab, `(c) => c.getJson('/me', { demoUserId: 'demo-1' })`);

      expect(outcome).toMatchObject({ ok: false, status: 401, code: 'unauthenticated' });
      expect(service.requests).toHaveLength(1);
      expect(service.requests[0]?.headers.authorization).toBeUndefined();
      expect(service.requests[0]?.headers['x-demo-user']).toBeUndefined();
    });
  });
});

// @microsoft/app-manifest needs a CommonJS strip-bom under Jest (see tests/manifest/manifestFixtures).
jest.mock('strip-bom', () => jest.requireActual('../manifest/manifestFixtures').stripBomForJest);

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { ErrorBodySchema, NewReflectionSchema, TeamPlanChangeSchema } from '../../bot/api/contract';
import { DEMO_USER_HEADER } from '../../bot/api/identity';
import demoOrganisation from '../../bot/demo/demoOrganisation.json';
import { DemoDirectory } from '../../bot/directory/demoDirectory';
import { startApiTestApp, type ApiTestApp } from '../api/apiTestApp';
import {
  hmacToken,
  signInEnvironment,
  startTestEntra,
  unsignedToken,
  withPayload,
  type FakeEntra,
} from '../fakes/fakeEntra';
import { startTestService, type TestService } from '../support/inProcessService';
import { ANNA, KARIN } from '../support/teamsActivities';
import { snapshotDatabase, type DatabaseSnapshot } from './databaseSnapshot';
import { anyString, garbage, nastyString } from './garbage';
import { fuzzParameters, LONG_RUN } from './fuzzSettings';
import { heapGrowthOver } from './heapGrowth';
import { rawHttpExchange, sendWithOneRetryOnReset, showsInternals } from './httpProbes';

/**
 * Garbage bodies for every write route of the tab API (bot/api/openapi.json), garbage path
 * segments, queries and headers, and forged Teams tokens. Whatever arrives: a clear 4xx in
 * the API's error shape, never a 5xx nor a stack trace, no stored data changed, and the API
 * still answers a real request afterwards.
 */

// Thousands of requests on a loaded machine; the long run (`npm run fuzz`) takes minutes.
jest.setTimeout(LONG_RUN ? 6 * 3_600_000 : 180_000);

const UNIT_ID = demoOrganisation.unit.id;
const HR_ID = demoOrganisation.hr.id;
const OTHER_UNIT_ID = 'demo-unit-hr';
const SEEDED_TEAM_PLAN = {
  unitGoals: [{ id: 'goal-1', text: 'Säker läkemedelshantering' }],
  neededCompetences: [],
  expectedVersion: 0,
};

let service: TestService | undefined;
let dataDir: string;
let before: DatabaseSnapshot;

const running = (): TestService => {
  if (!service) throw new Error('the service is not running');
  return service;
};
const start = () => startTestService({ DATA_DIR: dataDir, API_RATE_LIMIT_PER_MINUTE: '100000' });

function api(
  method: string,
  route: string,
  init: { as?: unknown; body?: unknown; raw?: string; contentType?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    'content-type': init.contentType ?? 'application/json',
  };
  if (typeof init.as === 'string') headers[DEMO_USER_HEADER] = init.as;
  return fetch(`${running().url}/api/v1${route}`, {
    method,
    headers,
    ...(method === 'GET' || method === 'HEAD'
      ? {}
      : { body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)) }),
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'kd-fuzz-api-'));
  service = await start();
  // Stored data for the garbage to meet: a reflection of Anna's and the unit's team plan.
  const seeded = [
    await api('POST', '/me/reflections', {
      as: ANNA.id,
      body: { principle: 'inclusive', text: 'Jag lärde mig av en kollega.', visibility: 'private' },
    }),
    await api('PUT', `/units/${UNIT_ID}/team-plan`, { as: KARIN.id, body: SEEDED_TEAM_PLAN }),
  ];
  for (const response of seeded) expect(response.status).toBeLessThan(300);
  await service.stop();
  service = undefined;
  before = await snapshotDatabase(dataDir);
  service = await start();
}, 120_000);

afterAll(async () => {
  await service?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------
// Generators

/**
 * A body near a valid example: the whole of it garbage, or the example with fields dropped,
 * replaced by garbage, or added.
 */
function nearly(example: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(example);
  return fc.oneof(
    { weight: 1, arbitrary: garbage },
    {
      weight: 4,
      arbitrary: fc
        .record({
          drop: fc.subarray(keys),
          replace: fc.dictionary(fc.constantFrom(...keys, 'extra', '__proto__'), garbage, {
            minKeys: 1,
            maxKeys: 3,
          }),
        })
        .map(({ drop, replace }) => {
          const kept = Object.entries(example).filter(([key]) => !drop.includes(key));
          return { ...Object.fromEntries(kept), ...replace };
        }),
    },
  );
}

/** A path segment: a real id, a made-up one, or garbage (escaped, as a client would). */
const segment = (...real: string[]) =>
  fc
    .oneof(
      fc.constantFrom(...real),
      fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/),
      anyString.filter((value) => value.length > 0 && value.length < 3_000),
      nastyString.filter((value) => value.length > 0),
    )
    // A lone surrogate cannot be percent-encoded; a client could not send it either.
    .filter(
      (value) => !/[\uD800-\uDFFF]/.test(value.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')),
    )
    .map((value) => encodeURIComponent(value));

const caller = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(ANNA.id, KARIN.id, HR_ID) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.string({ maxLength: 60 }).filter((value) => /^[\x21-\x7e]*$/.test(value)),
  },
);

const isValid = (schema: { safeParse(value: unknown): { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

/**
 * One request to a write route with a body that must change nothing: invalid for its schema,
 * naming records that do not exist, or carrying a stale version.
 */
const garbageWrite = fc.oneof(
  fc
    .tuple(
      caller,
      nearly({ principle: 'inclusive', text: 'Det här lärde jag mig.', visibility: 'private' }),
    )
    .filter(([, body]) => !isValid(NewReflectionSchema, body))
    .map(([as, body]) => ({ method: 'POST', route: '/me/reflections', as, body })),
  fc
    .tuple(
      caller,
      segment('plan-1'),
      segment('activity-1'),
      nearly({ status: 'done', expectedVersion: 1 }),
    )
    .map(([as, plan, activity, body]) => ({
      method: 'PATCH',
      route: `/plans/${plan}/activities/${activity}`,
      as,
      body,
    })),
  fc
    .tuple(
      caller,
      segment('plan-1'),
      nearly({ decision: 'request-changes', comment: 'Fler kurser', expectedVersion: 1 }),
    )
    .map(([as, plan, body]) => ({ method: 'POST', route: `/plans/${plan}/answer`, as, body })),
  fc
    .tuple(
      caller,
      segment(UNIT_ID, OTHER_UNIT_ID),
      nearly({
        ...SEEDED_TEAM_PLAN,
        neededCompetences: [
          { id: 'need-1', priorityAreaId: 'patient-safety', description: 'HLR', priority: 'high' },
        ],
        expectedVersion: 1,
      }),
    )
    // A valid change at the current version is a real save, not garbage.
    .filter(([, , body]) => !isValid(TeamPlanChangeSchema, body))
    .map(([as, unit, body]) => ({ method: 'PUT', route: `/units/${unit}/team-plan`, as, body })),
  fc
    .tuple(caller, nearly({ confirmation: 'erase-my-data' }))
    .filter(([, body]) => JSON.stringify(body) !== '{"confirmation":"erase-my-data"}')
    .map(([as, body]) => ({ method: 'DELETE', route: '/me/data', as, body })),
);

/** Reads with garbage in the path and the query, and any method on any route. */
const garbageRead = fc
  .tuple(
    fc.constantFrom('GET', 'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
    fc.oneof(
      fc.constantFrom('/me', '/me/plan', '/me/team', '/me/data', '/me/data/summary', '/me/audit'),
      fc.constantFrom('/organisation/summary', '/demo/people', '/openapi.json', '/nope'),
      segment(ANNA.id, KARIN.id).map((id) => `/people/${id}/plan`),
      segment('plan-1').map((id) => `/plans/${id}/history`),
      segment(UNIT_ID, OTHER_UNIT_ID).map((id) => `/units/${id}/team-plan`),
    ),
    fc.dictionary(fc.string({ maxLength: 10 }), fc.oneof(anyString, fc.constant('')), {
      maxKeys: 3,
    }),
    caller,
  )
  .map(([method, route, query, as]) => {
    const search = new URLSearchParams(
      Object.entries(query).filter(([, v]) => v.length < 2_000),
    ).toString();
    return { method, route: search ? `${route}?${search}` : route, as };
  });

// ---------------------------------------------------------------------------------------

async function expectRefusedCleanly(response: Response): Promise<void> {
  const text = await response.text();
  expect(response.status).toBeLessThan(500);
  expect(showsInternals(text)).toBe(false);
  if (response.status >= 400 && text !== '') {
    expect(isValid(ErrorBodySchema, JSON.parse(text))).toBe(true);
  }
}

describe('fuzzing the tab API: garbage in, a clear 4xx out', () => {
  it('when a write route gets a garbage body, then it answers a clear 4xx in the API error shape', async () => {
    await fc.assert(
      fc.asyncProperty(garbageWrite, async ({ method, route, as, body }) => {
        const response = await api(method, route, { as, body });
        await expectRefusedCleanly(response);
        expect(response.status).toBeGreaterThanOrEqual(400);
      }),
      fuzzParameters('api writes', 500),
    );
  });

  it('when a route is read with garbage in its path, query or method, then nothing fails', async () => {
    await fc.assert(
      fc.asyncProperty(garbageRead, async ({ method, route, as }) => {
        await expectRefusedCleanly(await api(method, route, { as }));
      }),
      fuzzParameters('api reads', 300),
    );
  });

  it('when the body is no JSON, too big, or sent with an odd content type, then the answer is a clear 4xx', async () => {
    const request = fc.tuple(
      fc.constantFrom(
        ['POST', '/me/reflections'],
        ['PUT', `/units/${UNIT_ID}/team-plan`],
        ['PATCH', '/plans/plan-1/activities/activity-1'],
        ['DELETE', '/me/data'],
      ),
      fc.oneof(
        fc.string({ maxLength: 100 }),
        fc.constantFrom(
          '{',
          '[',
          'null',
          '"x"',
          '{"a":1}{',
          `${'['.repeat(3_000)}${']'.repeat(3_000)}`,
        ),
        fc
          .integer({ min: 60, max: 90 })
          .map((kb) => JSON.stringify({ text: 'x'.repeat(kb * 1024) })),
      ),
      fc.oneof(
        fc.constantFrom(
          'application/json',
          'application/json; charset=utf-16',
          'application/json; charset=koi8-r',
          'text/plain',
          'application/merge-patch+json',
          '',
        ),
        fc.string({ maxLength: 40 }).filter((value) => /^[\t\x20-\x7e]*$/.test(value)),
      ),
      caller,
    );
    await fc.assert(
      fc.asyncProperty(request, async ([[method, route], raw, contentType, as]) => {
        const response = await api(method ?? 'POST', route ?? '/', { as, raw, contentType });
        await expectRefusedCleanly(response);
        expect(response.status).toBeGreaterThanOrEqual(400);
      }),
      fuzzParameters('api raw bodies', 200),
    );
  });

  it('when Content-Length does not match the body, then the service survives', async () => {
    const exchange = fc.tuple(
      fc.constantFrom('{"principle":"inclusive","text":"x","visibility":"private"}', '{', ''),
      fc.integer({ min: -3, max: 2_000 }),
    );
    await fc.assert(
      fc.asyncProperty(exchange, async ([body, declared]) => {
        const answer = await rawHttpExchange(
          running().port,
          `POST /api/v1/me/reflections HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
            `${DEMO_USER_HEADER}: ${ANNA.id}\r\nContent-Length: ${declared}\r\nConnection: close\r\n\r\n${body}`,
        );
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
        expect(status === 0 || status < 500).toBe(true);
        expect(showsInternals(answer)).toBe(false);
      }),
      fuzzParameters('api content-length', 20, 200),
    );
  });

  it('when the same garbage comes in equal batches, then the heap does not grow batch by batch', async () => {
    const batch = fc.sample(garbageWrite, {
      seed: fuzzParameters('api heap', 1).seed ?? 0,
      numRuns: LONG_RUN ? 600 : 150,
    });
    const growth = await heapGrowthOver(async () => {
      for (const { method, route, as, body } of batch) {
        await (await sendWithOneRetryOnReset(() => api(method, route, { as, body }))).arrayBuffer();
      }
    });
    expect(growth.second).toBeLessThan(8 * 1024 * 1024);
  });

  it('when the fuzzing is over, then the API still answers a real request', async () => {
    const response = await api('GET', '/me', { as: ANNA.id });
    expect(response.status).toBe(200);
  });

  it('when all the garbage has been answered, then the stored data is exactly as before', async () => {
    await running().stop();
    service = undefined;
    expect(await snapshotDatabase(dataDir)).toEqual(before);
  });

  it('when a well-formed write carries odd text (NUL, lone surrogates, markup, emoji), then it is saved or refused, never a 5xx', async () => {
    service ??= await start();
    const oddText = fc.oneof(nastyString, anyString).filter((text) => text.trim().length > 0);
    const write = fc.oneof(
      fc
        .tuple(oddText, fc.constantFrom('inclusive', 'activating', 'motivating', 'sustainable'))
        .map(([text, principle]) => ({
          method: 'POST',
          route: '/me/reflections',
          as: ANNA.id,
          body: { principle, text: text.slice(0, 2_000), visibility: 'private' },
        })),
      oddText.map((text) => ({
        method: 'PUT',
        route: `/units/${UNIT_ID}/team-plan`,
        as: KARIN.id,
        // Version 0 is stale once the seed saved: refused after validation, or saved if new.
        body: {
          unitGoals: [{ id: 'goal-1', text: text.slice(0, 500) }],
          neededCompetences: [],
          expectedVersion: 1,
        },
      })),
    );
    await fc.assert(
      fc.asyncProperty(write, async ({ method, route, as, body }) => {
        await expectRefusedCleanly(await api(method, route, { as, body }));
      }),
      fuzzParameters('api odd text', 150),
    );
  });
});

// ---------------------------------------------------------------------------------------
// Tokens

describe('fuzzing Teams sign-in: forged and broken tokens', () => {
  let entra: FakeEntra;
  let app: ApiTestApp;
  beforeAll(async () => {
    entra = await startTestEntra();
    app = await startApiTestApp({
      env: { ...signInEnvironment(entra), API_RATE_LIMIT_PER_MINUTE: '100000' },
      directory: new DemoDirectory(),
    });
  });
  afterAll(async () => {
    await app?.close();
    await entra?.close();
  });

  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value) ?? '').toString('base64url');

  /** A token no verifier may accept: random parts, alg none, HMAC, a stray key, tampering. */
  const forgedToken = fc.oneof(
    fc
      .tuple(garbage, garbage, fc.uint8Array({ maxLength: 300 }))
      .map(
        ([header, payload, signature]) =>
          `${b64(header)}.${b64(payload)}.${Buffer.from(signature).toString('base64url')}`,
      ),
    fc
      .tuple(
        fc.record(
          {
            alg: fc.oneof(fc.constantFrom('RS256', 'none', 'HS256', 'ES256', 'PS256'), garbage),
            kid: garbage,
            typ: garbage,
          },
          { requiredKeys: [] },
        ),
        fc.uint8Array({ maxLength: 300 }),
      )
      .map(
        ([header, signature]) =>
          `${b64(header)}.${b64(entra.claimsFor({ oid: ANNA.id }))}.${Buffer.from(signature).toString('base64url')}`,
      ),
    fc.constant(null).map(() => unsignedToken(entra.claimsFor({ oid: ANNA.id }))),
    fc.stringMatching(/^[A-Za-z0-9_-]{0,60}(\.[A-Za-z0-9_-]{0,60}){0,4}$/),
  );

  /** Tokens signed as Entra signs, with claims that are wrong or garbage. */
  const claimChanges = fc.dictionary(
    fc.constantFrom('aud', 'iss', 'tid', 'oid', 'exp', 'nbf', 'iat', 'scp', 'ver', 'appid', 'azp'),
    fc.oneof(garbage, fc.constant(undefined)),
    { minKeys: 1, maxKeys: 3 },
  );

  it('when the Authorization header carries a forged or garbage token, then the answer is 401 invalid_token', async () => {
    await fc.assert(
      fc.asyncProperty(
        forgedToken,
        fc.constantFrom('as is', 'as is', 'as is', 'stray', 'hmac', 'tampered'),
        async (token, twist) => {
          const sent =
            twist === 'stray'
              ? await entra.token({ oid: ANNA.id, signWith: 'stray-with-published-kid' })
              : twist === 'hmac'
                ? await hmacToken(entra.claimsFor({ oid: ANNA.id }), entra.publicKeyPem)
                : twist === 'tampered'
                  ? withPayload(
                      await entra.token({ oid: ANNA.id }),
                      entra.claimsFor({ oid: KARIN.id }),
                    )
                  : token;
          const response = await app.api('/me', { headers: { Authorization: `Bearer ${sent}` } });
          await expectRefusedCleanly(response);
          // 431: a token so long that node refuses the headers before the app sees them.
          expect([401, 431]).toContain(response.status);
        },
      ),
      fuzzParameters('forged tokens', 300),
    );
  });

  it('when a properly signed token has wrong or garbage claims, then the answer is below 500 and only a whole token gets in', async () => {
    await fc.assert(
      fc.asyncProperty(claimChanges, async (claims) => {
        const token = await entra.token({ oid: ANNA.id, claims });
        const response = await app.api('/me', { headers: { Authorization: `Bearer ${token}` } });
        await expectRefusedCleanly(response);
      }),
      fuzzParameters('token claims', 200),
    );
  });

  it('when the Authorization header itself is garbage, then the answer is 401 and never a 5xx', async () => {
    const header = fc.oneof(
      fc.string({ maxLength: 200 }).filter((value) => /^[\t\x20-\x7e]*$/.test(value)),
      fc.constantFrom(
        'Bearer',
        'Bearer  ',
        'bearer a b',
        'Basic Og==',
        'Negotiate x',
        'Bearer ====',
        `Bearer ${'a'.repeat(20_000)}`,
      ),
    );
    await fc.assert(
      fc.asyncProperty(header, async (authorization) => {
        const response = await app.api('/me', { headers: { Authorization: authorization } });
        await expectRefusedCleanly(response);
        expect([400, 401, 431]).toContain(response.status);
      }),
      fuzzParameters('authorization headers', 200),
    );
  });

  it('when the fuzzing is over, then a real Teams token still signs in', async () => {
    const response = await app.api('/me', {
      headers: { Authorization: `Bearer ${await entra.token({ oid: ANNA.id })}` },
    });
    expect(response.status).toBe(200);
  });
});

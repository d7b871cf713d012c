// @microsoft/app-manifest needs a CommonJS strip-bom under Jest (see tests/manifest/manifestFixtures).
jest.mock('strip-bom', () => jest.requireActual('../manifest/manifestFixtures').stripBomForJest);

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import demoOrganisation from '../../bot/demo/demoOrganisation.json';
import { MeResponseSchema } from '../../bot/api/contract';
import {
  createTeamsTokenVerifier,
  InvalidTokenError,
  SigningKeysUnavailableError,
  TOKEN_PROBLEMS,
  type TokenProblem,
} from '../../bot/api/teamsSso';
import { ConfigError, loadConfig, type Config, type TeamsSsoConfig } from '../../bot/config';
import { DemoDirectory } from '../../bot/directory/demoDirectory';
import { createLogger } from '../../bot/logger';
import { fillTemplate, manifestValuesFromConfig } from '../../manifest/appPackage';
import { FakeEntra, hmacToken, unsignedToken, withPayload } from '../fakes/fakeEntra';
import { startApiTestApp, type ApiTestApp } from './apiTestApp';
import { expectErrorResponse } from './expectErrorResponse';

const TENANT_ID = '9b0a1e3c-2d4f-4e5a-8b6c-7d8e9f0a1b2c';
const OTHER_TENANT_ID = '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const OTHER_APP_ID = '7a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d';
const PUBLIC_URL = 'https://kompetensdialog.example';
const APPLICATION_ID_URI = `api://kompetensdialog.example/${APP_ID}`;
const NOBODY_ID = '11111111-2222-4333-8444-555555555555';

const { manager, employees } = demoOrganisation;
const [anna] = employees;
if (!anna) throw new Error('the demo organisation has no employees');

/** What `npm start` reads for Teams sign-in in a test: the bot's app, tenant and address. */
function ssoEnv(jwksUrl: string): Record<string, string> {
  return {
    DEMO_ORGANISATION: 'false',
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
    MICROSOFT_APP_TENANT_ID: TENANT_ID,
    PUBLIC_URL,
    ENTRA_JWKS_URL: jwksUrl,
  };
}

const startEntra = () =>
  FakeEntra.start({ tenantId: TENANT_ID, clientId: APP_ID, applicationIdUri: APPLICATION_ID_URI });

/** The demo people exist in the directory, so only the token decides who gets in. */
const startSsoApp = (entra: FakeEntra) =>
  startApiTestApp({ env: ssoEnv(entra.jwksUrl), directory: new DemoDirectory() });

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('Teams sign-in to the tab API (SSO mode: no demo organisation)', () => {
  let entra: FakeEntra;
  let app: ApiTestApp;
  beforeAll(async () => {
    entra = await startEntra();
    app = await startSsoApp(entra);
  });
  afterAll(async () => {
    await app.close();
    await entra.close();
  });

  const me = (headers: Record<string, string>) => app.api('/me', { headers });

  interface Accepted {
    when: string;
    headers: () => Promise<Record<string, string>>;
    personId: string;
    isManager: boolean;
  }
  const accepted: Accepted[] = [
    {
      when: "an employee's v1.0 token (sts.windows.net issuer, App ID URI audience)",
      headers: async () => bearer(await entra.token({ oid: anna.id })),
      personId: anna.id,
      isManager: false,
    },
    {
      when: "the manager's v2.0 token (login.microsoftonline.com issuer, client id audience)",
      headers: async () => bearer(await entra.token({ oid: manager.id, version: '2.0' })),
      personId: manager.id,
      isManager: true,
    },
    {
      when: 'a token that expired 20 s ago (within the clock tolerance)',
      headers: async () => bearer(await entra.token({ oid: anna.id, expiresIn: -20 })),
      personId: anna.id,
      isManager: false,
    },
    {
      when: 'the scheme written in lower case ("bearer")',
      headers: async () => ({ Authorization: `bearer ${await entra.token({ oid: anna.id })}` }),
      personId: anna.id,
      isManager: false,
    },
    {
      when: "an employee's token and an X-Demo-User header naming the manager",
      headers: async () => ({
        ...bearer(await entra.token({ oid: anna.id })),
        'X-Demo-User': manager.id,
      }),
      personId: anna.id,
      isManager: false,
    },
  ];

  it.each(accepted)(
    'when the tab sends $when, then /me answers as the person the token names',
    async ({ headers, personId, isManager }) => {
      const response = await me(await headers());

      expect(response.status).toBe(200);
      const body = MeResponseSchema.parse(await response.json());
      expect(body.person.id).toBe(personId);
      expect(body.isManager).toBe(isManager);
    },
  );

  interface Refused {
    when: string;
    authorization: () => Promise<string>;
    code: 'unauthenticated' | 'invalid_token';
    /** What the message must say: a problem's own message, or a part of it. */
    says: TokenProblem | RegExp;
  }
  const claims = (request: Parameters<FakeEntra['claimsFor']>[0]) => entra.claimsFor(request);
  const refused: Refused[] = [
    {
      when: 'no Authorization header at all (a demo header does not count)',
      authorization: async () => '',
      code: 'unauthenticated',
      says: /Sign in through Microsoft Teams/,
    },
    {
      when: 'another scheme (Basic)',
      authorization: async () => 'Basic dXNlcjpwYXNzd29yZA==',
      code: 'invalid_token',
      says: /Authorization: Bearer <token>/,
    },
    {
      when: '"Bearer" without a token',
      authorization: async () => 'Bearer',
      code: 'invalid_token',
      says: /Authorization: Bearer <token>/,
    },
    {
      when: 'a token that is no JWT ("abc")',
      authorization: async () => 'Bearer abc',
      code: 'invalid_token',
      says: 'malformed',
    },
    {
      when: 'three parts that are no JWT ("a.b.c")',
      authorization: async () => 'Bearer a.b.c',
      code: 'invalid_token',
      says: 'malformed',
    },
    {
      when: 'an unsigned token (alg none) with otherwise perfect claims',
      authorization: async () => `Bearer ${unsignedToken(claims({ oid: anna.id }))}`,
      code: 'invalid_token',
      says: 'algorithm',
    },
    {
      when: "an HS256 token keyed with Entra's public key (key confusion)",
      authorization: async () =>
        `Bearer ${await hmacToken(claims({ oid: anna.id }), entra.publicKeyPem)}`,
      code: 'invalid_token',
      says: 'algorithm',
    },
    {
      when: 'a token that expired 5 minutes ago',
      authorization: async () => `Bearer ${await entra.token({ oid: anna.id, expiresIn: -300 })}`,
      code: 'invalid_token',
      says: 'expired',
    },
    {
      when: 'a token valid only from 5 minutes from now',
      authorization: async () =>
        `Bearer ${await entra.token({ oid: anna.id, notBeforeIn: 300, expiresIn: 3900 })}`,
      code: 'invalid_token',
      says: 'not_yet_valid',
    },
    {
      when: "a token for another app's Application ID URI",
      authorization: async () =>
        `Bearer ${await entra.token({
          oid: anna.id,
          claims: { aud: `api://kompetensdialog.example/${OTHER_APP_ID}` },
        })}`,
      code: 'invalid_token',
      says: 'audience',
    },
    {
      when: 'a v2.0 token for another client id',
      authorization: async () =>
        `Bearer ${await entra.token({ oid: anna.id, version: '2.0', claims: { aud: OTHER_APP_ID } })}`,
      code: 'invalid_token',
      says: 'audience',
    },
    {
      when: 'a token for Microsoft Graph',
      authorization: async () =>
        `Bearer ${await entra.token({ oid: anna.id, claims: { aud: 'https://graph.microsoft.com' } })}`,
      code: 'invalid_token',
      says: 'audience',
    },
    {
      when: 'a token from an issuer that is not Entra',
      authorization: async () =>
        `Bearer ${await entra.token({ oid: anna.id, claims: { iss: 'https://evil.example/' } })}`,
      code: 'invalid_token',
      says: 'issuer',
    },
    {
      when: "a token from the multi-tenant 'common' issuer",
      authorization: async () =>
        `Bearer ${await entra.token({
          oid: anna.id,
          claims: { iss: 'https://login.microsoftonline.com/common/v2.0' },
        })}`,
      code: 'invalid_token',
      says: 'issuer',
    },
    {
      when: "a token issued by another organisation's tenant",
      authorization: async () =>
        `Bearer ${await entra.token({
          oid: anna.id,
          claims: { iss: entra.issuer('1.0', OTHER_TENANT_ID), tid: OTHER_TENANT_ID },
        })}`,
      code: 'invalid_token',
      says: 'issuer',
    },
    {
      when: "a token whose tid is another organisation's (issuer ours)",
      authorization: async () =>
        `Bearer ${await entra.token({ oid: anna.id, claims: { tid: OTHER_TENANT_ID } })}`,
      code: 'invalid_token',
      says: 'tenant',
    },
    {
      when: "a token signed with a key that is not Entra's, under Entra's key id",
      authorization: async () =>
        `Bearer ${await entra.token({ oid: anna.id, signWith: 'stray-with-published-kid' })}`,
      code: 'invalid_token',
      says: 'signature',
    },
    {
      when: 'a valid token whose claims were changed to name the manager',
      authorization: async () =>
        `Bearer ${withPayload(await entra.token({ oid: anna.id }), claims({ oid: manager.id }))}`,
      code: 'invalid_token',
      says: 'signature',
    },
    {
      when: 'a token signed with a key Entra does not publish (unknown kid)',
      authorization: async () => `Bearer ${await entra.token({ oid: anna.id, signWith: 'stray' })}`,
      code: 'invalid_token',
      says: 'unknown_key',
    },
    {
      when: 'an app-only token (no scp: no signed-in person)',
      authorization: async () =>
        `Bearer ${await entra.token({ oid: anna.id, claims: { scp: undefined, roles: ['x'] } })}`,
      code: 'invalid_token',
      says: 'not_a_person',
    },
    {
      when: 'a token without an oid',
      authorization: async () =>
        `Bearer ${await entra.token({ oid: anna.id, claims: { oid: undefined } })}`,
      code: 'invalid_token',
      says: 'claims',
    },
    {
      when: 'a token without an expiry',
      authorization: async () =>
        `Bearer ${await entra.token({ oid: anna.id, claims: { exp: undefined } })}`,
      code: 'invalid_token',
      says: 'claims',
    },
  ];

  it.each(refused)(
    'when the tab sends $when, then the answer is 401 $code, saying why and nothing more',
    async ({ authorization, code, says }) => {
      const value = await authorization();
      const response = await me({
        ...(value ? { Authorization: value } : {}),
        'X-Demo-User': manager.id,
      });

      const body = await expectErrorResponse(response, 401, code);
      if (typeof says === 'string') expect(body.error.message).toBe(TOKEN_PROBLEMS[says]);
      else expect(body.error.message).toMatch(says);
      expect(response.headers.get('www-authenticate')).toBe(
        code === 'invalid_token' ? 'Bearer error="invalid_token"' : 'Bearer',
      );
      const token = value.split(' ')[1];
      if (token) expect(JSON.stringify(body)).not.toContain(token);
    },
  );

  /** Every authenticated route of the contract, with ids that would exist for a caller. */
  const AUTHENTICATED_ROUTES: ReadonlyArray<[method: string, path: string, body?: unknown]> = [
    ['GET', '/me'],
    ['GET', '/me/plan'],
    ['GET', `/people/${anna.id}/plan`],
    ['PATCH', `/plans/${anna.id}/activities/${anna.id}`, { status: 'done', expectedVersion: 1 }],
    ['POST', `/plans/${anna.id}/answer`, { decision: 'accept', expectedVersion: 1 }],
    ['GET', `/plans/${anna.id}/history`],
    ['POST', '/me/reflections', { principle: 'inclusive', text: 'x', visibility: 'private' }],
    ['GET', '/me/team'],
    ['GET', '/units/demo-unit/team-plan'],
    [
      'PUT',
      '/units/demo-unit/team-plan',
      { unitGoals: [], neededCompetences: [], expectedVersion: 0 },
    ],
  ];
  const badCredentials: ReadonlyArray<
    [when: string, headers: () => Promise<Record<string, string>>]
  > = [
    ['no token', async () => ({})],
    [
      'a token for another app (wrong audience)',
      async () =>
        bearer(
          await entra.token({
            oid: anna.id,
            claims: { aud: `api://kompetensdialog.example/${OTHER_APP_ID}` },
          }),
        ),
    ],
    ['an expired token', async () => bearer(await entra.token({ oid: anna.id, expiresIn: -300 }))],
  ];

  it.each(
    AUTHENTICATED_ROUTES.flatMap(([method, path, body]) =>
      badCredentials.map(([when, headers]) => ({ method, path, body, when, headers })),
    ),
  )(
    '$method $path with $when is refused with a 401 before the route reads or writes anything',
    async ({ method, path, body, headers }) => {
      const response = await app.api(path, {
        method,
        headers: { ...(await headers()), 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const { error } = (await response.json()) as { error: { code: string } };
      expect({ status: response.status, code: error.code }).toEqual({
        status: 401,
        code: expect.stringMatching(/^(unauthenticated|invalid_token)$/),
      });
    },
  );

  it('when a valid token names someone the directory does not know, then the answer is 403 not_in_directory', async () => {
    const response = await me(bearer(await entra.token({ oid: NOBODY_ID })));

    const body = await expectErrorResponse(response, 403, 'not_in_directory');
    expect(body.error.message).toMatch(/directory does not know you/);
  });

  it('when tokens are accepted and refused, then the log never holds a token', async () => {
    const logged: string[] = [];
    const spies = (['debug', 'info', 'warn', 'error'] as const).map((level) =>
      jest.spyOn(app.deps.logger, level).mockImplementation((...args: unknown[]) => {
        logged.push(inspect(args, { depth: 8 }));
      }),
    );
    try {
      const tokens = [
        await entra.token({ oid: anna.id }),
        await entra.token({ oid: anna.id, expiresIn: -300 }),
        await entra.token({ oid: anna.id, signWith: 'stray' }),
        await entra.token({ oid: NOBODY_ID }),
      ];
      for (const token of tokens) await me(bearer(token));

      expect(logged.join('\n')).toMatch(/Teams token refused/);
      for (const token of tokens) {
        for (const part of token.split('.')) expect(logged.join('\n')).not.toContain(part);
      }
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('when the tab asks for the demo people in SSO mode, then they do not exist', async () => {
    const response = await app.api('/demo/people', {
      headers: bearer(await entra.token({ oid: anna.id })),
    });
    await expectErrorResponse(response, 404, 'not_found');
  });
});

describe("Teams sign-in when Entra's keys cannot be fetched (one app, in order)", () => {
  // jose keeps the keys once fetched: the outages come first, before any fetch succeeds.
  let entra: FakeEntra;
  let app: ApiTestApp;
  beforeAll(async () => {
    entra = await startEntra();
    app = await startSsoApp(entra);
  });
  afterAll(async () => {
    await app.close();
    await entra.close();
  });

  it.each([
    ['drops the connection', 'down' as const],
    ['answers 500', 'error' as const],
  ])(
    'when Entra %s, then a valid token gets 503 sign_in_unavailable, saying so',
    async (_what, outage) => {
      entra.setAvailability(outage);
      const token = await entra.token({ oid: anna.id });

      const response = await app.api('/me', { headers: bearer(token) });

      const body = await expectErrorResponse(response, 503, 'sign_in_unavailable');
      expect(body.error.message).toMatch(/Microsoft Entra does not answer/);
      expect(JSON.stringify(body)).not.toContain(token);
    },
  );

  it('when Entra answers again, then the next request gets in, and later outages do not matter while the keys are kept', async () => {
    entra.setAvailability('up');
    const back = await app.api('/me', { headers: bearer(await entra.token({ oid: anna.id })) });
    expect(back.status).toBe(200);
    const requestsSoFar = entra.keyRequests;

    entra.setAvailability('error');
    const later = await app.api('/me', {
      headers: bearer(await entra.token({ oid: manager.id })),
    });
    expect(later.status).toBe(200);
    expect(MeResponseSchema.parse(await later.json()).person.id).toBe(manager.id);
    expect(entra.keyRequests).toBe(requestsSoFar);
  });
});

describe('the token verifier (bot/api/teamsSso.ts)', () => {
  let entra: FakeEntra;
  let sso: TeamsSsoConfig;
  beforeEach(async () => {
    entra = await startEntra();
    sso = {
      tenantId: TENANT_ID,
      clientId: APP_ID,
      applicationIdUri: APPLICATION_ID_URI,
      jwksUrl: entra.jwksUrl,
    };
  });
  afterEach(() => entra.close());

  it('when Entra rolls its keys over, then a token under the new kid is accepted after one refetch', async () => {
    const verify = createTeamsTokenVerifier(sso, { cooldownMs: 0 });
    expect(await verify(await entra.token({ oid: anna.id }))).toEqual({
      objectId: anna.id,
      tenantId: TENANT_ID,
      appRoles: [],
    });
    expect(entra.keyRequests).toBe(1);

    await entra.rollKeys();
    expect(await verify(await entra.token({ oid: manager.id }))).toEqual({
      objectId: manager.id,
      tenantId: TENANT_ID,
      appRoles: [],
    });
    expect(entra.keyRequests).toBe(2);
  });

  it('when tokens under unknown kids keep coming, then the keys are refetched at most once per cooldown', async () => {
    const verify = createTeamsTokenVerifier(sso);
    await verify(await entra.token({ oid: anna.id }));
    for (let i = 0; i < 3; i += 1) {
      await expect(verify(await entra.token({ oid: anna.id, signWith: 'stray' }))).rejects.toEqual(
        new InvalidTokenError('unknown_key'),
      );
    }
    expect(entra.keyRequests).toBe(1);
  });

  it('when Entra never answers, then the check gives up after the timeout as unavailable', async () => {
    entra.setAvailability('hang');
    const verify = createTeamsTokenVerifier(sso, { timeoutMs: 200 });
    const started = Date.now();

    await expect(verify(await entra.token({ oid: anna.id }))).rejects.toBeInstanceOf(
      SigningKeysUnavailableError,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('when nothing listens at the key set address, then the check fails as unavailable', async () => {
    await entra.close();
    const verify = createTeamsTokenVerifier(sso);

    await expect(verify(await entra.token({ oid: anna.id }))).rejects.toBeInstanceOf(
      SigningKeysUnavailableError,
    );
    entra = await startEntra();
  });

  it('when the tenant id in the config is upper case, then Entra tokens (lower case) are still accepted', async () => {
    const config = loadConfig({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
      MICROSOFT_APP_TENANT_ID: TENANT_ID.toUpperCase(),
      PUBLIC_URL,
      ENTRA_JWKS_URL: entra.jwksUrl,
    });
    const verify = createTeamsTokenVerifier(config.sso as TeamsSsoConfig);
    await expect(verify(await entra.token({ oid: anna.id }))).resolves.toMatchObject({
      objectId: anna.id,
    });
  });
});

describe('the configuration of Teams sign-in', () => {
  const production = {
    NODE_ENV: 'production',
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
    MICROSOFT_APP_TENANT_ID: TENANT_ID,
    PUBLIC_URL: 'https://kompetensdialog.example.org:8443/',
  };

  function problemsOf(env: Record<string, string | undefined>): string[] {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  }

  it("when production starts, then sign-in checks tokens for the bot's app and tenant with Entra's keys", () => {
    expect(loadConfig(production).sso).toEqual({
      tenantId: TENANT_ID,
      clientId: APP_ID,
      applicationIdUri: `api://kompetensdialog.example.org:8443/${APP_ID}`,
      jwksUrl: `https://login.microsoftonline.com/${TENANT_ID}/discovery/v2.0/keys`,
    });
  });

  it('when the app package is built from the same config, then its webApplicationInfo names the same app and audience', () => {
    const config = loadConfig(production);
    const template: unknown = JSON.parse(
      readFileSync(path.join(__dirname, '../../manifest/manifest.template.json'), 'utf8'),
    );
    const manifest = fillTemplate(template, manifestValuesFromConfig(config, '1.0.0'));

    expect(manifest.webApplicationInfo).toEqual({
      id: config.sso?.clientId,
      resource: config.sso?.applicationIdUri,
    });
  });

  it.each([
    {
      when: 'production has no tenant',
      env: { ...production, MICROSOFT_APP_TENANT_ID: '' },
      variable: 'MICROSOFT_APP_TENANT_ID',
    },
    {
      when: 'production has no app',
      env: { ...production, MICROSOFT_APP_ID: '' },
      variable: 'MICROSOFT_APP_ID',
    },
    {
      when: 'production is pointed at other signing keys',
      env: { ...production, ENTRA_JWKS_URL: 'https://keys.example/keys' },
      variable: 'ENTRA_JWKS_URL',
    },
    {
      when: 'a key set address is given without an app',
      env: { ENTRA_JWKS_URL: 'http://127.0.0.1:1/keys' },
      variable: 'ENTRA_JWKS_URL',
    },
    {
      when: 'the key set address is not http(s)',
      env: { ...production, NODE_ENV: 'test', ENTRA_JWKS_URL: 'file:///etc/keys.json' },
      variable: 'ENTRA_JWKS_URL',
    },
  ])('when $when, then the start stops naming $variable', ({ env, variable }) => {
    expect(problemsOf(env).some((problem) => problem.startsWith(`${variable}:`))).toBe(true);
  });

  it('when nothing is configured (emulator mode), then there is no sign-in to check tokens with', () => {
    expect(loadConfig({}).sso).toBeUndefined();
  });

  it('when production were somehow given the demo organisation, then the API still refuses demo identities', async () => {
    const entra = await startEntra();
    const overrides: Partial<Config> = { environment: 'production', demoOrganisation: true };
    const app = await startApiTestApp({
      env: ssoEnv(entra.jwksUrl),
      override: overrides,
      directory: new DemoDirectory(),
    });
    try {
      const demo = await app.api('/me', { headers: { 'X-Demo-User': manager.id } });
      await expectErrorResponse(demo, 401, 'unauthenticated');
      const signedIn = await app.api('/me', {
        headers: bearer(await entra.token({ oid: anna.id })),
      });
      expect(MeResponseSchema.parse(await signedIn.json()).person.id).toBe(anna.id);
    } finally {
      await app.close();
      await entra.close();
    }
  });
});

describe('the service log (bot/logger.ts) as a safety net', () => {
  it('when something logs request headers, then the Authorization header is redacted', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => lines.push(line) });
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJ4In0.c2lnbmF0dXJl';

    logger.info({ req: { headers: { authorization: `Bearer ${token}` } } }, 'a request');
    logger.info({ headers: { authorization: `Bearer ${token}` } }, 'a call');
    logger.info({ sso: { token } }, 'a token field');

    expect(lines).toHaveLength(3);
    expect(lines.join('')).not.toContain(token);
    expect(lines.join('')).toContain('[redacted]');
  });
});

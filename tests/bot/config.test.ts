import { ConfigError, loadConfig } from '../../bot/config';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const TENANT_ID = '9b0a1e3c-2d4f-4e5a-8b6c-7d8e9f0a1b2c';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('when nothing is set, then the service runs locally in emulator mode on the embedded database', () => {
    const config = loadConfig({});
    expect(config.environment).toBe('development');
    expect(config.port).toBe(3978);
    expect(config.bot).toBeUndefined();
    expect(config.storage).toEqual({ kind: 'embedded', dataDir: './data' });
    expect(config.demoOrganisation).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:3978');
  });

  it('when DATABASE_URL is set, then PostgreSQL is used', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://kd@127.0.0.1:5432/kd' });
    expect(config.storage).toEqual({ kind: 'postgres', url: 'postgres://kd@127.0.0.1:5432/kd' });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MICROSOFT_APP_ID: 'not-a-guid' }, 'MICROSOFT_APP_ID'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL'],
    [{ PUBLIC_URL: 'ftp://example.org' }, 'PUBLIC_URL'],
    [{ DEMO_ORGANISATION: 'maybe' }, 'DEMO_ORGANISATION'],
    [{ DEFAULT_PROFILE: 'region-atlantis' }, 'DEFAULT_PROFILE'],
    [{ MICROSOFT_APP_PASSWORD: 'secret' }, 'MICROSOFT_APP_ID'],
    [{ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'secret' }, 'MICROSOFT_APP_TENANT_ID'],
    [{ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TENANT_ID: TENANT_ID }, 'MICROSOFT_APP_PASSWORD'],
  ])('when %j, then the start stops with a message naming %s', (env, variable) => {
    const problems = problemsOf(env);
    expect(problems.some((p) => p.startsWith(`${variable}:`))).toBe(true);
  });

  it('when production starts without credentials, then it refuses, naming each missing variable', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['MICROSOFT_APP_ID', 'PUBLIC_URL']);
  });

  it('when production is asked for the demo organisation, then it refuses', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'secret',
      MICROSOFT_APP_TENANT_ID: TENANT_ID,
      PUBLIC_URL: 'https://kompetensdialog.example.org',
      DEMO_ORGANISATION: 'true',
    });
    expect(problems).toEqual([expect.stringMatching(/^DEMO_ORGANISATION:/)]);
  });

  it('when production has a single-tenant bot and an https address, then it starts without the demo', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'secret',
      MICROSOFT_APP_TENANT_ID: TENANT_ID,
      PUBLIC_URL: 'https://kompetensdialog.example.org/',
    });
    expect(config.bot).toEqual({
      appId: APP_ID,
      appPassword: 'secret',
      appType: 'SingleTenant',
      tenantId: TENANT_ID,
    });
    expect(config.publicUrl).toBe('https://kompetensdialog.example.org');
    expect(config.demoOrganisation).toBe(false);
  });

  it('when a managed identity is used, then no password is needed', () => {
    const config = loadConfig({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_TYPE: 'UserAssignedMsi',
      MICROSOFT_APP_TENANT_ID: TENANT_ID,
    });
    expect(config.bot?.appType).toBe('UserAssignedMsi');
    expect(config.bot?.appPassword).toBeUndefined();
  });

  it('when MICROSOFT_APP_TYPE is MultiTenant, then it is refused (new Azure bots cannot be multi-tenant)', () => {
    expect(problemsOf({ MICROSOFT_APP_TYPE: 'MultiTenant' })).toEqual([
      expect.stringMatching(/^MICROSOFT_APP_TYPE:/),
    ]);
  });

  describe('the directory', () => {
    const bot = {
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'secret',
      MICROSOFT_APP_TENANT_ID: TENANT_ID,
    };
    const production = {
      ...bot,
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://kompetensdialog.vgregion.se',
    };

    it.each([
      ['nothing is set, outside production', {}, 'demo'],
      ['the demo organisation is turned off', { DEMO_ORGANISATION: 'false' }, 'empty'],
      ['production sets nothing', production, 'empty'],
    ])('when %s, then the directory is %s', (_case, env, kind) => {
      expect(loadConfig(env).directory).toEqual({ kind });
    });

    it("when DIRECTORY=graph with the bot's identity, then Graph is read with the bot's app id, secret and tenant, cached 60 s", () => {
      const config = loadConfig({ ...production, DIRECTORY: 'graph' });
      expect(config.directory).toEqual({ kind: 'graph', cacheTtlMs: 60_000 });
      expect(config.graph).toEqual({
        credentials: {
          kind: 'client-secret',
          tenantId: TENANT_ID,
          clientId: APP_ID,
          clientSecret: 'secret',
        },
      });
    });

    it('when DIRECTORY=graph uses a managed identity, then no secret is needed', () => {
      const config = loadConfig({ DIRECTORY: 'graph', GRAPH_CREDENTIAL: 'managed-identity' });
      expect(config.graph).toEqual({ credentials: { kind: 'managed-identity' } });
    });

    it('when nothing uses Graph, then no Graph connection is made and plans stay in the database', () => {
      const config = loadConfig(production);
      expect(config.graph).toBeUndefined();
      expect(config.planStore).toEqual({ kind: 'database' });
      expect(config.calendar).toEqual({ kind: 'off' });
    });

    it.each([
      [
        'a site id',
        'contoso.sharepoint.com,2c712604-1370-44e7-a1f5-426573fda80a,2d2244c3-251a-49ea-93a8-39e1c3a060fe',
      ],
      ['a site path', 'contoso.sharepoint.com:/sites/kompetensdialog'],
    ])(
      "when PLAN_STORE=graph names %s, then plans go to that site with the bot's identity",
      (_case, site) => {
        const config = loadConfig({ ...production, PLAN_STORE: 'graph', GRAPH_SITE_ID: site });
        expect(config.planStore).toEqual({ kind: 'graph', siteId: site });
        expect(config.graph?.credentials.kind).toBe('client-secret');
      },
    );

    it.each<[string, Record<string, string>, string[]]>([
      [
        'DIRECTORY=graph without any identity',
        { DIRECTORY: 'graph' },
        ['GRAPH_TENANT_ID', 'GRAPH_CLIENT_ID', 'GRAPH_CLIENT_SECRET'],
      ],
      ['production with the demo directory', { ...production, DIRECTORY: 'demo' }, ['DIRECTORY']],
      [
        'PLAN_STORE=graph without a site',
        { ...production, PLAN_STORE: 'graph' },
        ['GRAPH_SITE_ID'],
      ],
      [
        'a site given as a web address',
        {
          ...production,
          PLAN_STORE: 'graph',
          GRAPH_SITE_ID: 'https://contoso.sharepoint.com/sites/kd',
        },
        ['GRAPH_SITE_ID'],
      ],
      [
        'CALENDAR=graph without any identity',
        { CALENDAR: 'graph' },
        ['GRAPH_TENANT_ID', 'GRAPH_CLIENT_ID', 'GRAPH_CLIENT_SECRET'],
      ],
      [
        'production pointing Graph elsewhere',
        { ...production, DIRECTORY: 'graph', GRAPH_BASE_URL: 'http://127.0.0.1:9999' },
        ['GRAPH_BASE_URL'],
      ],
    ])('when %s, then it refuses, naming the variables', (_case, env, names) => {
      expect(problemsOf(env).map((p) => p.split(':')[0])).toEqual(names);
    });
  });
});

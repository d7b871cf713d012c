// See stripBomForJest in manifestFixtures: @microsoft/app-manifest needs a CommonJS strip-bom under Jest.
jest.mock('strip-bom', () => jest.requireActual('./manifestFixtures').stripBomForJest);

import { AppManifestUtils } from '@microsoft/app-manifest';
import {
  EMULATOR_BOT_ID,
  MANIFEST_VERSION,
  ManifestValidationError,
  type TeamsManifest,
  buildAppPackage,
  checkTeamsRules,
  fillTemplate,
  manifestValuesFromConfig,
  validateManifest,
} from '../../manifest/appPackage';
import {
  PRODUCTION_APP_ID,
  PRODUCTION_TEAMS_APP_ID,
  appVersion,
  blockNetwork,
  developmentConfig,
  productionConfig,
  projectRoot,
  readTemplate,
} from './manifestFixtures';

blockNetwork();

function filled(config = developmentConfig()): TeamsManifest {
  return fillTemplate(readTemplate(), manifestValuesFromConfig(config, appVersion()));
}

describe('the filled manifest', () => {
  it('when filled for local development, then it validates against the shipped schema with no errors', async () => {
    const manifest = filled();
    expect(manifest.manifestVersion).toBe(MANIFEST_VERSION);
    await expect(validateManifest(manifest)).resolves.toEqual([]);
    expect(checkTeamsRules(manifest)).toEqual([]);
  });

  it('when the library resolves $schema on its own, then it finds its shipped copy and never the network', async () => {
    // Our code passes the schema explicitly; this proves the $schema URL in the
    // template is one the library maps to a local file too (1.18 would not be).
    await expect(AppManifestUtils.validateAgainstSchema(filled())).resolves.toEqual([]);
  });

  it('when filled for local development, then every placeholder is replaced', () => {
    expect(JSON.stringify(filled())).not.toContain('${{');
  });

  it('when no bot credentials are configured (emulator mode), then the fixed development id is used for the bot and SSO', () => {
    const manifest = filled();
    expect(manifest.bots?.[0]?.botId).toBe(EMULATOR_BOT_ID);
    expect(manifest.webApplicationInfo).toEqual({
      id: EMULATOR_BOT_ID,
      resource: `api://localhost:3978/${EMULATOR_BOT_ID}`,
    });
    expect(manifest.validDomains).toEqual(['localhost:3978']);
  });

  it('when the config is production-like, then ids, validDomains and the SSO resource follow it', async () => {
    const manifest = filled(productionConfig('https://kompetensdialog.regionen.se/'));
    await expect(validateManifest(manifest)).resolves.toEqual([]);
    expect(checkTeamsRules(manifest)).toEqual([]);

    expect(manifest.id).toBe(PRODUCTION_TEAMS_APP_ID);
    expect(manifest.version).toBe(appVersion());
    expect(manifest.bots?.[0]?.botId).toBe(PRODUCTION_APP_ID);
    expect(manifest.validDomains).toEqual(['kompetensdialog.regionen.se']);
    expect(manifest.webApplicationInfo).toEqual({
      id: PRODUCTION_APP_ID,
      resource: `api://kompetensdialog.regionen.se/${PRODUCTION_APP_ID}`,
    });
    expect(manifest.developer).toMatchObject({
      websiteUrl: 'https://kompetensdialog.regionen.se/',
      privacyUrl: 'https://kompetensdialog.regionen.se/privacy',
      termsOfUseUrl: 'https://kompetensdialog.regionen.se/terms',
    });
  });

  it('when the service lives under a path on a shared host, then the tab URLs keep the path and the domain is the host alone', () => {
    const manifest = filled(productionConfig('https://apps.regionen.se/kompetensdialog'));
    const planTab = manifest.staticTabs?.find((tab) => tab.entityId === 'min-utvecklingsplan');
    expect(planTab?.contentUrl).toBe(
      'https://apps.regionen.se/kompetensdialog/tab/index.html#/min-plan',
    );
    expect(manifest.configurableTabs?.[0]?.configurationUrl).toBe(
      'https://apps.regionen.se/kompetensdialog/tab/config.html',
    );
    expect(manifest.validDomains).toEqual(['apps.regionen.se']);
    expect(manifest.webApplicationInfo?.resource).toBe(
      `api://apps.regionen.se/${PRODUCTION_APP_ID}`,
    );
  });

  it('has the bot in every scope with a command list for each (personal commands only in personal scope), and the personal and team tabs', () => {
    const manifest = filled();
    const bot = manifest.bots?.[0];
    expect(bot?.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot?.supportsFiles).toBe(false);
    expect(bot?.commandLists?.map((list) => list.scopes)).toEqual([
      ['personal'],
      ['team'],
      ['groupChat'],
    ]);
    const titles = (bot?.commandLists ?? []).map((list) =>
      list.commands.map((command) => command.title),
    );
    // Personal plans are talked about in the personal chat only: a channel or group chat
    // offers help, never "min plan" in front of colleagues.
    expect(titles).toEqual([
      [
        'hjälp',
        'förbered mitt samtal',
        'min plan',
        'mitt team',
        'teamets plan',
        'påminnelser',
        'radera mina data',
      ],
      ['hjälp'],
      ['hjälp'],
    ]);
    expect(manifest.staticTabs?.map((tab) => tab.entityId)).toEqual([
      'conversations',
      'min-utvecklingsplan',
      'about',
    ]);
    expect(manifest.configurableTabs).toEqual([
      {
        configurationUrl: 'http://localhost:3978/tab/config.html',
        canUpdateConfiguration: true,
        scopes: ['team'],
        context: ['channelTab'],
      },
    ]);
    expect(manifest.permissions).toEqual(['identity', 'messageTeamMembers']);
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'sv-SE',
      additionalLanguages: [{ languageTag: 'en-US', file: 'en-US.json' }],
    });
  });
});

describe('the validator', () => {
  /** Sets (or with undefined, deletes) the value at a dotted path such as "bots.0.botId". */
  function setAt(target: unknown, dottedPath: string, value: unknown): void {
    const keys = dottedPath.split('.');
    const last = keys.pop() as string;
    const parent = keys.reduce<unknown>(
      (node, key) => (node as Record<string, unknown>)[key],
      target,
    ) as Record<string, unknown>;
    if (value === undefined) Reflect.deleteProperty(parent, last);
    else parent[last] = value;
  }

  /** [what is wrong, where, the new value (undefined deletes), what the report names] */
  const brokenManifests: [string, string, unknown, string][] = [
    ['the privacy page is missing', 'developer.privacyUrl', undefined, 'privacyUrl'],
    ['the bot id is not a GUID', 'bots.0.botId', 'min-bot', '/bots/0/botId'],
    [
      'the channel tab claims the personal scope',
      'configurableTabs.0.scopes',
      ['personal'],
      '/configurableTabs/0/scopes/0',
    ],
    [
      'a command title is longer than Teams allows',
      'bots.0.commandLists.0.commands.1.title',
      'förbered mitt utvecklingssamtal nu direkt',
      '/bots/0/commandLists/0/commands/1/title',
    ],
    ['an unknown property is added', 'kompetens', true, 'kompetens'],
    ['the accent colour is not a hex colour', 'accentColor', 'teal', '/accentColor'],
  ];

  it.each(brokenManifests)(
    'when %s, then validation reports it',
    async (_name, dottedPath, value, named) => {
      const manifest = filled();
      setAt(manifest, dottedPath, value);
      const problems = await validateManifest(manifest);
      expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(named)]));
    },
  );

  it('when $schema names another version than manifestVersion, then validation reports it', async () => {
    const manifest = filled();
    manifest.$schema =
      'https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json';
    await expect(validateManifest(manifest)).resolves.toEqual([
      expect.stringContaining('does not name manifestVersion 1.19'),
    ]);
  });

  it('when the template is broken, then building the package fails with every problem named', async () => {
    const template = readTemplate() as { developer: Record<string, unknown> };
    delete template.developer.termsOfUseUrl;
    const build = buildAppPackage(developmentConfig(), { projectRoot, template });
    await expect(build).rejects.toBeInstanceOf(ManifestValidationError);
    await expect(build).rejects.toThrow(/termsOfUseUrl/);
  });

  it('when the template names an unknown placeholder, then filling it fails', () => {
    const template = { id: '${{TEAMS_APP_ID}}', developer: { websiteUrl: '${{WEBSITE}}' } };
    expect(() =>
      fillTemplate(template, manifestValuesFromConfig(developmentConfig(), '1.0.0')),
    ).toThrow('Unknown placeholder ${{WEBSITE}} at developer.websiteUrl');
  });

  it('when the SSO resource or a tab host does not match validDomains, then the Teams rules check reports it', () => {
    const manifest = filled(productionConfig());
    manifest.validDomains = ['other.regionen.se'];
    const problems = checkTeamsRules(manifest);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('staticTabs[1].contentUrl: host kompetensdialog.regionen.se'),
        expect.stringContaining('configurableTabs[0].configurationUrl'),
        expect.stringContaining('webApplicationInfo.resource'),
      ]),
    );
  });
});

// See stripBomForJest in manifestFixtures: @microsoft/app-manifest needs a CommonJS strip-bom under Jest.
jest.mock('strip-bom', () => jest.requireActual('./manifestFixtures').stripBomForJest);

import { recogniseCommand } from '../../core/commands/commands';
import {
  MANIFEST_VERSION,
  type TeamsManifest,
  checkLocalizationCoverage,
  escapeLoneClosingBrackets,
  fillTemplate,
  loadShippedSchema,
  localizableStrings,
  manifestValuesFromConfig,
  validateLocalization,
} from '../../manifest/appPackage';
import {
  appVersion,
  blockNetwork,
  developmentConfig,
  readEnglish,
  readTemplate,
} from './manifestFixtures';

blockNetwork();

function filled(): TeamsManifest {
  return fillTemplate(readTemplate(), manifestValuesFromConfig(developmentConfig(), appVersion()));
}

describe('the English localization file', () => {
  it('validates against the shipped localization schema of the same manifest version', async () => {
    await expect(
      validateLocalization(readEnglish(), MANIFEST_VERSION, 'en-US.json'),
    ).resolves.toEqual([]);
  });

  it('translates every localizable string of the manifest and names nothing that is not there', () => {
    expect(checkLocalizationCoverage(filled(), readEnglish(), 'en-US.json')).toEqual([]);
  });

  it('translates every bot command, in every scope, as the bot will receive it', () => {
    const english = readEnglish();
    const swedish = localizableStrings(filled());
    const commandTitles = [...swedish.entries()].filter(([key]) => key.endsWith('.title'));
    expect(commandTitles).toHaveLength(9);
    const pairs = new Set(commandTitles.map(([key, sv]) => `${sv} → ${english[key]}`));
    // A user with English Teams picks these from the menu and the bot gets the English text.
    expect([...pairs]).toEqual([
      'hjälp → help',
      'förbered mitt samtal → prepare my dialogue',
      'min plan → my plan',
      'mitt team → my team',
      'teamets plan → team plan',
      'påminnelser → reminders',
      'radera mina data → delete my data',
    ]);
    // …and understands each of them, in either language.
    for (const [key, sv] of commandTitles) {
      expect({ sv, command: recogniseCommand(sv) }).toEqual({ sv, command: expect.any(String) });
      const en = english[key] ?? '';
      expect({ en, command: recogniseCommand(en) }).toEqual({ en, command: expect.any(String) });
    }
  });

  it('translates the personal tab name', () => {
    expect(readEnglish()['staticTabs[1].name']).toBe('My development plan');
    expect(filled().staticTabs?.[1]?.name).toBe('Min utvecklingsplan');
  });

  it('when a translation is missing or points at a command that does not exist, then the coverage check names it', () => {
    const english = readEnglish();
    delete english['bots[0].commandLists[0].commands[4].description'];
    english['bots[0].commandLists[0].commands[7].title'] = 'ghost';
    expect(checkLocalizationCoverage(filled(), english, 'en-US.json')).toEqual([
      'en-US.json: no translation for "bots[0].commandLists[0].commands[4].description"',
      'en-US.json: "bots[0].commandLists[0].commands[7].title" names nothing in the manifest',
    ]);
  });

  it('when the file breaks the schema, then validation reports it', async () => {
    const english = readEnglish();
    english['name.short'] = 'Kompetensdialog for development dialogues';
    english['bots[0].commandLists[0].commands[0].label'] = 'help';
    const problems = await validateLocalization(english, MANIFEST_VERSION, 'en-US.json');
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('/name.short'),
        expect.stringContaining('bots[0].commandLists[0].commands[0].label'),
      ]),
    );
  });
});

describe('the repair of the shipped localization schema', () => {
  const broken =
    '^activities.activityTypes\\[\\b([0-9]|[1-8][0-9]|9[0-9]|1[01][0-9]|12[0-7])\\b]\\.description$';

  it('when a pattern has a lone "]", then it is escaped so that it compiles with the "u" flag', () => {
    expect(() => new RegExp(broken, 'u')).toThrow(SyntaxError);
    const repaired = escapeLoneClosingBrackets(broken);
    expect(repaired).toBe(
      '^activities.activityTypes\\[\\b([0-9]|[1-8][0-9]|9[0-9]|1[01][0-9]|12[0-7])\\b\\]\\.description$',
    );
    const before = new RegExp(broken);
    const after = new RegExp(repaired, 'u');
    for (const key of [
      'activities.activityTypes[5].description',
      'activities.activityTypes[127].description',
      'activities.activityTypes[128].description',
      'activities.activityTypes5].description',
    ]) {
      expect(after.test(key)).toBe(before.test(key));
    }
  });

  it('leaves valid patterns, classes and escapes as they are', () => {
    for (const pattern of [
      '^staticTabs\\[([0-9]|1[0-5])\\]\\.name$',
      '^[a-z]{2}(?:-[a-z]{2})?$',
      '^\\[\\[[a-zA-Z_][a-zA-Z0-9_]*\\]\\]$',
    ]) {
      expect(escapeLoneClosingBrackets(pattern)).toBe(pattern);
    }
  });

  it('yields a schema with no pattern that the "u" flag rejects', () => {
    const schema = loadShippedSchema(MANIFEST_VERSION, 'localization') as {
      patternProperties: Record<string, unknown>;
    };
    for (const pattern of Object.keys(schema.patternProperties)) {
      expect(() => new RegExp(pattern, 'u')).not.toThrow();
    }
  });
});

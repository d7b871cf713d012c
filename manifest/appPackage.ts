import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import type { AppManifest, TeamsManifestV1D19 } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import type { Config } from '../bot/config';

/**
 * The Teams app package: the manifest template filled from Config, checked
 * offline against the schemas that @microsoft/app-manifest ships, and zipped
 * with the icons and the localization file.
 *
 * Pure steps (fill, validate, check, zip) are separate functions so tests call
 * them one by one; buildAppPackage runs them in order over the committed files.
 */

export type TeamsManifest = TeamsManifestV1D19.TeamsManifestV1D19;

/** The localization file: flat keys such as "bots[0].commandLists[0].commands[0].title". */
export type Localization = Record<string, string>;

/**
 * 1.19: the newest of the versions whose schema the package ships and Teams
 * supports widely (1.18's schema is not shipped and would be fetched from the
 * network). It has everything this app uses, and `localizationInfo.defaultLanguageFile`.
 */
export const MANIFEST_VERSION = '1.19';

/**
 * Bot and Entra app id used in emulator mode (no MICROSOFT_APP_ID): a fixed,
 * obviously-not-real GUID so the package still validates. A package with it can
 * be checked and inspected but not installed in a real Teams: no bot is
 * registered under it.
 */
export const EMULATOR_BOT_ID = '00000000-0000-0000-0000-000000000000';

export const PACKAGE_FILE_NAME = 'kompetensdialog.zip';

/** Problems that stop packaging: schema errors and Teams rules the schema does not express. */
export class ManifestValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`The Teams app package is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ManifestValidationError';
  }
}

// ---- filling the template -------------------------------------------------

export interface ManifestValues {
  /** manifest.version: semver, from package.json. */
  appVersion: string;
  /** manifest.id: the Teams app's own GUID. */
  teamsAppId: string;
  /** The bot's Microsoft App ID, which is also the Entra app the tab's SSO uses. */
  botId: string;
  /** The service's base address, without a trailing slash. */
  publicUrl: string;
}

export function manifestValuesFromConfig(
  config: Pick<Config, 'publicUrl' | 'teamsAppId' | 'bot'>,
  appVersion: string,
): ManifestValues {
  return {
    appVersion,
    teamsAppId: config.teamsAppId,
    botId: config.bot?.appId ?? EMULATOR_BOT_ID,
    publicUrl: config.publicUrl.replace(/\/+$/, ''),
  };
}

const PLACEHOLDER = /\$\{\{([A-Z_]+)\}\}/g;

/**
 * Replaces every ${{NAME}} in the template's strings. Works on the parsed JSON,
 * so a value is never spliced into JSON text. An unknown name is an error.
 */
export function fillTemplate(template: unknown, values: ManifestValues): TeamsManifest {
  const replacements: Record<string, string> = {
    APP_VERSION: values.appVersion,
    TEAMS_APP_ID: values.teamsAppId,
    BOT_ID: values.botId,
    PUBLIC_URL: values.publicUrl,
    // Host and port if any: what validDomains and the Entra App ID URI name.
    PUBLIC_HOST: new URL(values.publicUrl).host,
  };
  const fill = (node: unknown, at: string): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (_match, name: string) => {
        const value = replacements[name];
        if (value === undefined) throw new Error(`Unknown placeholder \${{${name}}} at ${at}`);
        return value;
      });
    }
    if (Array.isArray(node)) return node.map((item, i) => fill(item, `${at}[${i}]`));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(
        Object.entries(node).map(([key, value]) => [key, fill(value, at ? `${at}.${key}` : key)]),
      );
    }
    return node;
  };
  return fill(template, '') as TeamsManifest;
}

// ---- schema validation, offline ------------------------------------------

function shippedSchemaPath(manifestVersion: string, file: string): string {
  const packageRoot = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return path.join(packageRoot, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, file);
}

/**
 * Reads a schema from @microsoft/app-manifest's own copy. It is handed to
 * validateAgainstSchema explicitly: without it the library resolves `$schema`
 * itself and, when no copy is shipped (1.18), fetches it from the network.
 */
export function loadShippedSchema(
  manifestVersion: string,
  kind: 'manifest' | 'localization',
): object {
  const file =
    kind === 'manifest' ? 'MicrosoftTeams.schema.json' : 'MicrosoftTeams.Localization.schema.json';
  const schemaPath = shippedSchemaPath(manifestVersion, file);
  let text: string;
  try {
    text = readFileSync(schemaPath, 'utf8');
  } catch {
    throw new Error(
      `@microsoft/app-manifest ships no ${kind} schema for manifest version ${manifestVersion} (${schemaPath})`,
    );
  }
  // The same clean-up the library applies to its schemas (\a and \v are not JSON escapes).
  const schema = JSON.parse(text.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as object;
  return kind === 'localization' ? repairPatterns(schema) : schema;
}

/**
 * Every shipped localization schema has two property patterns with a lone "]"
 * (`…activityTypes\[\b(…)\b]\.description$`, reported upstream as
 * MicrosoftDocs/msteams-docs#8858). The validator compiles patterns with the
 * "u" flag, where a lone "]" is a syntax error, so the schema does not compile at
 * all. Outside a character class a lone "]" means a literal "]" anyway, so
 * escaping it keeps the pattern's meaning and makes it compile.
 */
export function escapeLoneClosingBrackets(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i] as string;
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i += 1;
    } else if (ch === '[' && !inClass) {
      inClass = true;
      out += ch;
    } else if (ch === ']') {
      out += inClass ? ch : '\\]';
      inClass = false;
    } else {
      out += ch;
    }
  }
  return out;
}

function repairPatterns<T>(node: T): T {
  if (Array.isArray(node)) return node.map((item: unknown) => repairPatterns(item)) as T;
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      if (key === 'pattern' && typeof value === 'string') {
        return [key, escapeLoneClosingBrackets(value)];
      }
      if (key === 'patternProperties' && value !== null && typeof value === 'object') {
        return [
          key,
          Object.fromEntries(
            Object.entries(value).map(([p, sub]) => [
              escapeLoneClosingBrackets(p),
              repairPatterns(sub),
            ]),
          ),
        ];
      }
      return [key, repairPatterns(value)];
    }),
  ) as T;
}

type SchemaArgument = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];

async function validateAgainst(document: object, schema: object): Promise<string[]> {
  // The library types both parameters as manifests; a localization file is
  // validated the same way, against its own schema.
  return AppManifestUtils.validateAgainstSchema(
    document as AppManifest,
    schema as NonNullable<SchemaArgument>,
  );
}

function schemaUrlVersion(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  return /\/teams\/v([0-9.]+|DevPreview)\//.exec(url)?.[1];
}

/** Schema errors of the manifest, checked against the shipped schema of its manifestVersion. */
export async function validateManifest(manifest: TeamsManifest): Promise<string[]> {
  const problems: string[] = [];
  const declared = schemaUrlVersion(manifest.$schema);
  if (declared !== manifest.manifestVersion) {
    problems.push(
      `$schema (${String(manifest.$schema)}) does not name manifestVersion ${manifest.manifestVersion}`,
    );
  }
  const errors = await validateAgainst(
    manifest,
    loadShippedSchema(manifest.manifestVersion, 'manifest'),
  );
  return [...problems, ...errors.map((e) => `manifest.json${e}`)];
}

/** Schema errors of one localization file, against the shipped localization schema. */
export async function validateLocalization(
  localization: Localization,
  manifestVersion: string,
  fileName = 'localization file',
): Promise<string[]> {
  const problems: string[] = [];
  if (schemaUrlVersion(localization.$schema) !== manifestVersion) {
    problems.push(
      `${fileName}: $schema (${String(localization.$schema)}) does not name manifest version ${manifestVersion}`,
    );
  }
  const errors = await validateAgainst(
    localization,
    loadShippedSchema(manifestVersion, 'localization'),
  );
  return [...problems, ...errors.map((e) => `${fileName}${e}`)];
}

// ---- rules the schema does not express -----------------------------------

/** Every user-visible string of the manifest that a localization file can translate, by key. */
export function localizableStrings(manifest: TeamsManifest): Map<string, string> {
  const strings = new Map<string, string>([
    ['name.short', manifest.name.short],
    ['name.full', manifest.name.full ?? ''],
    ['description.short', manifest.description.short],
    ['description.full', manifest.description.full],
  ]);
  manifest.staticTabs?.forEach((tab, i) => {
    if (tab.name !== undefined) strings.set(`staticTabs[${i}].name`, tab.name);
  });
  manifest.bots?.forEach((bot, b) => {
    bot.commandLists?.forEach((list, l) => {
      list.commands.forEach((command, c) => {
        const key = `bots[${b}].commandLists[${l}].commands[${c}]`;
        strings.set(`${key}.title`, command.title);
        strings.set(`${key}.description`, command.description);
      });
    });
  });
  return strings;
}

/**
 * A translation for every localizable string, and no key that points at nothing
 * (which happens silently when a command or tab is moved in the template).
 */
export function checkLocalizationCoverage(
  manifest: TeamsManifest,
  localization: Localization,
  fileName = 'localization file',
): string[] {
  const expected = localizableStrings(manifest);
  const problems: string[] = [];
  for (const key of expected.keys()) {
    if (!localization[key]?.trim()) problems.push(`${fileName}: no translation for "${key}"`);
  }
  for (const key of Object.keys(localization)) {
    if (key !== '$schema' && !expected.has(key)) {
      problems.push(`${fileName}: "${key}" names nothing in the manifest`);
    }
  }
  return problems;
}

/**
 * Teams rules beyond the schema: the tab pages' host must be a valid domain, and
 * for tab SSO the resource must be the Entra App ID URI api://<tab host>/<client id>.
 */
export function checkTeamsRules(manifest: TeamsManifest): string[] {
  const problems: string[] = [];
  const validDomains = new Set(manifest.validDomains ?? []);
  const pageUrls: [string, string | undefined][] = [
    ...(manifest.staticTabs ?? []).flatMap((tab, i): [string, string | undefined][] => [
      [`staticTabs[${i}].contentUrl`, tab.contentUrl],
      [`staticTabs[${i}].websiteUrl`, tab.websiteUrl],
    ]),
    ...(manifest.configurableTabs ?? []).map((tab, i): [string, string] => [
      `configurableTabs[${i}].configurationUrl`,
      tab.configurationUrl,
    ]),
  ];
  for (const [where, url] of pageUrls) {
    if (url === undefined) continue;
    const host = new URL(url).host;
    if (!validDomains.has(host)) problems.push(`${where}: host ${host} is not in validDomains`);
  }
  const app = manifest.webApplicationInfo;
  if (app) {
    const resource = app.resource ?? '';
    const match = /^api:\/\/([^/]+)\/([^/]+)$/.exec(resource);
    if (!match || !validDomains.has(match[1] as string) || match[2] !== app.id) {
      problems.push(
        `webApplicationInfo.resource (${resource}) must be api://<a valid domain>/${app.id}`,
      );
    }
  }
  return problems;
}

// ---- the package ------------------------------------------------------------

/** Every file lands at the root of the zip; a fixed date keeps the zip reproducible. */
export async function zipAppPackage(files: Record<string, Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  const date = new Date(Date.UTC(2020, 0, 1));
  for (const [name, content] of Object.entries(files)) {
    zip.file(name, content, { date, createFolders: false });
  }
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });
}

export interface AppPackage {
  manifest: TeamsManifest;
  /** Localization files by their name in the package. */
  localizations: Record<string, Localization>;
  zip: Buffer;
  /** Not errors, but the package cannot go into a real Teams as it is. */
  warnings: string[];
}

export interface BuildOptions {
  /** The folder with manifest/ and package.json. */
  projectRoot: string;
  /** Instead of manifest/manifest.template.json (tests use it to break things). */
  template?: unknown;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

export async function buildAppPackage(
  config: Pick<Config, 'publicUrl' | 'teamsAppId' | 'bot'>,
  options: BuildOptions,
): Promise<AppPackage> {
  const manifestDir = path.join(options.projectRoot, 'manifest');
  const { version } = readJson(path.join(options.projectRoot, 'package.json')) as {
    version: string;
  };
  const template = options.template ?? readJson(path.join(manifestDir, 'manifest.template.json'));
  const manifest = fillTemplate(template, manifestValuesFromConfig(config, version));

  const problems = [...(await validateManifest(manifest)), ...checkTeamsRules(manifest)];

  const localizationFiles = [
    ...(manifest.localizationInfo?.defaultLanguageFile
      ? [manifest.localizationInfo.defaultLanguageFile]
      : []),
    ...(manifest.localizationInfo?.additionalLanguages ?? []).map((language) => language.file),
  ];
  const localizations: Record<string, Localization> = {};
  const localizationBytes: Record<string, Buffer> = {};
  for (const file of localizationFiles) {
    const bytes = readFileSync(path.join(manifestDir, 'localization', file));
    const localization = JSON.parse(bytes.toString('utf8')) as Localization;
    localizations[file] = localization;
    localizationBytes[file] = bytes;
    problems.push(
      ...(await validateLocalization(localization, manifest.manifestVersion, file)),
      ...checkLocalizationCoverage(manifest, localization, file),
    );
  }
  if (problems.length > 0) throw new ManifestValidationError(problems);

  const files: Record<string, Buffer> = {
    'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
    [manifest.icons.color]: readFileSync(path.join(manifestDir, manifest.icons.color)),
    [manifest.icons.outline]: readFileSync(path.join(manifestDir, manifest.icons.outline)),
    ...localizationBytes,
  };

  const warnings: string[] = [];
  if (!config.bot) {
    warnings.push(
      `Emulator mode: no MICROSOFT_APP_ID, so the bot and SSO id is the placeholder ${EMULATOR_BOT_ID}. ` +
        'Use this package to check it; a real Teams reaches no bot under that id.',
    );
  }
  if (!config.publicUrl.startsWith('https://')) {
    warnings.push(
      `PUBLIC_URL is ${config.publicUrl}: Teams loads tabs only over https (use a tunnel or the deployed address).`,
    );
  }

  return { manifest, localizations, zip: await zipAppPackage(files), warnings };
}

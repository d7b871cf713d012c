import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Config, loadConfig } from '../../bot/config';
import type { Localization } from '../../manifest/appPackage';

/**
 * @microsoft/app-manifest `require`s strip-bom 5, which is an ES module. Node
 * (≥ 20.19, this project's floor) loads it through require(esm), so
 * `npm run package` works; Jest's own module loader cannot before Node 24.9.
 * Each manifest test replaces it with this CommonJS equivalent via
 * `jest.mock('strip-bom', …)`. The code under test never reads files through
 * the library, so the stand-in is not even called.
 */
export const stripBomForJest = {
  __esModule: true,
  default: (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text),
};

export const projectRoot = path.resolve(__dirname, '..', '..');
export const manifestDir = path.join(projectRoot, 'manifest');

export const PRODUCTION_APP_ID = '3b9c2a4e-1f6d-4e8a-9c7b-2d5e8f1a6b30';
export const PRODUCTION_TENANT_ID = 'c0ffee00-1234-4abc-8def-0123456789ab';
export const PRODUCTION_TEAMS_APP_ID = '7e2d4c1a-9b8f-4a6e-b3c2-1d0e9f8a7b65';

/** Local development as `npm run package` sees it with no .env: emulator mode on localhost. */
export function developmentConfig(): Config {
  return loadConfig({ NODE_ENV: 'development' });
}

/** A deployment: https address, a registered single-tenant bot, its own Teams app id. */
export function productionConfig(publicUrl = 'https://kompetensdialog.regionen.se'): Config {
  return loadConfig({
    NODE_ENV: 'production',
    PUBLIC_URL: publicUrl,
    MICROSOFT_APP_ID: PRODUCTION_APP_ID,
    MICROSOFT_APP_TENANT_ID: PRODUCTION_TENANT_ID,
    MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
    TEAMS_APP_ID: PRODUCTION_TEAMS_APP_ID,
  });
}

export function readTemplate(): unknown {
  return JSON.parse(readFileSync(path.join(manifestDir, 'manifest.template.json'), 'utf8'));
}

export function readEnglish(): Localization {
  return JSON.parse(
    readFileSync(path.join(manifestDir, 'localization', 'en-US.json'), 'utf8'),
  ) as Localization;
}

export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/**
 * Validation must work offline: any attempt to fetch (the library falls back to
 * fetching `$schema` when it has no copy) fails the test instead of waiting.
 */
export function blockNetwork(): jest.Mock {
  const fetchMock = jest.fn(async (url: unknown) => {
    throw new Error(`Network access attempted in a manifest test: ${String(url)}`);
  });
  const original = globalThis.fetch;
  beforeEach(() => {
    fetchMock.mockClear();
    globalThis.fetch = fetchMock as unknown as typeof fetch;
  });
  afterEach(() => {
    expect(fetchMock).not.toHaveBeenCalled();
    globalThis.fetch = original;
  });
  return fetchMock;
}

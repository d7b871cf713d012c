// See stripBomForJest in manifestFixtures: @microsoft/app-manifest needs a CommonJS strip-bom under Jest.
jest.mock('strip-bom', () => jest.requireActual('./manifestFixtures').stripBomForJest);

import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import {
  type AppPackage,
  EMULATOR_BOT_ID,
  buildAppPackage,
  validateManifest,
} from '../../manifest/appPackage';
import {
  PRODUCTION_APP_ID,
  blockNetwork,
  developmentConfig,
  manifestDir,
  productionConfig,
  projectRoot,
} from './manifestFixtures';

blockNetwork();

async function unzip(appPackage: AppPackage): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(appPackage.zip);
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) {
    files.set(entry.name, await entry.async('nodebuffer'));
  }
  return files;
}

describe('the app package', () => {
  it('when built for production, then the zip holds exactly the manifest, both icons and the localization file', async () => {
    const appPackage = await buildAppPackage(productionConfig(), { projectRoot });
    const files = await unzip(appPackage);

    expect([...files.keys()].sort()).toEqual(
      ['color.png', 'en-US.json', 'manifest.json', 'outline.png'].sort(),
    );
    expect(files.get('color.png')).toEqual(readFileSync(path.join(manifestDir, 'color.png')));
    expect(files.get('outline.png')).toEqual(readFileSync(path.join(manifestDir, 'outline.png')));
    expect(files.get('en-US.json')).toEqual(
      readFileSync(path.join(manifestDir, 'localization', 'en-US.json')),
    );
    expect(appPackage.warnings).toEqual([]);
  });

  it('when built, then the manifest in the zip is the validated one', async () => {
    const appPackage = await buildAppPackage(productionConfig(), { projectRoot });
    const zipped = JSON.parse(
      (await unzip(appPackage)).get('manifest.json')?.toString('utf8') ?? '',
    );

    expect(zipped).toEqual(appPackage.manifest);
    await expect(validateManifest(zipped)).resolves.toEqual([]);
    expect(zipped.bots[0].botId).toBe(PRODUCTION_APP_ID);
  });

  it('when the icon and localization paths are resolved, then every file the manifest names is in the zip', async () => {
    const appPackage = await buildAppPackage(productionConfig(), { projectRoot });
    const files = await unzip(appPackage);
    const named = [
      appPackage.manifest.icons.color,
      appPackage.manifest.icons.outline,
      ...(appPackage.manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file),
    ];
    for (const file of named) expect(files.has(file)).toBe(true);
  });

  it('when built twice from the same config, then the zips are byte for byte the same', async () => {
    const first = await buildAppPackage(productionConfig(), { projectRoot });
    const second = await buildAppPackage(productionConfig(), { projectRoot });
    expect(first.zip.equals(second.zip)).toBe(true);
  });

  it('when built in emulator mode on http, then it still validates but warns that Teams cannot use it as is', async () => {
    const appPackage = await buildAppPackage(developmentConfig(), { projectRoot });
    expect(appPackage.manifest.bots?.[0]?.botId).toBe(EMULATOR_BOT_ID);
    expect(appPackage.warnings).toEqual([
      expect.stringContaining('Emulator mode'),
      expect.stringContaining('https'),
    ]);
  });
});

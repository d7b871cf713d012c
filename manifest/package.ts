import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../bot/config';
import { ManifestValidationError, PACKAGE_FILE_NAME, buildAppPackage } from './appPackage';
import { findProjectRoot } from './projectRoot';

/**
 * `npm run package`: builds dist/appPackage/kompetensdialog.zip from the same
 * environment the service starts with (PUBLIC_URL, TEAMS_APP_ID, MICROSOFT_APP_ID…),
 * validated offline, and prints its path. Exits non-zero if anything is invalid.
 */
async function main(): Promise<void> {
  const projectRoot = findProjectRoot(__dirname);
  const config = loadConfig(process.env);
  const appPackage = await buildAppPackage(config, { projectRoot });

  const outputDir = path.join(projectRoot, 'dist', 'appPackage');
  mkdirSync(outputDir, { recursive: true });
  const outputFile = path.join(outputDir, PACKAGE_FILE_NAME);
  writeFileSync(outputFile, appPackage.zip);

  for (const warning of appPackage.warnings) console.warn(`Warning: ${warning}`);
  console.error(
    `Teams app ${appPackage.manifest.id} v${appPackage.manifest.version}, ` +
      `bot ${appPackage.manifest.bots?.[0]?.botId ?? '(none)'}, tabs at ${config.publicUrl}`,
  );
  console.log(outputFile);
}

main().catch((error: unknown) => {
  if (error instanceof ManifestValidationError || error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});

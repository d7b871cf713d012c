// Copies the service's runtime assets that tsc does not emit (SQL migrations, JSON data files)
// from bot/ into dist/bot/, keeping their paths, so dist runs on its own.
import { cpSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'bot');
const target = path.join(root, 'dist', 'bot');
const ASSET = /\.(sql|json)$/;

const assets = readdirSync(source, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && ASSET.test(entry.name))
  .map((entry) => path.relative(source, path.join(entry.parentPath, entry.name)));

for (const asset of assets) {
  cpSync(path.join(source, asset), path.join(target, asset));
}
console.log(`copy-assets: ${assets.length} file(s) from bot/ to dist/bot/`);

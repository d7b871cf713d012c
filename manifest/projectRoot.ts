import { existsSync } from 'node:fs';
import path from 'node:path';

/** A file only the project root has: the manifest template that sits beside the app's assets. */
const MARKER = path.join('manifest', 'manifest.template.json');

/**
 * The project root, found by walking up from `startDir`. The same code runs as
 * TypeScript source under Jest (manifest/) and compiled (dist/manifest/), so the
 * assets are found where they are committed instead of being copied into dist.
 */
export function findProjectRoot(startDir: string): string {
  let dir = path.resolve(startDir);
  for (;;) {
    if (existsSync(path.join(dir, MARKER))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(
        `Could not find the project root (a folder with ${MARKER}) above ${startDir}`,
      );
    }
    dir = parent;
  }
}

import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The project root, found from this file whether it runs as TypeScript source (tests) or
 * compiled under dist/ (npm start), so assets are read from one place in both.
 */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/** Where Vite writes the tab's static files. */
export const tabBuildDir = (): string => path.join(projectRoot(), 'dist', 'tab');

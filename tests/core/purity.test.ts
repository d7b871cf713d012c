import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const coreDir = join(__dirname, '..', '..', 'core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The service and the browser tab both bundle core, so it may not reach for Node, a server
 * framework or React. i18next, luxon and date-holidays (Swedish holidays for the reminders'
 * working days) are allowed: they are pure and run in both.
 */
const allowedPackages = new Set(['zod', 'i18next', 'luxon', 'date-holidays']);

describe('core stays pure', () => {
  it.each(sourceFiles(coreDir).map((path) => [relative(coreDir, path), path]))(
    '%s imports only zod, i18next, luxon, date-holidays and other core files',
    (_name, path) => {
      const source = readFileSync(path, 'utf8');
      const packages = [...source.matchAll(/(?:from|import|require\()\s*'([^']+)'/g)]
        .map((match) => match[1] ?? '')
        .filter((specifier) => !specifier.startsWith('.'));
      expect(packages.filter((name) => !allowedPackages.has(name))).toEqual([]);
    },
  );
});

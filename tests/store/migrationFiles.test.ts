import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MIGRATIONS_DIR, MigrationError, readMigrations } from '../../bot/storage/migrate';

describe('migration files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kd-migrations-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('when the shipped folder is read, then its migrations come numbered from 1 without gaps', () => {
    const versions = readMigrations(MIGRATIONS_DIR).map((m) => m.version);

    expect(versions).toEqual(versions.map((_, index) => index + 1));
  });

  it('when files are read, then they come in version order, not in the order the folder lists them', async () => {
    await writeFile(path.join(dir, '0010_later.sql'), 'select 10;');
    await writeFile(path.join(dir, '0002_earlier.sql'), 'select 2;');

    expect(readMigrations(dir).map((m) => [m.version, m.name])).toEqual([
      [2, 'earlier'],
      [10, 'later'],
    ]);
  });

  it.each([['2_missing_zeros.sql'], ['0003-dashes.sql'], ['0004_Capitals.sql']])(
    'when a file is named %s, then it is refused rather than silently skipped',
    async (name) => {
      await writeFile(path.join(dir, name), 'select 1;');

      expect(() => readMigrations(dir)).toThrow(MigrationError);
    },
  );

  it('when two files share a version, then both are refused', async () => {
    await writeFile(path.join(dir, '0001_one.sql'), 'select 1;');
    await writeFile(path.join(dir, '0001_other.sql'), 'select 1;');

    expect(() => readMigrations(dir)).toThrow(/share version 1/);
  });
});

import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';

const run = promisify(execFile);

/**
 * The embedded database answers a statement before PGlite's after-query sync (a no-op on the
 * Node file system, see bot/storage/embeddedDatabase.ts). What it answered for must still be
 * there when the process is killed the instant after: nothing a person saved is lost.
 */
describe('the embedded database after a SIGKILL', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'kd-durability-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps every row a statement had answered for', async () => {
    const child = run(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        path.join(__dirname, 'processes', 'writeThenDie.ts'),
        dataDir,
        '300',
      ],
      { cwd: path.resolve(__dirname, '../..') },
    );
    const failure = await child.then(
      () => new Error('the child was expected to die by SIGKILL'),
      (error: { signal?: string; stdout?: string }) => error,
    );
    expect(failure).toMatchObject({ signal: 'SIGKILL', stdout: 'written 300\n' });

    // Opened directly: the dead process's folder lock only goes stale after half a minute.
    const reopened = await PGlite.create(path.join(dataDir, 'pglite'));
    try {
      const { rows } = await reopened.query<{ count: number; last: number }>(
        'select count(*)::int as count, max(n) as last from written',
      );
      expect(rows[0]).toEqual({ count: 300, last: 300 });
    } finally {
      await reopened.close();
    }
  }, 60_000);
});

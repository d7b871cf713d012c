import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { lock } from 'proper-lockfile';
import {
  executorOver,
  translateDatabaseError,
  type SqlDatabase,
  type SqlExecutor,
} from './sqlDatabase';

function executor(target: PGlite | Transaction): SqlExecutor {
  return executorOver({
    rows: async (text, params) => (await target.query<object>(text, params)).rows,
    script: async (script) => {
      await target.exec(script);
    },
  });
}

/**
 * PGlite runs one backend in this process and queues every query and transaction behind a
 * mutex, so concurrent callers never interleave inside a transaction. The flip side: inside
 * `transaction` only the given `tx` may be used — a query on the database itself would wait
 * for the transaction that waits for it.
 */
class EmbeddedDatabase implements SqlDatabase {
  readonly query: SqlExecutor['query'];
  readonly exec: SqlExecutor['exec'];

  constructor(
    private readonly pglite: PGlite,
    private readonly unlock: () => Promise<void>,
  ) {
    ({ query: this.query, exec: this.exec } = executor(pglite));
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    try {
      return await this.pglite.transaction((tx) => work(executor(tx)));
    } catch (error) {
      throw translateDatabaseError(error);
    }
  }

  async close(): Promise<void> {
    try {
      await this.pglite.close();
    } finally {
      await this.unlock();
    }
  }
}

export class DataFolderInUseError extends Error {
  constructor(folder: string, options: { cause: unknown }) {
    super(
      `The data folder ${folder} is in use by another Kompetensdialog process. Stop that ` +
        'process, set DATA_DIR to another folder, or use DATABASE_URL for several instances.',
      options,
    );
    this.name = 'DataFolderInUseError';
  }
}

/**
 * The database lives in `<dataDir>/pglite`; the folder is created on first start. PGlite has
 * no lock of its own and two processes on one folder corrupt it, so the folder is locked for
 * as long as it is open (a lock left by a crashed process goes stale after half a minute).
 */
export async function openEmbeddedDatabase(dataDir: string): Promise<SqlDatabase> {
  const folder = path.resolve(dataDir, 'pglite');
  await mkdir(folder, { recursive: true });
  const unlock = await lock(folder, { stale: 30_000, update: 5_000, realpath: false }).catch(
    (error: unknown) => {
      throw new DataFolderInUseError(folder, { cause: error });
    },
  );
  try {
    // On the Node file system PGlite's Postgres writes each page through to the folder as the
    // query runs, and the after-query "sync to storage" is a no-op (it matters for IndexedDB);
    // awaiting it costs a third of a statement. A row written before a SIGKILL is there after
    // it (tests/store/embeddedDurability.test.ts).
    return new EmbeddedDatabase(await PGlite.create(folder, { relaxedDurability: true }), unlock);
  } catch (error) {
    await unlock();
    throw error;
  }
}

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
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

  constructor(private readonly pglite: PGlite) {
    ({ query: this.query, exec: this.exec } = executor(pglite));
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    try {
      return await this.pglite.transaction((tx) => work(executor(tx)));
    } catch (error) {
      throw translateDatabaseError(error);
    }
  }

  close(): Promise<void> {
    return this.pglite.close();
  }
}

/** The database lives in `<dataDir>/pglite`; the folder is created on first start. */
export async function openEmbeddedDatabase(dataDir: string): Promise<SqlDatabase> {
  const folder = path.resolve(dataDir, 'pglite');
  await mkdir(folder, { recursive: true });
  return new EmbeddedDatabase(await PGlite.create(folder));
}

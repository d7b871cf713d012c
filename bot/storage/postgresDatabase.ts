import { Pool, type PoolClient } from 'pg';
import {
  executorOver,
  translateDatabaseError,
  type SqlDatabase,
  type SqlExecutor,
  type StorageLogger,
} from './sqlDatabase';

export interface PostgresOptions {
  /**
   * Put every unqualified table in this schema (sets `search_path` per connection). Tests use
   * it to give each run a schema of its own; production leaves it out and uses `public`.
   */
  schema?: string;
  maxConnections?: number;
  logger?: StorageLogger;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function executor(target: Pool | PoolClient): SqlExecutor {
  return executorOver({
    rows: async (text, params) => (await target.query<object>(text, params)).rows,
    // Without parameters pg uses the simple query protocol, which runs a whole script.
    script: async (script) => {
      await target.query(script);
    },
  });
}

class PostgresDatabase implements SqlDatabase {
  readonly query: SqlExecutor['query'];
  readonly exec: SqlExecutor['exec'];

  constructor(private readonly pool: Pool) {
    ({ query: this.query, exec: this.exec } = executor(pool));
  }

  /** A transaction needs one connection from BEGIN to COMMIT; a pool query may use any. */
  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(executor(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // A connection that cannot roll back must not go back into the pool.
        broken = rollbackError as Error;
      }
      throw translateDatabaseError(error);
    } finally {
      client.release(broken);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

export async function openPostgresDatabase(
  url: string,
  options: PostgresOptions = {},
): Promise<SqlDatabase> {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new Error(`Invalid schema name "${options.schema}"`);
  }
  const pool = new Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle connection the server drops emits 'error' on the pool; unhandled, it ends the process.
  pool.on('error', (error) => {
    options.logger?.warn({ err: error }, 'PostgreSQL dropped an idle connection');
  });
  try {
    // Fail at start with the real reason (address, credentials) rather than in the first turn.
    await pool.query('select 1');
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresDatabase(pool);
}

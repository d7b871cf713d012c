import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { openEmbeddedDatabase } from '../../bot/storage/embeddedDatabase';
import { migrate } from '../../bot/storage/migrate';
import { openPostgresDatabase } from '../../bot/storage/postgresDatabase';
import type { SqlDatabase } from '../../bot/storage/sqlDatabase';
// From machine.ts, not testEnvironment.ts: the benchmarks use this outside Jest.
import { TEST_DATABASE_URL } from './machine';

/** An empty database of the test's own, and how to throw it away. */
export interface FreshDatabase {
  db: SqlDatabase;
  dispose(): Promise<void>;
}

/** Migrated unless `migrated: false` (the store contract runs the migrations itself). */
export interface FreshDatabaseOptions {
  migrated?: boolean;
}

const migratedIf =
  ({ migrated = true }: FreshDatabaseOptions) =>
  async (db: SqlDatabase): Promise<SqlDatabase> => {
    if (migrated) await migrate(db);
    return db;
  };

/** PGlite in a temporary folder. */
export async function freshEmbeddedDatabase(
  options: FreshDatabaseOptions = {},
): Promise<FreshDatabase> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kd-db-'));
  const db = await openEmbeddedDatabase(dataDir)
    .then(migratedIf(options))
    .catch(async (error: unknown) => {
      await rm(dataDir, { recursive: true, force: true });
      throw error;
    });
  return {
    db,
    dispose: async () => {
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A schema of its own on the test PostgreSQL, so parallel runs on one server never meet.
 * `connect` opens further pools on the same schema: other instances of the service.
 */
export interface FreshPostgresSchema extends FreshDatabase {
  schema: string;
  /** A DATABASE_URL whose connections use the schema, for a whole service instance. */
  url: string;
  connect(): Promise<SqlDatabase>;
}

export async function freshPostgresSchema(
  options: FreshDatabaseOptions = {},
): Promise<FreshPostgresSchema> {
  const schema = `kd_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) => admin.query(`create schema ${schema}`));
  const drop = () => withAdmin((admin) => admin.query(`drop schema ${schema} cascade`));
  const pools: SqlDatabase[] = [];
  const connect = async () => {
    const db = await openPostgresDatabase(TEST_DATABASE_URL, { schema });
    pools.push(db);
    return db;
  };
  const db = await connect()
    .then(migratedIf(options))
    .catch(async (error: unknown) => {
      await drop();
      throw error;
    });
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    db,
    schema,
    url: url.toString(),
    connect,
    dispose: async () => {
      await Promise.all(pools.map((pool) => pool.close()));
      await drop();
    },
  };
}

async function withAdmin(work: (admin: Client) => Promise<unknown>): Promise<void> {
  const admin = new Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrate, readMigrations } from '../../bot/storage/migrate';
import { openPostgresDatabase } from '../../bot/storage/postgresDatabase';
import type { SqlDatabase } from '../../bot/storage/sqlDatabase';
import { describeWithPostgres, TEST_DATABASE_URL } from '../support/testEnvironment';
import { describeStoreContract, type FreshDatabase } from './storeContract';

/** Each run gets a schema of its own, so parallel runs on one server never meet. */
async function freshSchema(): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `kd_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  return {
    schema,
    drop: async () => {
      const cleaner = new Client({ connectionString: TEST_DATABASE_URL });
      await cleaner.connect();
      try {
        await cleaner.query(`drop schema ${schema} cascade`);
      } finally {
        await cleaner.end();
      }
    },
  };
}

async function freshDatabase(): Promise<FreshDatabase> {
  const { schema, drop } = await freshSchema();
  const db = await openPostgresDatabase(TEST_DATABASE_URL, { schema }).catch(
    async (error: unknown) => {
      await drop();
      throw error;
    },
  );
  return {
    db,
    dispose: async () => {
      await db.close();
      await drop();
    },
  };
}

describeWithPostgres('PostgreSQL', () => {
  describeStoreContract('PostgreSQL', freshDatabase);

  it('when two instances start at once on an empty schema, then both start and each migration is applied exactly once', async () => {
    const { schema, drop } = await freshSchema();
    const [first, second] = await Promise.all([
      openPostgresDatabase(TEST_DATABASE_URL, { schema }),
      openPostgresDatabase(TEST_DATABASE_URL, { schema }),
    ]);
    const instances: SqlDatabase[] = [first, second];
    try {
      const results = await Promise.all(instances.map((db) => migrate(db)));

      const shipped = readMigrations().map((m) => m.version);
      expect(results.flatMap((r) => r.applied).sort((a, b) => a - b)).toEqual(shipped);
      const recorded = await first.query<{ version: number }>(
        'select version from schema_migrations order by version',
      );
      expect(recorded.map((row) => row.version)).toEqual(shipped);
    } finally {
      await Promise.all(instances.map((db) => db.close()));
      await drop();
    }
  });
});

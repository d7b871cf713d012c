import { migrate, readMigrations } from '../../bot/storage/migrate';
import type { SqlDatabase } from '../../bot/storage/sqlDatabase';
import { describeWithPostgres } from '../support/testEnvironment';
import { freshPostgresSchema } from '../support/freshDatabase';
import { describeStoreContract } from './storeContract';

describeWithPostgres('PostgreSQL', () => {
  // Not migrated: the contract's first cases are the migrations.
  describeStoreContract('PostgreSQL', () => freshPostgresSchema({ migrated: false }));

  it('when two instances start at once on an empty schema, then both start and each migration is applied exactly once', async () => {
    const fresh = await freshPostgresSchema({ migrated: false });
    const first = fresh.db;
    const instances: SqlDatabase[] = [first, await fresh.connect()];
    try {
      const results = await Promise.all(instances.map((db) => migrate(db)));

      const shipped = readMigrations().map((m) => m.version);
      expect(results.flatMap((r) => r.applied).sort((a, b) => a - b)).toEqual(shipped);
      const recorded = await first.query<{ version: number }>(
        'select version from schema_migrations order by version',
      );
      expect(recorded.map((row) => row.version)).toEqual(shipped);
    } finally {
      await fresh.dispose();
    }
  });
});

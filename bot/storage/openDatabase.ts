import type { Config } from '../config';
import { openEmbeddedDatabase } from './embeddedDatabase';
import { migrate } from './migrate';
import { openPostgresDatabase } from './postgresDatabase';
import type { SqlDatabase, StorageLogger } from './sqlDatabase';

/**
 * Opens the configured database and brings its schema up to date before anything else uses
 * it: embedded PGlite in `<dataDir>/pglite` by default, PostgreSQL when DATABASE_URL is set.
 */
export async function openDatabase(
  storage: Config['storage'],
  logger?: StorageLogger,
): Promise<SqlDatabase> {
  const db =
    storage.kind === 'embedded'
      ? await openEmbeddedDatabase(storage.dataDir)
      : await openPostgresDatabase(storage.url, logger ? { logger } : {});
  try {
    await migrate(db, logger ? { logger } : {});
  } catch (error) {
    await db.close();
    throw error;
  }
  // The address of a PostgreSQL server may carry its password: only the kind is logged.
  logger?.info(
    storage.kind === 'embedded'
      ? { storage: 'embedded', dataDir: storage.dataDir }
      : { storage: 'postgres' },
    'Database ready',
  );
  return db;
}

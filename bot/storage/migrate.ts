import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SqlDatabase, StorageLogger } from './sqlDatabase';

/**
 * Versioned migrations: `migrations/NNNN_name.sql`, applied in order, each once, recorded with
 * a checksum in `schema_migrations`. An applied file is history and never changes; a change to
 * the schema is a new file with the next number.
 */

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** Beside this file in the source tree (jest) and in dist/bot/storage (copied by the build). */
export const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function checksumOf(sql: string): string {
  // A checkout with CRLF line endings is the same migration, not a changed one.
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

export function migrationFrom(version: number, name: string, sql: string): Migration {
  return { version, name, sql, checksum: checksumOf(sql) };
}

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = FILE_NAME.exec(file);
      if (!match?.[1] || !match[2]) {
        throw new MigrationError(`${file}: a migration is named NNNN_lower_case_name.sql`);
      }
      return migrationFrom(Number(match[1]), match[2], readFileSync(path.join(dir, file), 'utf8'));
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (index > 0 && migrations[index - 1]?.version === migration.version) {
      throw new MigrationError(`Two migrations share version ${migration.version} in ${dir}`);
    }
  });
  if (migrations.length === 0) throw new MigrationError(`No migrations found in ${dir}`);
  return migrations;
}

const label = (m: { version: number; name: string }) =>
  `${String(m.version).padStart(4, '0')}_${m.name}`;

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

/**
 * Brings the schema up to date in one transaction, so a failing migration leaves nothing half
 * done. The advisory lock makes instances that start together wait for each other: the first
 * applies, the others find the work done. Its key includes the schema, so separate schemas in
 * one database (test runs, several apps) do not wait on each other.
 */
export async function migrate(
  db: SqlDatabase,
  options: { migrations?: Migration[]; logger?: StorageLogger } = {},
): Promise<{ applied: number[] }> {
  const migrations = options.migrations ?? readMigrations();
  const applied = await db.transaction(async (tx) => {
    await tx.query(
      `select pg_advisory_xact_lock(hashtext('kompetensdialog.migrate:' || current_schema()))`,
    );
    await tx.exec(`
      create table if not exists schema_migrations (
        version integer primary key,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`);
    const rows = await tx.query<AppliedRow>(
      'select version, name, checksum from schema_migrations order by version',
    );
    const known = new Map(migrations.map((m) => [m.version, m]));
    for (const row of rows) {
      const migration = known.get(row.version);
      if (!migration) {
        // A newer release migrated this database; during a rolling deploy that is expected.
        options.logger?.warn(
          { version: row.version },
          `Database has unknown migration ${label(row)}`,
        );
      } else if (migration.checksum !== row.checksum) {
        throw new MigrationError(
          `Migration ${label(migration)} was changed after it was applied ` +
            `(stored checksum ${row.checksum}, file ${migration.checksum}). ` +
            'Restore the file and put the change in a new migration.',
        );
      }
    }
    const appliedVersions = new Set(rows.map((row) => row.version));
    const latestApplied = Math.max(0, ...appliedVersions);
    const pending = migrations.filter((m) => !appliedVersions.has(m.version));
    for (const migration of pending) {
      if (migration.version < latestApplied) {
        throw new MigrationError(
          `Migration ${label(migration)} is older than the applied version ${latestApplied}; ` +
            'renumber it after the latest one.',
        );
      }
      await tx.exec(migration.sql);
      await tx.query(
        'insert into schema_migrations (version, name, checksum) values ($1, $2, $3)',
        [migration.version, migration.name, migration.checksum],
      );
    }
    return pending.map((m) => m.version);
  });
  if (applied.length > 0) {
    options.logger?.info({ applied }, `Applied ${applied.length} database migration(s)`);
  }
  return { applied };
}

import { openDatabase } from '../../bot/storage/openDatabase';

/**
 * Operational tables that change on any request by design, and so are left out when a fuzz
 * test checks that garbage changed no stored data:
 * - conversation_references: every activity refreshes where its conversation is reached;
 * - welcomes: a conversation the bot has not greeted is greeted once;
 * - audit_log: reading a plan is recorded, also when the click that read it was refused later;
 * - job_leases, schema_migrations: the service's own bookkeeping.
 */
const OPERATIONAL_TABLES = new Set([
  'conversation_references',
  'welcomes',
  'audit_log',
  'job_leases',
  'schema_migrations',
]);

/** Every row of every table that holds people's data, as sorted JSON per table. */
export type DatabaseSnapshot = Record<string, string[]>;

/**
 * Reads the embedded database in `dataDir` (closed by its service first: it has one owner).
 * Rows are compared as JSON text, sorted, so the order a query returns them in is no change.
 */
export async function snapshotDatabase(dataDir: string): Promise<DatabaseSnapshot> {
  const db = await openDatabase({ kind: 'embedded', dataDir });
  try {
    const tables = await db.query<{ table_name: string }>(
      `select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    );
    const snapshot: DatabaseSnapshot = {};
    for (const { table_name: table } of tables) {
      if (OPERATIONAL_TABLES.has(table)) continue;
      const rows = await db.query<Record<string, unknown>>(`select * from "${table}"`);
      snapshot[table] = rows.map((row) => JSON.stringify(row)).sort();
    }
    return snapshot;
  } finally {
    await db.close();
  }
}

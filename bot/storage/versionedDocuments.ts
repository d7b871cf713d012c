import type { z } from 'zod';
import type { Revision } from '../../core/ports/planStore';
import {
  StoredDocumentError,
  VersionConflictError,
  type VersionedDocumentKind,
} from '../../core/ports/storeErrors';
import type { SqlDatabase, SqlExecutor } from './sqlDatabase';

/** A column value repeated from the document so queries can filter on it. */
export type ColumnValue = string | number | null;

/**
 * How one kind of versioned document maps onto its two tables: `table` holds the current
 * version, `historyTable` every version. Table and column names are constants of this
 * module's callers, never input, which is why they may be spliced into the SQL.
 */
export interface VersionedKind<T> {
  kind: VersionedDocumentKind;
  table: string;
  historyTable: string;
  schema: z.ZodType<T>;
  idOf(document: T): string;
  columns(document: T): Record<string, ColumnValue>;
  /**
   * Columns that identify a document besides its id (one plan per employee and year), so a
   * second document created concurrently under another id is reported as a conflict.
   */
  naturalKey: readonly string[];
  /** The document as stored at `version`: plans carry their version inside. */
  atVersion(document: T, version: number): T;
}

export interface StoredVersion<T> {
  document: T;
  version: number;
}

interface CurrentRow {
  document: unknown;
  version: number;
}

interface RevisionRow extends CurrentRow {
  saved_by: string;
  saved_at: Date;
}

export function parseStored<T>(
  schema: z.ZodType<T>,
  kind: string,
  id: string,
  document: unknown,
): T {
  const parsed = schema.safeParse(document);
  if (!parsed.success) {
    throw new StoredDocumentError(
      kind,
      id,
      parsed.error.issues.map(
        (issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`,
      ),
    );
  }
  return parsed.data;
}

export class VersionedDocuments<T> {
  constructor(
    private readonly db: SqlDatabase,
    private readonly spec: VersionedKind<T>,
  ) {}

  /**
   * The current versions matching `where`: SQL over the table's columns with `$n` parameters,
   * written by this module's callers like the table names.
   */
  async find(
    where: string,
    params: readonly unknown[],
    options: { orderBy?: string; limit?: number } = {},
  ): Promise<StoredVersion<T>[]> {
    const limit = options.limit === undefined ? '' : `limit ${Math.trunc(options.limit)}`;
    const rows = await this.db.query<CurrentRow & { id: string }>(
      `select id, document, version from ${this.spec.table}
       where ${where} order by ${options.orderBy ?? 'id'} ${limit}`,
      params,
    );
    return rows.map((row) => ({
      document: parseStored(this.spec.schema, this.spec.kind, row.id, row.document),
      version: row.version,
    }));
  }

  async history(id: string): Promise<Revision<T>[]> {
    const rows = await this.db.query<RevisionRow>(
      `select document, version, saved_by, saved_at from ${this.spec.historyTable}
       where id = $1 order by version`,
      [id],
    );
    return rows.map((row) => ({
      version: row.version,
      savedAt: row.saved_at,
      savedBy: row.saved_by,
      document: parseStored(this.spec.schema, this.spec.kind, `${id}@${row.version}`, row.document),
    }));
  }

  /**
   * Writes `expectedVersion + 1` only if the stored version is still `expectedVersion`. The
   * check is part of the UPDATE (or the INSERT's conflict rule), so of two concurrent writers
   * with the same expectation the row lock lets exactly one through.
   */
  async save(
    input: T,
    options: { expectedVersion: number; savedBy: string },
  ): Promise<StoredVersion<T>> {
    const { expectedVersion, savedBy } = options;
    if (!Number.isInteger(expectedVersion) || expectedVersion < 0) {
      throw new RangeError(`expectedVersion must be a whole number ≥ 0, not ${expectedVersion}`);
    }
    const version = expectedVersion + 1;
    // Validated on the way in too: never write what could not be read back.
    const document = this.spec.schema.parse(this.spec.atVersion(input, version));
    const id = this.spec.idOf(document);
    const columns = Object.entries(this.spec.columns(document));
    const names = columns.map(([name]) => name);
    const values = columns.map(([, value]) => value);
    const table = this.spec.table;

    return this.db.transaction(async (tx) => {
      // $1 id, $2 version, $3 document, $4 saved by, then the columns.
      const params = [id, version, JSON.stringify(document), savedBy, ...values];
      const placeholders = names.map((_, index) => `$${index + 5}`);
      const written =
        expectedVersion === 0
          ? await tx.query<{ id: string }>(
              `insert into ${table} (id, version, document, saved_by, saved_at, ${names.join(', ')})
               values ($1, $2, $3::jsonb, $4, now(), ${placeholders.join(', ')})
               on conflict do nothing
               returning id`,
              params,
            )
          : await tx.query<{ id: string }>(
              `update ${table} set
                 version = $2, document = $3::jsonb, saved_by = $4, saved_at = now(),
                 ${names.map((name, index) => `${name} = ${placeholders[index]}`).join(', ')}
               where id = $1 and version = $${params.length + 1}
               returning id`,
              [...params, expectedVersion],
            );
      if (written.length === 0) {
        throw await this.conflict(tx, document, expectedVersion);
      }
      await tx.query(
        `insert into ${this.spec.historyTable} (id, version, document, saved_by, saved_at)
         select id, version, document, saved_by, saved_at from ${table} where id = $1`,
        [id],
      );
      return { document, version };
    });
  }

  private async conflict(
    tx: SqlExecutor,
    document: T,
    expectedVersion: number,
  ): Promise<VersionConflictError> {
    const id = this.spec.idOf(document);
    const columns = this.spec.columns(document);
    const keyValues = this.spec.naturalKey.map((name) => columns[name] ?? null);
    const sameKey = this.spec.naturalKey.map((name, index) => `${name} = $${index + 2}`);
    const current = await tx.query<{ id: string; version: number }>(
      `select id, version from ${this.spec.table}
       where id = $1 ${sameKey.length > 0 ? `or (${sameKey.join(' and ')})` : ''}
       order by id = $1 desc
       limit 1`,
      [id, ...keyValues],
    );
    const stored = current[0];
    return new VersionConflictError(
      this.spec.kind,
      stored?.id ?? id,
      expectedVersion,
      stored?.version ?? 0,
    );
  }
}

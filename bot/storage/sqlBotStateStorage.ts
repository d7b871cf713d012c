import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { SqlDatabase } from './sqlDatabase';

/** The same error MemoryStorage rejects with, as a type of its own for whoever catches it. */
export class BotStateETagConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'BotStateETagConflictError';
  }
}

interface BotStateRow {
  key: string;
  document: Record<string, unknown>;
  etag: string;
}

/**
 * botbuilder's Storage (conversation state, user state, dialog stacks) in the SQL database,
 * so any instance can continue any conversation and a restart loses nothing.
 *
 * eTags follow MemoryStorage: no eTag or '*' is last writer wins; any other eTag must match the
 * stored one, checked inside the same statement as the write, so of two turns that read the
 * same state exactly one can save it. Every write gets a fresh eTag. A batch is one
 * transaction: on a conflict none of its items is written.
 */
export class SqlBotStateStorage implements Storage {
  constructor(private readonly db: SqlDatabase) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    if (keys.length === 0) return {};
    const rows = await this.db.query<BotStateRow>(
      'select key, document, etag from bot_state where key = any($1::text[])',
      [keys],
    );
    return Object.fromEntries(rows.map((row) => [row.key, { ...row.document, eTag: row.etag }]));
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const entries = Object.entries(changes as Record<string, StoreItem>);
    if (entries.length === 0) return;
    await this.db.transaction(async (tx) => {
      for (const [key, item] of entries) {
        const { eTag, ...document } = item;
        const params = [key, JSON.stringify(document), randomUUID()];
        if (eTag === undefined || eTag === '' || eTag === '*') {
          await tx.query(
            `insert into bot_state (key, document, etag) values ($1, $2::jsonb, $3)
             on conflict (key) do update
               set document = excluded.document, etag = excluded.etag, updated_at = now()`,
            params,
          );
          continue;
        }
        // Under concurrency the losing statement waits for the winner's row lock and then sees
        // the winner's eTag in its WHERE, so it updates nothing instead of overwriting.
        const written = await tx.query<{ key: string }>(
          `insert into bot_state (key, document, etag) values ($1, $2::jsonb, $3)
           on conflict (key) do update
             set document = excluded.document, etag = excluded.etag, updated_at = now()
             where bot_state.etag = $4
           returning key`,
          [...params, eTag],
        );
        if (written.length === 0) throw new BotStateETagConflictError(key);
      }
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.query('delete from bot_state where key = any($1::text[])', [keys]);
  }
}

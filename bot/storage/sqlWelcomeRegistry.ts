import type { WelcomeRegistry } from '../../core/ports/welcomeRegistry';
import type { SqlDatabase } from './sqlDatabase';

export class SqlWelcomeRegistry implements WelcomeRegistry {
  constructor(private readonly db: SqlDatabase) {}

  /** The primary key decides: of concurrent inserts exactly one returns its row. */
  async markWelcomed(scopeKey: string): Promise<boolean> {
    const inserted = await this.db.query<{ scope_key: string }>(
      `insert into welcomes (scope_key) values ($1)
       on conflict (scope_key) do nothing
       returning scope_key`,
      [scopeKey],
    );
    return inserted.length === 1;
  }

  async forgetWelcome(scopeKey: string): Promise<void> {
    await this.db.query('delete from welcomes where scope_key = $1', [scopeKey]);
  }
}

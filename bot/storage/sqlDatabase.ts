import type { Logger } from 'pino';

/** What storage logs through: the service's pino logger, or a part of it in tests. */
export type StorageLogger = Pick<Logger, 'info' | 'warn'>;

/**
 * The one SQL port both adapters implement. PGlite is PostgreSQL compiled to WASM, so the
 * stores and the migrations speak a single dialect whichever adapter runs underneath.
 */

export interface SqlExecutor {
  /** One statement, with `$1 … $n` parameters. */
  query<Row extends object>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /**
   * A script of several statements without parameters. Separate from `query` because the
   * extended protocol that carries parameters accepts a single statement only.
   */
  exec(script: string): Promise<void>;
}

export interface SqlDatabase extends SqlExecutor {
  /** Commits when `work` resolves, rolls back when it throws (and rethrows). */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL SQLSTATE codes the stores react to, shared by pg and PGlite errors. */
const UNIQUE_VIOLATION = '23505';
const SERIALIZATION_FAILURE = '40001';
const DEADLOCK_DETECTED = '40P01';

export class UniqueViolationError extends Error {
  constructor(
    readonly constraint: string | undefined,
    options: { cause: unknown },
  ) {
    super(`Unique constraint violated${constraint ? `: ${constraint}` : ''}`, options);
    this.name = 'UniqueViolationError';
  }
}

/** The transaction lost a race with another one; running it again from the start is safe. */
export class SerializationFailureError extends Error {
  constructor(options: { cause: unknown }) {
    super('Transaction could not be serialised with a concurrent one; retry it', options);
    this.name = 'SerializationFailureError';
  }
}

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** Gives the failures a caller can act on a type of their own; everything else passes through. */
export function translateDatabaseError(error: unknown): unknown {
  const code = sqlState(error);
  if (code === UNIQUE_VIOLATION) {
    const constraint =
      typeof error === 'object' &&
      error !== null &&
      'constraint' in error &&
      typeof error.constraint === 'string'
        ? error.constraint
        : undefined;
    return new UniqueViolationError(constraint, { cause: error });
  }
  if (code === SERIALIZATION_FAILURE || code === DEADLOCK_DETECTED) {
    return new SerializationFailureError({ cause: error });
  }
  return error;
}

/** What each driver provides: the rows of one parameterised statement, and a whole script. */
export interface SqlDriver {
  rows(text: string, params: unknown[]): Promise<object[]>;
  script(text: string): Promise<void>;
}

/** An executor over a driver, reporting failures as the typed errors above whichever it is. */
export function executorOver(driver: SqlDriver): SqlExecutor {
  return {
    async query<Row extends object>(text: string, params: readonly unknown[] = []) {
      try {
        return (await driver.rows(text, [...params])) as Row[];
      } catch (error) {
        throw translateDatabaseError(error);
      }
    },
    async exec(script: string) {
      try {
        await driver.script(script);
      } catch (error) {
        throw translateDatabaseError(error);
      }
    },
  };
}

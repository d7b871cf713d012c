import type { CircuitBreaker } from '../graph/resilience';

/** Why this instance should not be sent traffic now. */
export class NotReadyError extends Error {
  constructor(
    readonly dependency: 'database' | 'graph',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'NotReadyError';
  }
}

export interface ReadinessDependencies {
  /** A trivial query: the database answers. */
  pingDatabase: () => Promise<unknown>;
  /** Graph's circuit breaker, when anything uses Graph. */
  graphBreaker?: CircuitBreaker;
  now?: () => number;
}

/**
 * /readyz: the database answers and, when Graph is configured, its circuit is not open (Graph
 * failed repeatedly and calls are refused until the cool-down ends). Not called per request
 * to Graph: an open circuit already says Graph is down, without spending a call on it. The
 * platform's health check should use /healthz, so a Graph outage marks instances not ready
 * (for a dashboard or a balancer that wants it) without restarting every one of them.
 */
export function createReadinessCheck(deps: ReadinessDependencies): () => Promise<void> {
  const now = deps.now ?? (() => Date.now());
  return async () => {
    try {
      await deps.pingDatabase();
    } catch (error) {
      throw new NotReadyError('database', 'The database does not answer.', { cause: error });
    }
    const breaker = deps.graphBreaker;
    if (breaker && breaker.current === 'open' && now() < breaker.reopensAt) {
      throw new NotReadyError(
        'graph',
        `Microsoft Graph failed repeatedly; calls are paused until ${new Date(breaker.reopensAt).toISOString()}.`,
      );
    }
  };
}

import { createLogger, type Logger } from '../../bot/logger';

export interface MemoryLog {
  /** The service's own logger (pino, JSON lines), writing here instead of to stdout. */
  logger: Logger;
  /** The last `count` lines, for a failure's message. */
  tail(count?: number): string;
}

/**
 * A service log kept in memory: silent while a test passes, quoted when it fails. Info level
 * carries no personal data (bot/logger.ts), so quoting it in a test report is safe.
 */
export function memoryLog(level = process.env.TEST_LOG_LEVEL ?? 'info', keep = 200): MemoryLog {
  const lines: string[] = [];
  const logger = createLogger(level, {
    write(chunk: string) {
      lines.push(...chunk.split('\n').filter((line) => line.length > 0));
      if (lines.length > keep) lines.splice(0, lines.length - keep);
    },
  });
  return {
    logger,
    tail: (count = 40) => lines.slice(-count).join('\n') || '(no lines)',
  };
}

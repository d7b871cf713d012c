import pino, { type Logger } from 'pino';
import { currentRequestContext } from './http/requestContext';

export type { Logger };

/**
 * Structured JSON logs. Personal data (names, texts people write, tokens) never goes above
 * debug; the redaction list is the safety net for the headers and fields that carry it. A line
 * written while a request or bot turn runs carries its `requestId` (bot/http/requestContext.ts).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'kompetensdialog' },
      mixin: () => {
        const context = currentRequestContext();
        return context ? { requestId: context.requestId } : {};
      },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'headers.authorization',
          'headers.cookie',
          '*.headers.authorization',
          'authorization',
          '*.authorization',
          '*.token',
          '*.password',
          'activity.text',
          'activity.from.name',
        ],
        censor: '[redacted]',
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

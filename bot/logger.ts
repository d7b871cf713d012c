import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Personal data (names, texts people write, tokens) never goes above
 * debug; the redaction list is the safety net for the headers and fields that carry it.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'kompetensdialog' },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'headers.authorization',
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

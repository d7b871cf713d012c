import { existsSync } from 'node:fs';
import express, { type ErrorRequestHandler, type Express, type Router } from 'express';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import { z } from 'zod';
import { AppError, errorBody } from './errors';
import { outageOf, outageRetryAfterMs, type Outage } from './errorMessages';
import type { Logger } from './logger';
import { assignRequestId } from './http/requestContext';
import { ServiceMetrics } from './http/metrics';
import { NotReadyError } from './http/readiness';
import { securityHeaders } from './http/securityHeaders';

export interface HttpAppDependencies {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  /** Readiness: can the service reach what it stores in? */
  checkReadiness: () => Promise<void>;
  apiRouter: Router;
  /** Operators' routes (/ops/…), present only when OPS_TOKEN is set. */
  opsRouter?: Router;
  /** The service's counters; a private set when the caller does not read them. */
  metrics?: ServiceMetrics;
  tabDir: string;
  logger: Logger;
}

/** Bot Framework activities are small; Teams caps a message at about 100 KB. */
const ACTIVITY_BODY_LIMIT = '256kb';

/**
 * Text Teams sends as ids, names and addresses: no control characters and no lone surrogate
 * halves. A NUL cannot be stored (PostgreSQL refuses it in text and jsonb), a line break cannot
 * go into the reply's headers, and a lone surrogate cannot be put into the reply's URL.
 */
const envelopeText = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[^\p{Cc}\p{Cs}]*$/u);

/**
 * Whether a part of the activity can be kept as JSON in PostgreSQL, which refuses a NUL and a
 * lone surrogate half anywhere in it (JSON.stringify writes both as \u escapes).
 */
function storableAsJson(value: unknown): boolean {
  // An escape is a backslash preceded by an even number of backslashes (a typed "\\u0000" is not).
  return !/(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/i.test(JSON.stringify(value) ?? '');
}

/** A person or the bot, as the reply and the stored conversation reference copy it. */
const ChannelAccountSchema = z
  .looseObject({
    id: envelopeText(1024).min(1),
    aadObjectId: envelopeText(128).optional(),
    name: envelopeText(1024).nullish(),
  })
  .refine(storableAsJson, 'text that cannot be stored');

/**
 * The least an activity must have before botbuilder sees it: the fields botbuilder and the bot
 * read without checking, and copy into replies, have their documented types. Anything else is
 * a malformed activity (400), never a failed turn.
 */
const ActivityEnvelopeSchema = z.looseObject({
  type: z.string().min(1).max(64),
  // The id a reply answers, and the address replies go to.
  id: envelopeText(1024).optional(),
  channelId: envelopeText(64).optional(),
  serviceUrl: envelopeText(2048)
    .regex(/^https?:\/\/\S+$/i, 'an http(s) address')
    .optional(),
  locale: envelopeText(64).nullish(),
  text: z.string().nullish(),
  name: envelopeText(256).optional(),
  action: envelopeText(64).nullish(),
  // Every activity to a bot names who sent it, to whom, and in which conversation.
  from: ChannelAccountSchema,
  recipient: ChannelAccountSchema,
  conversation: z
    .looseObject({
      id: envelopeText(1024).min(1),
      conversationType: envelopeText(64).nullish(),
      tenantId: envelopeText(128).nullish(),
    })
    .refine(storableAsJson, 'text that cannot be stored'),
  // Mentions are read from the entities (removeRecipientMention) by their type.
  entities: z
    .array(z.looseObject({ type: z.string().max(256) }))
    .max(100)
    .nullish(),
  membersAdded: z.array(ChannelAccountSchema).max(1000).optional(),
  membersRemoved: z.array(ChannelAccountSchema).max(1000).optional(),
});

export function createHttpApp(deps: HttpAppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  const metrics = deps.metrics ?? new ServiceMetrics();
  app.use(assignRequestId());
  app.use(securityHeaders());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    try {
      await deps.checkReadiness();
      res.json({ status: 'ready' });
    } catch (error) {
      deps.logger.warn({ err: error }, 'not ready');
      const message =
        error instanceof NotReadyError
          ? error.message
          : 'The service cannot reach its storage yet.';
      res.status(503).json(errorBody('not_ready', message));
    }
  });

  // The Agents Playground asks whether the bot is up before every page load.
  app.head('/api/messages', (_req, res) => {
    res.status(200).end();
  });

  app.post(
    '/api/messages',
    express.json({ limit: ACTIVITY_BODY_LIMIT, type: () => true }),
    async (req, res, next) => {
      const envelope = ActivityEnvelopeSchema.safeParse(req.body);
      if (!envelope.success) {
        next(new AppError(400, 'invalid_activity', 'The body is not a Bot Framework activity.'));
        return;
      }
      metrics.countTurn(envelope.data.type, res);
      try {
        await deps.adapter.process(req, res, (context) => deps.bot.run(context));
      } catch (error) {
        next(error);
      }
    },
  );

  if (deps.opsRouter) app.use(deps.opsRouter);
  app.use('/api/v1', metrics.countApiRequests('/api/v1'));
  app.use('/api/v1', deps.apiRouter);
  app.use('/api/v1', (_req, _res, next) => {
    next(new AppError(404, 'not_found', 'No such API route.'));
  });

  if (existsSync(deps.tabDir)) {
    app.use('/tab', express.static(deps.tabDir, { index: 'index.html', fallthrough: true }));
  } else {
    deps.logger.warn({ tabDir: deps.tabDir }, 'the tab is not built; run npm run build');
    app.use('/tab', (_req, _res, next) => {
      next(new AppError(503, 'tab_not_built', 'The tab is not built. Run npm run build.'));
    });
  }

  // The addresses the app manifest gives for the website, privacy notice and terms.
  app.get('/', (_req, res) => res.redirect('/tab/'));
  app.get('/privacy', (_req, res) => res.redirect('/tab/privacy.html'));
  app.get('/terms', (_req, res) => res.redirect('/tab/terms.html'));

  app.use((_req, _res, next) => {
    next(new AppError(404, 'not_found', 'Not found.'));
  });
  app.use(errorHandler(deps.logger));
  return app;
}

/** The one place HTTP errors are turned into responses: a clear code, never a stack trace. */
function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const status = httpStatusOf(error);
    if (status >= 500) {
      logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    } else {
      logger.info({ status, method: req.method, path: req.path }, 'request refused');
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    if (error instanceof AppError) {
      res.status(error.status).json(errorBody(error.code, error.message));
    } else if (outageOf(error)) {
      // Entra ID, Graph or SharePoint is down or throttling: a passing state, said as such.
      const retryAfterMs = outageRetryAfterMs(error);
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil((retryAfterMs ?? 30_000) / 1000))));
      const [code, message] = OUTAGE_BODIES[outageOf(error) ?? 'directory'];
      res.status(503).json(errorBody(code, message));
    } else if (status < 500) {
      const [code, message] = BODY_PARSER_ERRORS[bodyParserType(error)] ?? [
        'bad_request',
        'The request could not be read.',
      ];
      res.status(status).json(errorBody(code, message));
    } else {
      res.status(500).json(errorBody('internal', 'Something went wrong on our side.'));
    }
  };
}

const OUTAGE_BODIES: Record<Outage, [code: string, message: string]> = {
  directory: [
    'directory_unavailable',
    'The organisation directory does not answer right now; try again shortly.',
  ],
  store: [
    'store_unavailable',
    'The plan store (SharePoint) does not answer right now; nothing you sent is kept, try again shortly.',
  ],
};

const BODY_PARSER_ERRORS: Record<string, [code: string, message: string]> = {
  'entity.parse.failed': ['invalid_json', 'The body is not valid JSON.'],
  'entity.too.large': ['too_large', 'The body is too large.'],
  'charset.unsupported': ['unsupported_charset', 'Send the body as UTF-8.'],
  'encoding.unsupported': ['unsupported_encoding', 'The content encoding is not supported.'],
};

function bodyParserType(error: unknown): string {
  return typeof error === 'object' && error !== null && 'type' in error ? String(error.type) : '';
}

/** body-parser marks its own errors with a 4xx `status`; anything else is ours to answer for. */
function httpStatusOf(error: unknown): number {
  if (error instanceof AppError) return error.status;
  if (outageOf(error)) return 503;
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status = Number((error as { status: unknown }).status);
    if (status >= 400 && status < 500) return status;
  }
  return 500;
}

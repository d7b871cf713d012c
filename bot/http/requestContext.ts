import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

/**
 * Which request (or bot turn: one activity is one POST /api/messages) a piece of work belongs
 * to. Kept in AsyncLocalStorage rather than passed down, so every log line written while the
 * request runs carries its id (bot/logger.ts mixes it in) without threading a child logger
 * through botbuilder, the flows and the stores.
 */
export interface RequestContext {
  requestId: string;
}

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * An id a caller or a proxy (Azure Front Door, App Service) sent is kept when it is short and
 * plain, so one id follows the request across hops; anything else is replaced, so a header
 * cannot smuggle text into the logs.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:@/+=-]{0,127}$/;

const storage = new AsyncLocalStorage<RequestContext>();

/** The context of the request this code runs for, if any (not in the reminder worker). */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The id to use for a request that presented `header`. */
export function requestIdFrom(header: string | undefined): string {
  return header !== undefined && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

/** Runs `work` as part of the request or turn `context`. */
export function runInRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/**
 * The first middleware: gives the request its id, echoes it as `x-request-id`, and runs the
 * rest of the chain inside the request's context (body-parser 2 keeps it across the body).
 */
export function assignRequestId(): RequestHandler {
  return (req, res, next) => {
    const context: RequestContext = { requestId: requestIdFrom(req.get(REQUEST_ID_HEADER)) };
    res.setHeader(REQUEST_ID_HEADER, context.requestId);
    storage.run(context, next);
  };
}

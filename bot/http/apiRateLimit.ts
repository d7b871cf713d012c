import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type RateLimitInfo } from 'express-rate-limit';
import { AppError } from '../errors';

export interface ApiRateLimitOptions {
  /** Requests a caller may make in a minute (API_RATE_LIMIT_PER_MINUTE). */
  perMinute: number;
  /** The signed-in caller's stable id, when identity resolution found one. */
  callerIdOf: (req: Request) => string | undefined;
}

const WINDOW_MS = 60_000;

/**
 * A per-person ceiling on the tab API, by express-rate-limit. It runs after identity
 * resolution, so people behind one NAT or proxy each get their own allowance; a route without
 * a caller (the OpenAPI document, the demo roster) counts by address instead. Over the ceiling
 * the answer is 429 with Retry-After and the API's error body, from the one error handler.
 *
 * The count lives in this instance's memory: with N instances behind a balancer a person gets
 * at most N times the ceiling, which is enough to stop one runaway client or script.
 */
export function apiRateLimit(options: ApiRateLimitOptions): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: options.perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const callerId = options.callerIdOf(req);
      return callerId ? `caller:${callerId}` : `address:${ipKeyGenerator(req.ip ?? '')}`;
    },
    handler: (req, res, next) => {
      // express-rate-limit puts its count on the request under `rateLimit`.
      const { resetTime } = (req as Request & { rateLimit?: RateLimitInfo }).rateLimit ?? {};
      const waitSeconds = Math.max(1, Math.ceil(((resetTime?.getTime() ?? 0) - Date.now()) / 1000));
      res.setHeader('Retry-After', String(waitSeconds));
      next(
        new AppError(
          429,
          'rate_limited',
          `Too many requests; try again in ${waitSeconds} seconds.`,
        ),
      );
    },
  });
}

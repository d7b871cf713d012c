import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../errors';

/**
 * The operators' routes (/ops/…) answer only to `Authorization: Bearer <OPS_TOKEN>`. One
 * check for all of them, so no route compares the token its own way.
 */
export function requireOpsToken(token: string): RequestHandler {
  return (req, _res, next) => {
    if (!opsTokenMatches(req.get('authorization'), token)) {
      next(new AppError(401, 'invalid_token', 'An operator token is required.'));
      return;
    }
    next();
  };
}

/** Compares digests, so neither the token's length nor its content leaks through timing. */
export function opsTokenMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(token));
}

import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { ReminderQueue } from '../../core/ports/reminderQueue';
import { AppError } from '../errors';
import type { ReminderCounters } from './reminderWorker';

export interface ReminderOpsDependencies {
  queue: ReminderQueue;
  /** This instance's worker counters; absent when the worker is off here. */
  counters: () => ReminderCounters | undefined;
  /** OPS_TOKEN: the bearer token an operator sends. */
  token: string;
}

/** Dead letters listed at most; an operator reads the rest in the database. */
const DEAD_LETTERS_SHOWN = 100;

/**
 * GET /ops/reminders: the queue by status, this instance's counters, and the latest dead
 * letters, so a failed reminder is visible and not retried forever in silence. Only for the
 * operator's token, and without personal data: a job id, its kind and why it failed.
 */
export function createReminderOpsRouter(deps: ReminderOpsDependencies): Router {
  const router = Router();
  router.get('/ops/reminders', async (req, res, next) => {
    try {
      if (!tokenMatches(req.headers.authorization, deps.token)) {
        throw new AppError(401, 'invalid_token', 'An operator token is required.');
      }
      const [counts, dead] = await Promise.all([
        deps.queue.counts(),
        deps.queue.list({ status: 'dead', limit: DEAD_LETTERS_SHOWN }),
      ]);
      res.json({
        counts,
        worker: deps.counters() ?? null,
        deadLetters: dead.map((job) => ({
          id: job.id,
          kind: job.payload.kind,
          attempts: job.attempts,
          dueAt: job.dueAt.toISOString(),
          reason: job.lastError ?? null,
        })),
      });
    } catch (error) {
      next(error);
    }
  });
  return router;
}

/** Compares digests, so neither the token's length nor its content leaks through timing. */
function tokenMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(token));
}

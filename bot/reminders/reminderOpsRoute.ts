import { Router } from 'express';
import type { ReminderQueue } from '../../core/ports/reminderQueue';
import { requireOpsToken } from '../http/opsToken';
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
  router.get('/ops/reminders', requireOpsToken(deps.token), async (_req, res, next) => {
    try {
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

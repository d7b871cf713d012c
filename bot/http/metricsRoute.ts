import { Router } from 'express';
import type { ServiceMetrics } from './metrics';
import { requireOpsToken } from './opsToken';

/**
 * GET /ops/metrics: the counters in the Prometheus text format, for the operator's scraper
 * only (the same OPS_TOKEN as /ops/reminders). No personal data: labels are route templates,
 * activity types and outcomes.
 */
export function createMetricsRouter(metrics: ServiceMetrics, token: string): Router {
  const router = Router();
  router.get('/ops/metrics', requireOpsToken(token), async (_req, res, next) => {
    try {
      const body = await metrics.registry.metrics();
      res.set('Cache-Control', 'no-store').type(metrics.registry.contentType).send(body);
    } catch (error) {
      next(error);
    }
  });
  return router;
}

import type { RequestHandler, Response } from 'express';
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';
import type { GraphCallOutcome } from '../graph/resilience';

/** What a reminder worker reports (bot/reminders/reminderWorker.ts ReminderCounters). */
export interface ReminderTotals {
  sent: number;
  retried: number;
  deadLettered: number;
  throttled: number;
  skipped: number;
  deferred: number;
}

/** The activity types a turn is counted under; any other type is `other`, so labels stay few. */
const TURN_TYPES = new Set(['message', 'invoke', 'conversationUpdate', 'installationUpdate']);

/**
 * The service's counters in the Prometheus text format (prom-client), which Azure Monitor's
 * managed Prometheus, Grafana Agent and the OpenTelemetry Collector's prometheus receiver all
 * scrape. One registry per service instance (not prom-client's global one), so two services
 * in one test process count apart.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly turns: Counter<'activity_type' | 'status_class'>;
  private readonly apiRequests: Counter<'method' | 'route' | 'status_class'>;
  private readonly graphCalls: Counter<'outcome'>;
  private reminderSource: () => ReminderTotals | undefined = () => undefined;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'kd_' });
    this.turns = new Counter({
      name: 'kd_bot_turns_total',
      help: 'Bot Framework activities received on /api/messages, by type and HTTP status class.',
      labelNames: ['activity_type', 'status_class'],
      registers: [this.registry],
    });
    this.apiRequests = new Counter({
      name: 'kd_api_requests_total',
      help: 'Tab API requests, by method, route template and HTTP status class.',
      labelNames: ['method', 'route', 'status_class'],
      registers: [this.registry],
    });
    this.graphCalls = new Counter({
      name: 'kd_graph_calls_total',
      help: 'HTTP attempts at Microsoft Graph by outcome: ok, throttled (429), failed (5xx or network), refused (circuit open, not sent).',
      labelNames: ['outcome'],
      registers: [this.registry],
    });
    // The worker keeps its own counts (also shown at /ops/reminders); they are read at scrape
    // time and added as they grew, so the two can never disagree.
    const readReminders = () => this.reminderSource();
    const seen: ReminderTotals = {
      sent: 0,
      retried: 0,
      deadLettered: 0,
      throttled: 0,
      skipped: 0,
      deferred: 0,
    };
    const outcomes: [keyof ReminderTotals, string][] = [
      ['sent', 'sent'],
      ['retried', 'failed'],
      ['deadLettered', 'dead_lettered'],
      ['throttled', 'throttled'],
      ['skipped', 'skipped'],
      ['deferred', 'deferred'],
    ];
    new Counter({
      name: 'kd_reminders_total',
      help: "Reminders this instance's worker settled, by outcome: sent, failed (to be retried), dead_lettered, throttled (429), skipped, deferred.",
      labelNames: ['outcome'],
      registers: [this.registry],
      collect() {
        const now = readReminders();
        for (const [field, outcome] of outcomes) {
          // Touch every label, so a scrape shows 0 rather than nothing before the first send.
          this.inc({ outcome }, 0);
          const grown = (now?.[field] ?? seen[field]) - seen[field];
          if (grown > 0) this.inc({ outcome }, grown);
          if (now) seen[field] = now[field];
        }
      },
    });
  }

  /** Where the reminder counts come from: this instance's worker, when it runs here. */
  countRemindersFrom(source: () => ReminderTotals | undefined): void {
    this.reminderSource = source;
  }

  /** Counts the turn when its answer has gone out. */
  countTurn(activityType: string, res: Response): void {
    const type = TURN_TYPES.has(activityType) ? activityType : 'other';
    res.once('finish', () => {
      this.turns.inc({ activity_type: type, status_class: statusClass(res.statusCode) });
    });
  }

  /**
   * Middleware for /api/v1: counts each request by the route template that answered
   * (`/api/v1/plans/:planId/answer`, never the ids in the path), or `unmatched`.
   */
  countApiRequests(mountPath: string): RequestHandler {
    return (req, res, next) => {
      res.once('finish', () => {
        const template = (req.route as { path?: unknown } | undefined)?.path;
        this.apiRequests.inc({
          method: req.method,
          route: typeof template === 'string' ? `${mountPath}${template}` : 'unmatched',
          status_class: statusClass(res.statusCode),
        });
      });
      next();
    };
  }

  readonly countGraphCall = (outcome: GraphCallOutcome): void => {
    this.graphCalls.inc({ outcome });
  };
}

function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}

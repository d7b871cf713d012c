import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { ReminderWorker, type ReminderWorkerOptions } from '../../bot/reminders/reminderWorker';
import { SendRateLimiter, TEAMS_SEND_LIMITS } from '../../bot/reminders/sendRateLimiter';
import { SqlConversationReferenceStore } from '../../bot/storage/sqlConversationReferenceStore';
import type { SqlDatabase } from '../../bot/storage/sqlDatabase';
import { SqlReminderQueue } from '../../bot/storage/sqlReminderQueue';
import { SqlReminderSettingsStore } from '../../bot/storage/sqlReminderSettingsStore';
import { createAdapter } from '../../bot/teams/adapter';
import { TeamsMessenger } from '../../bot/teams/teamsMessenger';
import { EmptyDirectory } from '../../bot/directory/demoDirectory';
import type { PlannedReminder } from '../../core/reminders/reminderJob';
import { DEFAULT_RETRY_POLICY } from '../../core/reminders/deliveryRetry';
import type { FakeBotConnector } from '../fakes/botConnector';

/** Wednesday 25 November 2026, 10:00 in Stockholm: a working day, inside working hours. */
export const WORKING_MORNING = new Date('2026-11-25T09:00:00Z');

export const TENANT = '6f1c7f5e-0000-4000-8000-00000000aaaa';

/** A test clock the worker reads; tests move it forward. */
export class TestClock {
  constructor(public current: Date = WORKING_MORNING) {}
  now = (): Date => this.current;
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export const personalConversation = (personId: string) => `a:personal-${personId}`;

/**
 * The reminder worker as the service builds it — the SQL queue, the Teams messenger through
 * botbuilder's adapter, the rate limiter — on a database of the test's own, sending to the
 * fake Bot Connector. Each job's card carries its key, so a test can tell which job a message
 * at the connector came from.
 */
export class ReminderRig {
  readonly queue: SqlReminderQueue;
  readonly settings: SqlReminderSettingsStore;
  readonly references: SqlConversationReferenceStore;
  readonly messenger: TeamsMessenger;

  constructor(
    readonly db: SqlDatabase,
    readonly connector: FakeBotConnector,
    readonly clock: TestClock,
  ) {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const logger = createLogger('silent');
    this.queue = new SqlReminderQueue(db);
    this.settings = new SqlReminderSettingsStore(db);
    this.references = new SqlConversationReferenceStore(db);
    this.messenger = new TeamsMessenger(createAdapter(config, logger), '', this.references, logger);
  }

  /** The person has opened their personal chat with the bot (installed the app). */
  async install(...personIds: string[]): Promise<void> {
    for (const personId of personIds) {
      const conversationId = personalConversation(personId);
      await this.references.upsert({
        userId: personId,
        conversationId,
        conversationType: 'personal',
        serviceUrl: this.connector.url,
        tenantId: TENANT,
        reference: {
          channelId: 'msteams',
          serviceUrl: this.connector.url,
          conversation: {
            id: conversationId,
            conversationType: 'personal',
            tenantId: TENANT,
            isGroup: false,
            name: '',
          },
          user: { id: `29:${personId}`, name: '', aadObjectId: personId },
          bot: { id: '28:bot', name: 'Kompetensdialog' },
          locale: 'sv-SE',
        },
      });
    }
  }

  /** Follow-up reminders due at `dueAt`, one per person: the kind that needs no other data. */
  async plan(personIds: readonly string[], dueAt: Date = this.clock.now()): Promise<void> {
    for (const personId of personIds) {
      const planned: PlannedReminder = {
        key: `follow-up:plan-${personId}:activity-1`,
        personId,
        dueAt,
        payload: {
          kind: 'effect-follow-up',
          planId: `plan-${personId}`,
          activityId: 'activity-1',
          dueDate: '2026-11-20',
        },
      };
      await this.queue.replace(`follow-up:plan-${personId}:`, [planned]);
    }
  }

  /** How long composing a card takes: a slow instance, for the lease tests. */
  composeDelayMs = 0;

  worker(options: Partial<ReminderWorkerOptions> = {}, queue = this.queue): ReminderWorker {
    return new ReminderWorker(
      {
        queue,
        settings: this.settings,
        directory: new EmptyDirectory(),
        transport: this.messenger,
        limiter: new SendRateLimiter({ ...TEAMS_SEND_LIMITS, perTenantPerSecond: 1000 }),
        compose: async (job) => {
          if (this.composeDelayMs > 0) await sleep(this.composeDelayMs);
          return {
            message: {
              card: {
                type: 'AdaptiveCard',
                version: '1.5',
                body: [{ type: 'TextBlock', text: job.key }],
              },
              fallbackText: job.key,
            },
          };
        },
        defaultProfileId: 'vgr',
        now: this.clock.now,
        logger: createLogger('silent'),
        random: () => 0.5,
      },
      {
        workerId: 'test-worker',
        batchSize: 50,
        concurrency: 8,
        leaseMs: 60_000,
        idlePollMs: 20,
        retry: DEFAULT_RETRY_POLICY,
        ...options,
      },
    );
  }

  /** The job keys the connector received, in order. */
  deliveredKeys(): string[] {
    return this.connector.messages().map((activity) => String(activity.summary));
  }
}

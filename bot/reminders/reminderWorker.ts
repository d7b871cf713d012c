import { languageOf, type Language } from '../../core/i18n/i18n';
import type { Directory } from '../../core/ports/directory';
import type { CardMessage } from '../../core/ports/messenger';
import type { ClaimedReminder, ReminderQueue } from '../../core/ports/reminderQueue';
import type { ReminderSettingsStore } from '../../core/ports/reminderSettingsStore';
import type { ReminderPolicy } from '../../core/profiles/profileSchema';
import {
  describeOutcome,
  nextStep,
  type RetryPolicy,
  type SendOutcome,
} from '../../core/reminders/deliveryRetry';
import type { ReminderJob } from '../../core/reminders/reminderJob';
import { planNextReflectionPrompt } from '../../core/reminders/reflectionRhythm';
import {
  defaultReminderSettings,
  type ReminderSettings,
} from '../../core/reminders/reminderSettings';
import { decideSend } from '../../core/reminders/sendDecision';
import type { Logger } from '../logger';
import { profileOfPerson } from '../directory/profileOfPerson';
import type { PersonalChat } from '../teams/teamsMessenger';
import type { SendRateLimiter } from './sendRateLimiter';

/** How the worker reaches Teams: the TeamsMessenger in the service, a fake in tests. */
export interface ReminderTransport {
  personalChats(personIds: readonly string[]): Promise<Map<string, PersonalChat>>;
  deliverOnce(chat: PersonalChat, message: CardMessage): Promise<SendOutcome>;
}

export type ComposedReminder = { message: CardMessage } | { skip: string };

export interface ReminderWorkerDependencies {
  queue: ReminderQueue;
  settings: ReminderSettingsStore;
  directory: Directory;
  transport: ReminderTransport;
  limiter: SendRateLimiter;
  /** Turns a job into its card, or says why it is no longer worth sending. */
  compose(job: ReminderJob, language: Language): Promise<ComposedReminder>;
  defaultProfileId: string;
  now: () => Date;
  logger: Logger;
  /** Jitter for the backoff; fixed in tests. */
  random?: () => number;
}

export interface ReminderWorkerOptions {
  /** Names this instance's claims in the queue and the logs. */
  workerId: string;
  /** Jobs claimed at once: about a second's worth at the send ceiling. */
  batchSize: number;
  /** Sends in flight at once. */
  concurrency: number;
  /** How long a claim holds; a crashed instance's jobs are taken again after it. */
  leaseMs: number;
  /** The pause between looks at the queue when there was nothing to do. */
  idlePollMs: number;
  retry: RetryPolicy;
}

/** What the worker has done since it started: for /healthz, logs and the benchmark. */
export interface ReminderCounters {
  sent: number;
  retried: number;
  throttled: number;
  deferred: number;
  skipped: number;
  deadLettered: number;
  /** Claims lost to another instance after a lease ran out: the job was left alone. */
  lostClaims: number;
  /** Jobs handed back unsent because this instance was too slow to send them within 80% of the lease. */
  handedBack: number;
}

/**
 * Sends due reminders: claims a batch from the durable queue, decides for each whether now is
 * the time (working hours, pause, opt-out), composes its card, waits for a slot under Teams'
 * limits, sends once, and settles the job — sent, retried later, skipped or dead-lettered.
 *
 * Exactly once, as far as the protocol allows: a job is marked sent right after Teams accepts
 * it. The Bot Connector has no idempotency key, so a crash between Teams' 201 and that update
 * sends the job again when its lease runs out; that window is the only source of duplicates,
 * and `npm run bench:reminders` counts them after a SIGKILL. It is one update, or for an
 * everyday prompt one short transaction that also plans the next prompt — milliseconds, longer
 * only when the database pool is busy. A job
 * whose lease is nearly over before it is sent is handed back unsent, so a slow batch never
 * races another instance.
 */
export class ReminderWorker {
  readonly counters: ReminderCounters = {
    sent: 0,
    retried: 0,
    throttled: 0,
    deferred: 0,
    skipped: 0,
    deadLettered: 0,
    lostClaims: 0,
    handedBack: 0,
  };
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  /** Set by wake(): something was planned while a batch was in hand, so look again at once. */
  private woken = false;

  constructor(
    private readonly deps: ReminderWorkerDependencies,
    private readonly options: ReminderWorkerOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Looks at the queue now instead of after the idle pause (a reminder was just planned). */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Claims no more; the batch in hand is finished (sent and settled) before this resolves. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  /** One batch: claim, send, settle. Returns how many jobs it claimed. */
  async runOnce(): Promise<number> {
    const claimedAt = Date.now();
    const jobs = await this.deps.queue.claimDue(this.deps.now(), this.options.batchSize, {
      leaseMs: this.options.leaseMs,
      workerId: this.options.workerId,
    });
    if (jobs.length === 0) return 0;
    const personIds = [...new Set(jobs.map((job) => job.personId))];
    const chats = await this.deps.transport.personalChats(personIds);
    // Hand a job back unsent once 80% of its lease has gone: after the lease another instance
    // may take it, and sending then could send it twice.
    const sendBy = claimedAt + this.options.leaseMs * 0.8;
    await forEachConcurrently(jobs, this.options.concurrency, (job) =>
      this.process(job, chats.get(job.personId), sendBy).catch((error: unknown) => {
        // A failure here is the database's, not Teams'; the lease brings the job back.
        this.deps.logger.error({ err: error, jobId: job.id }, 'reminder job could not be settled');
      }),
    );
    return jobs.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.woken = false;
      let claimed = 0;
      try {
        claimed = await this.runOnce();
      } catch (error) {
        this.deps.logger.error({ err: error }, 'reminder queue unavailable; trying again');
      }
      if (claimed < this.options.batchSize && this.running && !this.woken) await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.options.idlePollMs);
      this.wakeUp = done;
    });
  }

  private async process(
    job: ClaimedReminder,
    chat: PersonalChat | undefined,
    sendBy: number,
  ): Promise<void> {
    const { queue } = this.deps;
    const [settings, policy] = await Promise.all([
      this.deps.settings.get(job.personId),
      this.policyFor(job.personId),
    ]);
    const now = this.deps.now();
    const decision = decideSend(job, settings, policy, now);
    if (decision.action === 'defer') {
      this.counters.deferred++;
      return this.settled(await queue.defer(job, decision.until));
    }
    if (decision.action === 'skip') return this.skip(job, decision.reason);
    if (!chat) return this.settle(job, { kind: 'not-installed' }, settings, policy);

    const language = settings?.language ?? languageOf(chat.reference.locale);
    const composed = await this.deps.compose(job, language);
    if ('skip' in composed) return this.skip(job, composed.skip);

    await this.deps.limiter.acquire(chat.tenantId, chat.conversationId);
    if (Date.now() > sendBy) {
      this.counters.handedBack++;
      return this.settled(await queue.defer(job, this.deps.now()));
    }
    const outcome = await this.deps.transport
      .deliverOnce(chat, composed.message)
      .catch((error: unknown): SendOutcome => ({
        kind: 'failed',
        reason: error instanceof Error ? error.message.slice(0, 200) : 'unknown failure',
      }));
    if (outcome.kind === 'throttled') {
      this.counters.throttled++;
      this.deps.limiter.holdTenant(chat.tenantId, outcome.retryAfterMs ?? 1000);
    }
    await this.settle(job, outcome, settings, policy);
  }

  private async settle(
    job: ClaimedReminder,
    outcome: SendOutcome,
    settings: ReminderSettings | undefined,
    policy: ReminderPolicy,
  ): Promise<void> {
    const { queue } = this.deps;
    const now = this.deps.now();
    const step = nextStep(
      outcome,
      job.attempts,
      this.options.retry,
      this.deps.random ?? Math.random,
    );
    switch (step.action) {
      case 'sent': {
        this.counters.sent++;
        if (job.payload.kind !== 'reflection-prompt')
          return this.settled(await queue.markSent(job, now));
        // The next prompt is planned in the same transaction, so the rhythm survives a crash.
        const next = planNextReflectionPrompt(
          settings ?? defaultReminderSettings(job.personId, now),
          policy,
          now,
          job.payload.sequence + 1,
        );
        return this.settled(await queue.markSentAndReplace(job, now, next));
      }
      case 'retry':
        this.counters.retried++;
        return this.settled(
          await queue.retryAt(
            job,
            new Date(now.getTime() + step.delayMs),
            describeOutcome(outcome),
          ),
        );
      case 'skip':
        return this.skip(job, step.reason);
      case 'dead':
        this.counters.deadLettered++;
        this.deps.logger.warn(
          { jobId: job.id, kind: job.payload.kind, attempts: job.attempts, reason: step.reason },
          'reminder dead-lettered',
        );
        return this.settled(await queue.deadLetter(job, step.reason));
    }
  }

  private async skip(job: ClaimedReminder, reason: string): Promise<void> {
    this.counters.skipped++;
    this.settled(await this.deps.queue.skip(job, reason));
  }

  private settled(kept: boolean): void {
    if (!kept) this.counters.lostClaims++;
  }

  private async policyFor(personId: string): Promise<ReminderPolicy> {
    return (await profileOfPerson(this.deps.directory, personId, this.deps.defaultProfileId))
      .reminderPolicy;
  }
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

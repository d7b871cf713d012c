import { randomUUID } from 'node:crypto';
import type { Directory } from '../../core/ports/directory';
import type { CardMessage, DeliveryResult, Messenger } from '../../core/ports/messenger';
import type { ReminderQueue } from '../../core/ports/reminderQueue';
import type { ReminderSettingsStore } from '../../core/ports/reminderSettingsStore';
import { reminderKeyPrefix, type ReminderJob } from '../../core/reminders/reminderJob';
import { decideSend } from '../../core/reminders/sendDecision';
import type { Logger } from '../logger';
import { profileOfPerson } from '../directory/profileOfPerson';

export interface QuietHoursDependencies {
  queue: ReminderQueue;
  settings: ReminderSettingsStore;
  directory: Directory;
  defaultProfileId: string;
  now: () => Date;
  logger: Logger;
  /** Told when a notice was queued to go at once (a retry), so the worker looks now. */
  onQueued?: () => void;
}

/**
 * The quiet rules for notices, the cards one person's action sends another (a booking, a
 * proposal, a change request): inside the recipient's working hours and outside their pause
 * the card goes at once, as before; otherwise it waits in the reminder queue for their next
 * working hour, like every other proactive message, and the sender is told when it will
 * arrive. A send that fails for a moment is queued too, so the notice is not lost.
 */
export class QuietHoursMessenger implements Messenger {
  constructor(
    private readonly inner: Messenger,
    private readonly deps: QuietHoursDependencies,
  ) {}

  async sendToPerson(personId: string, message: CardMessage): Promise<DeliveryResult> {
    const now = this.deps.now();
    const notice: ReminderJob = {
      id: randomUUID(),
      key: `${reminderKeyPrefix.notice(personId, randomUUID())}card`,
      personId,
      dueAt: now,
      status: 'pending',
      attempts: 0,
      payload: {
        kind: 'notice',
        card: message.card as { type: 'AdaptiveCard' },
        fallbackText: message.fallbackText,
      },
    };
    const [settings, profile] = await Promise.all([
      this.deps.settings.get(personId),
      profileOfPerson(this.deps.directory, personId, this.deps.defaultProfileId),
    ]);
    const policy = profile.reminderPolicy;
    const decision = decideSend(notice, settings, policy, now);
    if (decision.action === 'send') {
      try {
        return await this.inner.sendToPerson(personId, message);
      } catch (error) {
        this.deps.logger.warn({ err: error }, 'notice not sent now; queued for a retry');
        return this.queue(notice, now);
      }
    }
    if (decision.action === 'defer') return this.queue(notice, decision.until);
    // Notices are never skipped by the rules today; should one be, nothing is sent.
    return { status: 'unreachable', reason: decision.reason };
  }

  private async queue(notice: ReminderJob, at: Date): Promise<DeliveryResult> {
    const prefix = notice.key.slice(0, notice.key.lastIndexOf(':') + 1);
    await this.deps.queue.replace(prefix, [{ ...notice, dueAt: at }]);
    if (at <= this.deps.now()) this.deps.onQueued?.();
    return { status: 'queued', deliverAt: at.toISOString() };
  }
}

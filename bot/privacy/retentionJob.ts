import type { JobLeases, OperationalPersonalData } from '../../core/ports/personalDataErasure';
import type { ExpiredRecords, PlanStore } from '../../core/ports/planStore';
import {
  auditTrailCutoff,
  personalNotesCutoff,
  retentionCutoff,
  startOfYear,
} from '../../core/privacy/retention';
import type { OrganisationProfile } from '../../core/profiles/profileSchema';
import type { Logger } from '../logger';

export interface RetentionJobDependencies {
  plans: Pick<PlanStore, 'removeExpired' | 'removeReflectionsBefore'>;
  operationalData: OperationalPersonalData;
  leases: JobLeases;
  profiles: readonly OrganisationProfile[];
  now: () => Date;
  logger: Logger;
}

export interface RetentionJobOptions {
  /** Who holds the lease, e.g. host:pid. */
  holder: string;
  /** How often a round is tried; the lease lasts as long, so the instances share one round. */
  intervalMs: number;
  /** The first try after start. */
  firstDelayMs: number;
}

export interface RetentionRound {
  ran: boolean;
  removed?: ExpiredRecords & { reflections: number; operational: number };
}

const LEASE = 'retention';

/**
 * Retention ("gallring"): removes plans, dialogues and preparations older than each profile
 * keeps, reflections older than the shortest period, and the bot's leftovers. Safe with
 * several instances twice over: the lease lets one instance run a round per interval, and
 * every delete is idempotent, so a round run twice removes nothing the second time.
 */
export class RetentionJob {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: RetentionJobDependencies,
    private readonly options: RetentionJobOptions,
  ) {}

  start(): void {
    this.schedule(this.options.firstDelayMs);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.round;
  }

  /** One round, if this instance gets the lease. */
  async runOnce(): Promise<RetentionRound> {
    const { deps, options } = this;
    if (!(await deps.leases.tryAcquire(LEASE, options.holder, options.intervalMs))) {
      return { ran: false };
    }
    const now = deps.now();
    const zoneOf = (profile: OrganisationProfile) => profile.reminderPolicy.timeZone;
    const cutoffs = deps.profiles.map((profile) =>
      retentionCutoff(profile.id, profile.retention, now, zoneOf(profile)),
    );
    const removed = { individualPlans: 0, dialogues: 0, reflections: 0, operational: 0 };
    for (const cutoff of cutoffs) {
      const expired = await deps.plans.removeExpired(cutoff);
      removed.individualPlans += expired.individualPlans;
      removed.dialogues += expired.dialogues;
    }
    // The profiles share one zone in practice; the first one's is the calendar here.
    const zone = deps.profiles[0] ? zoneOf(deps.profiles[0]) : 'Europe/Stockholm';
    const notesYear = personalNotesCutoff(cutoffs);
    const auditYear = auditTrailCutoff(cutoffs);
    if (notesYear !== undefined) {
      const before = startOfYear(notesYear, zone);
      removed.reflections = await deps.plans.removeReflectionsBefore(before);
      removed.operational = await deps.operationalData.removeExpired(
        before,
        auditYear === undefined ? undefined : startOfYear(auditYear, zone),
      );
    }
    deps.logger.info(removed, 'retention round done');
    return { ran: true, removed };
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.round = this.runOnce().catch((error: unknown) =>
        this.deps.logger.error({ err: error }, 'retention round failed'),
      );
      void this.round.then(() => {
        if (this.timer) this.schedule(this.options.intervalMs);
      });
    }, delayMs);
    this.timer.unref();
  }
}

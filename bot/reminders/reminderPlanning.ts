import type { Dialogue } from '../../core/plan/dialogue';
import type { IndividualPlan } from '../../core/plan/individualPlan';
import type { PlanStore } from '../../core/ports/planStore';
import type { ReminderQueue } from '../../core/ports/reminderQueue';
import { planWritingDialogueType } from '../../core/preparation/preparation';
import { getProfile } from '../../core/profiles/profiles';
import { planDialogueReminders } from '../../core/reminders/dialogueReminders';
import { planEffectFollowUps } from '../../core/reminders/effectFollowUps';
import type { Logger } from '../logger';

export interface ReminderPlanningDependencies {
  queue: ReminderQueue;
  now: () => Date;
  logger: Logger;
  /** Told after every change to the queue, so a reminder due at once goes out at once. */
  onPlanned?: () => void;
}

/**
 * Plans the reminders a dialogue or an agreed plan should have, as of now. Planning again is
 * harmless: the queue keeps what is unchanged, moves what moved, and drops what went away.
 */
export class ReminderPlanner {
  constructor(private readonly deps: ReminderPlanningDependencies) {}

  async dialogueSaved(dialogue: Dialogue): Promise<void> {
    const profile = getProfile(dialogue.profileId);
    const { keyPrefix, planned } = planDialogueReminders(
      dialogue,
      profile.reminderPolicy,
      this.deps.now(),
      planWritingDialogueType(profile).id === dialogue.dialogueTypeId,
    );
    await this.deps.queue.replace(keyPrefix, planned);
    this.deps.onPlanned?.();
  }

  async planSaved(plan: IndividualPlan): Promise<void> {
    // Follow-ups belong to an agreement; a draft's activities are not promised yet.
    if (!plan.agreedAt) return;
    const { keyPrefix, planned } = planEffectFollowUps(
      plan,
      getProfile(plan.profileId).reminderPolicy,
      this.deps.now(),
    );
    await this.deps.queue.replace(keyPrefix, planned);
    this.deps.onPlanned?.();
  }
}

/**
 * The plan store, with reminders that follow the data whoever changes it — the chat, the tab,
 * a later import: saving a dialogue plans (or moves, or drops) its reminders, and saving a
 * plan that has been agreed plans its activities' effect follow-ups. Everything else passes
 * through untouched.
 *
 * The save and the planning are two writes: should the planning fail (or the process die
 * between them), the save stands — the person's work is not lost over a reminder — and
 * `ReminderCatchUp` plans it again from the store.
 */
export function withReminderPlanning(
  store: PlanStore,
  planner: ReminderPlanner,
  logger: Logger,
): PlanStore {
  const plan = async (what: string, work: () => Promise<void>) => {
    await work().catch((error: unknown) => {
      logger.error({ err: error, what }, 'reminders could not be planned');
    });
  };
  const saveDialogue = async (dialogue: Dialogue): Promise<void> => {
    await store.saveDialogue(dialogue);
    await plan('dialogue', () => planner.dialogueSaved(dialogue));
  };
  const saveIndividualPlan: PlanStore['saveIndividualPlan'] = async (individualPlan, options) => {
    const saved = await store.saveIndividualPlan(individualPlan, options);
    await plan('follow-ups', () => planner.planSaved(saved));
    return saved;
  };

  // A Proxy rather than a class that repeats every PlanStore method: the two writes above are
  // the only ones that differ, and a method added to the port later passes through unchanged.
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'saveDialogue') return saveDialogue;
      if (property === 'saveIndividualPlan') return saveIndividualPlan;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export interface ReminderCatchUpOptions {
  /** How far back the first look goes after a start: longer than any plausible outage. */
  firstLookBackMs: number;
  /** How often to look again. */
  intervalMs: number;
}

/**
 * Plans again the reminders of every dialogue and plan saved lately, so a crash between a
 * save and its planning loses no reminder: at start it looks back `firstLookBackMs`, then
 * every `intervalMs` over the last two intervals (the overlap covers a slow round).
 * Idempotent, so several instances doing it at once do no harm.
 */
export class ReminderCatchUp {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: PlanStore,
    private readonly planner: ReminderPlanner,
    private readonly logger: Logger,
    private readonly options: ReminderCatchUpOptions,
  ) {}

  start(): void {
    this.schedule(this.options.firstLookBackMs);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.round;
  }

  /** Plans the reminders of what was saved within `periodMs`; returns how many of each. */
  async runOnce(periodMs: number): Promise<{ dialogues: number; plans: number }> {
    const [dialogues, plans] = await Promise.all([
      this.store.listDialoguesSavedWithin(periodMs),
      this.store.listIndividualPlansSavedWithin(periodMs),
    ]);
    for (const dialogue of dialogues) await this.planner.dialogueSaved(dialogue);
    for (const plan of plans) await this.planner.planSaved(plan);
    return { dialogues: dialogues.length, plans: plans.length };
  }

  private schedule(periodMs: number, delayMs = 0): void {
    this.timer = setTimeout(() => {
      this.round = this.runOnce(periodMs).then(
        (done) => this.logger.debug(done, 'reminder catch-up done'),
        (error: unknown) => this.logger.error({ err: error }, 'reminder catch-up failed'),
      );
      void this.round.then(() => {
        if (this.timer) this.schedule(2 * this.options.intervalMs, this.options.intervalMs);
      });
    }, delayMs);
    this.timer.unref();
  }
}

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
 * The plan store, with reminders that follow the data whoever changes it — the chat, the tab,
 * a later import: saving a dialogue plans (or moves, or drops) its reminders, and saving a
 * plan that has been agreed plans its activities' effect follow-ups. Everything else passes
 * through untouched.
 *
 * The save and the planning are two writes: should the planning fail, the save stands (the
 * person's work is not lost over a reminder), the failure is logged, and the next save of
 * the same dialogue or plan plans it again.
 */
export function withReminderPlanning(
  store: PlanStore,
  deps: ReminderPlanningDependencies,
): PlanStore {
  const plan = async (what: string, work: () => Promise<void>) => {
    try {
      await work();
      deps.onPlanned?.();
    } catch (error) {
      deps.logger.error({ err: error, what }, 'reminders could not be planned');
    }
  };
  const saveDialogue = async (dialogue: Dialogue): Promise<void> => {
    await store.saveDialogue(dialogue);
    await plan('dialogue', async () => {
      const profile = getProfile(dialogue.profileId);
      const { keyPrefix, planned } = planDialogueReminders(
        dialogue,
        profile.reminderPolicy,
        deps.now(),
        planWritingDialogueType(profile).id === dialogue.dialogueTypeId,
      );
      await deps.queue.replace(keyPrefix, planned);
    });
  };
  const saveIndividualPlan: PlanStore['saveIndividualPlan'] = async (individualPlan, options) => {
    const saved = await store.saveIndividualPlan(individualPlan, options);
    if (saved.agreedAt) await plan('follow-ups', () => planFollowUps(saved));
    return saved;
  };
  const planFollowUps = async (saved: IndividualPlan) => {
    const { keyPrefix, planned } = planEffectFollowUps(
      saved,
      getProfile(saved.profileId).reminderPolicy,
      deps.now(),
    );
    await deps.queue.replace(keyPrefix, planned);
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

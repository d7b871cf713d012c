import type { Person } from '../../core/ports/directory';
import type { PersonalData } from '../../core/privacy/personalData';
import type { IsoDateTime } from '../../core/shared/schemas';
import type { FlowDependencies } from '../flowDependencies';

/** Enough for years of a manager's views; the tab pages the same log from GET /me/audit. */
const ACCESS_LOG_LIMIT = 1000;

/**
 * Reads everything stored about `person` for "exportera mina data": the same stores the chat
 * and the tab use, every year and every version, private answers included (they are theirs).
 */
export async function collectPersonalData(
  deps: Pick<FlowDependencies, 'plans' | 'reminderSettings' | 'audit'>,
  person: Person,
  now: Date,
): Promise<PersonalData> {
  const { plans } = deps;
  const [currentPlans, dialogues, reflections, reminderSettings, accessLog] = await Promise.all([
    plans.listIndividualPlans([person.id]),
    plans.listDialoguesForEmployee(person.id),
    plans.listReflections(person.id),
    deps.reminderSettings.get(person.id),
    deps.audit?.listForSubject(person.id, { limit: ACCESS_LOG_LIMIT }) ?? Promise.resolve([]),
  ]);
  const [individualPlans, withPreparations, effectFollowUps] = await Promise.all([
    Promise.all(
      currentPlans.map(async (plan) => ({
        plan,
        versions: await plans.individualPlanHistory(plan.id),
      })),
    ),
    Promise.all(
      dialogues.map(async (dialogue) => {
        const stored = await plans.getPreparation(dialogue.id);
        return stored ? { dialogue, preparation: stored.preparation } : { dialogue };
      }),
    ),
    plans.listEffectFollowUps(currentPlans.map((plan) => plan.id)),
  ]);
  return {
    exportedAt: now.toISOString() as IsoDateTime,
    person,
    individualPlans,
    dialogues: withPreparations,
    reflections,
    // A manager's plan answers are in the plan; only the person's own answers are theirs here.
    effectFollowUps: effectFollowUps.filter((answer) => answer.personId === person.id),
    ...(reminderSettings ? { reminderSettings } : {}),
    accessLog,
  };
}

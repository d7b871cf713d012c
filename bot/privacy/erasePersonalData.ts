import type { Person } from '../../core/ports/directory';
import type { OperationalPersonalData } from '../../core/ports/personalDataErasure';
import { agreedPlanOnErasure, type ErasureReport } from '../../core/privacy/erasure';
import { getProfile } from '../../core/profiles/profiles';
import type { FlowDependencies } from '../flowDependencies';
import { recordAccess } from './auditTrail';

export type ErasureDependencies = Pick<
  FlowDependencies,
  'plans' | 'logger' | 'audit' | 'defaultProfileId'
> & {
  operationalData?: OperationalPersonalData;
};

/**
 * "Radera mina data": the plan store of record first (plans, dialogues, preparations,
 * reflections, answers), the agreed plan handled as the person's profile says, then the
 * bot's memory of them. Run again after a failure, it finishes what is left.
 */
export async function erasePersonalData(
  deps: ErasureDependencies,
  person: Person,
  now: Date,
): Promise<ErasureReport> {
  const profile = getProfile(person.profileId || deps.defaultProfileId);
  const handling = agreedPlanOnErasure(profile.erasure);
  const plans = await deps.plans.erasePersonalData(person.id, { agreedPlans: handling });
  const operational = deps.operationalData
    ? await deps.operationalData.erasePerson(person.id)
    : {
        preparationDrafts: 0,
        reminderJobs: 0,
        reminderSettings: 0,
        conversationReferences: 0,
        welcomes: 0,
        botState: 0,
      };
  await recordAccess(deps, person.id, person.id, 'personal-data.erased', {
    keptAgreedPlans: plans.keptAgreedPlans,
    agreedPlanOnErasure: handling,
  });
  deps.logger.info({ keptAgreedPlans: plans.keptAgreedPlans }, 'personal data erased');
  return { erasedAt: now.toISOString(), agreedPlanOnErasure: handling, plans, operational };
}

import type { RequestHandler } from 'express';
import { z } from 'zod';
import { acceptPlan, requestChanges } from '../../core/plan/planLifecycle';
import { getProfile } from '../../core/profiles/profiles';
import { EntityIdSchema } from '../../core/shared/schemas';
import { tellManagerOfAnswer } from '../plans/planEffects';
import { ProposalAnswerSchema, type PlanResponse } from './contract';
import { callerOf } from './identity';
import {
  languageOfRequest,
  ownPlan,
  refusalError,
  requireVersion,
  saveOwnPlan,
} from './planWrites';
import type { ApiDependencies } from './router';
import { expectNoQuery, parseInput } from './validation';

const PathSchema = z.strictObject({ planId: EntityIdSchema });

/**
 * POST /plans/{planId}/answer: the employee agrees to the proposed plan or asks for changes.
 * The answer is saved first; then the manager is told in their chat, as when the employee
 * answers there. A card that does not arrive does not undo the answer.
 */
export function postPlanAnswer(deps: ApiDependencies): RequestHandler {
  const now = deps.now ?? (() => new Date());
  return async (req, res) => {
    const { planId } = parseInput(PathSchema, req.params, 'path');
    expectNoQuery(req.query);
    const answer = parseInput(ProposalAnswerSchema, req.body, 'body');
    const { person } = callerOf(req);
    const { plan, employee } = await ownPlan(deps, person.id, planId);
    requireVersion(plan, answer.expectedVersion);

    const at = now().toISOString();
    const result =
      answer.decision === 'accept'
        ? acceptPlan(plan, person.id, at)
        : requestChanges(plan, person.id, answer.comment, at);
    if (!result.ok) throw refusalError(result.reason);
    const saved = await saveOwnPlan(deps, result.plan, plan.version, person.id);
    const agreed = answer.decision === 'accept';
    deps.logger.info({ version: saved.version }, agreed ? 'plan agreed' : 'plan changes requested');

    const delivery = await tellManagerOfAnswer(deps, {
      answer: agreed ? 'agreed' : 'changes',
      plan: saved,
      profile: getProfile(saved.profileId),
      employee,
      manager: await deps.directory.managerOf(employee.id),
      language: languageOfRequest(req),
    });
    if (delivery !== 'delivered') deps.logger.warn({ delivery }, 'the manager was not told');
    const body: PlanResponse = { plan: saved };
    res.json(body);
  };
}

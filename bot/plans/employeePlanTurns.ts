import type { AdaptiveCard } from '@microsoft/teams.cards';
import { acceptPlan, requestChanges } from '../../core/plan/planLifecycle';
import type { DeliveryResult } from '../../core/ports/messenger';
import type { PlanAction } from '../cards/cardActions';
import { employeePlanCard } from '../cards/plan/employeePlanCard';
import type { EmployeeCardData } from '../cards/plan/planCardData';
import { planChangesSentCard } from '../cards/plan/planChangesSentCard';
import { notYoursCard } from '../cards/notYoursCard';
import { planProposalCard } from '../cards/plan/planProposalCard';
import type { Actor, FlowDependencies } from '../flowDependencies';
import { loadEmployeeContext, type EmployeePlanContext } from './planContext';
import { savePlan, tellManagerOfAnswer } from './planEffects';
import { parseChangeComment } from './planInputs';

/** The employee's answers to a proposal; both name the plan and the version proposed. */
export type EmployeeAction = Extract<PlanAction, { verb: 'plan.accept' | 'plan.requestChanges' }>;

interface Turn {
  actor: Actor;
  context: EmployeePlanContext;
}

/**
 * The employee answering the proposal: agree, or ask for changes with a comment. Only the
 * plan's own employee gets a context; an answer to an older version changes nothing.
 */
export class EmployeePlanTurns {
  constructor(
    private readonly deps: FlowDependencies,
    private readonly now: () => Date,
  ) {}

  /** Undefined when the plan is not the actor's own. */
  async act(action: EmployeeAction, actor: Actor): Promise<AdaptiveCard | undefined> {
    const context = await loadEmployeeContext(this.deps, actor.personId, action.planId);
    if (!context) return undefined;
    const turn = { actor, context };
    const { plan } = context;
    if (action.version !== plan.version) return this.view(turn, true);
    const now = this.now().toISOString();

    if (action.verb === 'plan.accept') {
      const result = acceptPlan(plan, actor.personId, now);
      if (!result.ok) return this.view(turn, true);
      const saved = await savePlan(this.deps, result.plan, plan.version, actor.personId);
      if (!saved) return this.reloadStale(turn);
      this.deps.logger.info({ version: saved.version }, 'plan agreed');
      const agreed = { actor, context: { ...context, plan: saved } };
      await this.tellManager(agreed, 'agreed');
      return employeePlanCard({
        ...this.cardData(agreed),
        justAgreed: true,
        myPlanUrl: this.deps.myPlanUrl,
      });
    }

    const comment = parseChangeComment(action);
    if (!comment.ok) {
      return planProposalCard({
        ...this.cardData(turn),
        values: comment.values,
        errors: comment.errors,
      });
    }
    const result = requestChanges(plan, actor.personId, comment.value, now);
    if (!result.ok) return this.view(turn, true);
    const saved = await savePlan(this.deps, result.plan, plan.version, actor.personId);
    if (!saved) return this.reloadStale(turn);
    this.deps.logger.info({ version: saved.version }, 'plan changes requested');
    const sentBack = { actor, context: { ...context, plan: saved } };
    const delivery = await this.tellManager(sentBack, 'changes');
    return planChangesSentCard({ ...this.cardData(sentBack), delivery });
  }

  /** The employee's own plan as it stands; undefined when it is not theirs. */
  async show(planId: string, actor: Actor): Promise<AdaptiveCard | undefined> {
    const context = await loadEmployeeContext(this.deps, actor.personId, planId);
    return context && this.view({ actor, context }, false);
  }

  /** The manager of the directory today is told; nobody else, whoever drafted the plan. */
  private tellManager(
    turn: Turn,
    answer: 'agreed' | 'changes',
  ): Promise<DeliveryResult['status'] | 'no-manager'> {
    const { manager, employee, profile, plan } = turn.context;
    return tellManagerOfAnswer(this.deps, {
      answer,
      plan,
      profile,
      employee,
      manager,
      language: turn.actor.language,
    });
  }

  private async reloadStale(turn: Turn): Promise<AdaptiveCard> {
    const { actor } = turn;
    const context = await loadEmployeeContext(this.deps, actor.personId, turn.context.plan.id);
    if (!context) return notYoursCard({ language: actor.language });
    return this.view({ actor, context }, true);
  }

  /** The proposal to answer, or the plan and where it stands. */
  private async view(turn: Turn, stale: boolean): Promise<AdaptiveCard> {
    const data = { ...this.cardData(turn), ...(stale ? { stale } : {}) };
    const { plan } = turn.context;
    if (plan.status === 'proposed') return planProposalCard(data);
    const agreedBy = plan.agreedBy && (await this.deps.directory.findPerson(plan.agreedBy));
    return employeePlanCard({
      ...data,
      ...(agreedBy ? { agreedByName: agreedBy.displayName } : {}),
      myPlanUrl: this.deps.myPlanUrl,
    });
  }

  private cardData(turn: Turn): EmployeeCardData {
    const { context } = turn;
    return {
      language: turn.actor.language,
      profile: context.profile,
      plan: context.plan,
      unitGoals: context.unitGoals,
      managerName: context.manager?.displayName ?? '',
    };
  }
}

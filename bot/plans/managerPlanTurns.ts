import { randomUUID } from 'node:crypto';
import type { AdaptiveCard } from '@microsoft/teams.cards';
import type { IndividualPlan } from '../../core/plan/individualPlan';
import {
  addActivity,
  editPlan,
  newPlanDraft,
  proposalProblems,
  proposePlan,
  removeActivity,
  replaceGoals,
  setFollowUpDate,
  type PlanChange,
  type PlanResult,
} from '../../core/plan/planLifecycle';
import { principleGaps, sharedInclusiveNeeds } from '../../core/plan/principleCheck';
import type { DeliveryResult } from '../../core/ports/messenger';
import type { PlanAction } from '../cards/cardActions';
import type { PlanView } from '../cards/plan/planActions';
import { planActivitiesCard } from '../cards/plan/planActivitiesCard';
import { planActivityCard } from '../cards/plan/planActivityCard';
import type { ManagerCardData } from '../cards/plan/planCardData';
import { planGoalsCard } from '../cards/plan/planGoalsCard';
import { notYoursCard } from '../cards/notYoursCard';
import { planProposalCard, planProposalFallbackText } from '../cards/plan/planProposalCard';
import { planProposedCard } from '../cards/plan/planProposedCard';
import { planReviewCard } from '../cards/plan/planReviewCard';
import { planStartCard } from '../cards/plan/planStartCard';
import type { Actor, FlowDependencies } from '../flowDependencies';
import { loadManagerContext, type ManagerPlanContext } from './planContext';
import { deliverCard, savePlan } from './planEffects';
import { parseActivity, parseFollowUp, parseGoals } from './planInputs';

/** The manager's verbs: each names the employee, and the plan once it exists. */
export type ManagerAction = Extract<PlanAction, { employeeId: string }>;
type Verb<V extends ManagerAction['verb']> = Extract<ManagerAction, { verb: V }>;

interface Turn {
  actor: Actor;
  context: ManagerPlanContext;
}

/**
 * The manager writing the plan: opens it, saves the goals, adds and removes activities, sets
 * the follow-up date and proposes it. The caller has checked nothing: every turn loads the
 * context, which is only there for the employee's manager in the directory today.
 */
export class ManagerPlanTurns {
  constructor(
    private readonly deps: FlowDependencies,
    private readonly now: () => Date,
  ) {}

  /** Undefined when the actor is not the employee's manager (or the plan not that employee's). */
  async act(action: ManagerAction, actor: Actor): Promise<AdaptiveCard | undefined> {
    const planId = 'planId' in action ? action.planId : undefined;
    const context = await loadManagerContext(this.deps, actor.personId, action.employeeId, planId);
    if (!context) return undefined;
    const turn = { actor, context };
    if ('version' in action && action.version !== (context.plan?.version ?? 0)) {
      return this.view(turn, staleViewOf(action), { stale: true });
    }
    const now = this.now().toISOString();
    switch (action.verb) {
      case 'plan.start':
        return this.view(turn, 'start');
      case 'plan.open':
        return this.view(turn, action.view, action.goalId ? { goalId: action.goalId } : {});
      case 'plan.saveGoals':
        return this.saveGoals(turn, action, now);
      case 'plan.addActivity':
        return this.addActivity(turn, action, now);
      case 'plan.removeActivity': {
        const known = context.plan?.activities.some((a) => a.id === action.activityId);
        if (!known) return this.view(turn, 'activities', { stale: true });
        return this.change(turn, removeActivity(action.activityId), now, 'activities');
      }
      case 'plan.saveFollowUp':
        return this.saveFollowUp(turn, action, now);
      case 'plan.propose':
        return this.propose(turn, now);
      case 'plan.resend': {
        const { plan } = context;
        if (plan?.status !== 'proposed') return this.view(turn, 'review', { stale: true });
        return this.proposedCard(turn, plan, await this.sendProposal(turn, plan));
      }
    }
  }

  private async saveGoals(turn: Turn, action: Verb<'plan.saveGoals'>, now: string) {
    const { context } = turn;
    const { plan, profile } = context;
    const parsed = parseGoals(action, {
      slotGoalIds: action.goalIds,
      existingGoalIds: new Set(plan?.goals.map((goal) => goal.id)),
      unitGoalIds: new Set(context.unitGoals.map((goal) => goal.id)),
      priorityAreaIds: new Set(profile.priorityAreas.areas.map((area) => area.id)),
      newId: randomUUID,
    });
    if (!parsed.ok) {
      return planGoalsCard({
        ...this.cardData(turn),
        values: parsed.values,
        errors: parsed.errors,
      });
    }
    const next = action.next;
    if (!plan) {
      const draft = newPlanDraft({
        id: randomUUID(),
        employeeId: context.employee.id,
        managerId: turn.actor.personId,
        profileId: profile.id,
        year: context.year,
        ...(context.dialogueId ? { dialogueId: context.dialogueId } : {}),
        goals: parsed.value,
        now,
      });
      return this.saved(turn, draft, next);
    }
    // Saving what is already stored makes no new version.
    if (JSON.stringify(plan.goals) === JSON.stringify(parsed.value)) return this.view(turn, next);
    return this.change(turn, replaceGoals(parsed.value), now, next);
  }

  private async addActivity(turn: Turn, action: Verb<'plan.addActivity'>, now: string) {
    const { plan, profile } = turn.context;
    const goal = plan?.goals.find((candidate) => candidate.id === action.goalId);
    if (!plan || !goal) return this.view(turn, 'activities', { stale: true });
    const parsed = parseActivity(action, {
      profile,
      goalId: goal.id,
      activityCount: plan.activities.length,
      newId: randomUUID,
    });
    if (!parsed.ok) {
      return planActivityCard({
        ...this.cardData(turn),
        goal,
        goalNumber: plan.goals.indexOf(goal) + 1,
        values: parsed.values,
        errors: parsed.errors,
      });
    }
    return this.change(turn, addActivity(parsed.value), now, 'activities');
  }

  private async saveFollowUp(turn: Turn, action: Verb<'plan.saveFollowUp'>, now: string) {
    const { plan, today } = turn.context;
    if (!plan) return this.view(turn, 'goals', { stale: true });
    const parsed = parseFollowUp(action, today);
    if (!parsed.ok) {
      return planActivitiesCard({
        ...this.cardData(turn),
        values: parsed.values,
        errors: parsed.errors,
      });
    }
    if (plan.followUpDate === parsed.value) return this.view(turn, 'review');
    return this.change(turn, setFollowUpDate(parsed.value), now, 'review');
  }

  /**
   * Saves the proposal first, then sends it: a card that does not arrive does not undo it;
   * the manager is told and can send it again.
   */
  private async propose(turn: Turn, now: string): Promise<AdaptiveCard> {
    const { plan } = turn.context;
    if (!plan) return this.view(turn, 'goals', { stale: true });
    const result = proposePlan(this.takenOver(turn, plan), turn.actor.personId, now);
    // The review already says what is missing; a forged click gets it said again.
    if (!result.ok) return this.view(turn, 'review');
    const saved = await savePlan(this.deps, result.plan, plan.version, turn.actor.personId);
    if (!saved) return this.reloadStale(turn, 'review');
    this.deps.logger.info({ version: saved.version }, 'plan proposed');
    const proposed = withPlan(turn, saved);
    return this.proposedCard(proposed, saved, await this.sendProposal(proposed, saved));
  }

  /** An edit by the manager: core decides, the store keeps it as a new version. */
  private async change(turn: Turn, change: PlanChange, now: string, next: PlanView) {
    const { plan } = turn.context;
    if (!plan) return this.view(turn, 'goals', { stale: true });
    const edited = editPlan(this.takenOver(turn, plan), turn.actor.personId, change, now);
    return this.saved(turn, edited, next);
  }

  private async saved(turn: Turn, result: PlanResult, next: PlanView): Promise<AdaptiveCard> {
    if (!result.ok) {
      // The inputs were checked already; a refusal here is a bug, not the manager's mistake.
      throw new Error(`The plan change was refused: ${result.reason}`);
    }
    const expected = turn.context.plan?.version ?? 0;
    const saved = await savePlan(this.deps, result.plan, expected, turn.actor.personId);
    if (!saved) return this.reloadStale(turn, next);
    return this.view(withPlan(turn, saved), next);
  }

  /**
   * The directory decides who the employee's manager is: a manager who took over the team
   * continues the plan their predecessor drafted.
   */
  private takenOver(turn: Turn, plan: IndividualPlan): IndividualPlan {
    return plan.managerId === turn.actor.personId
      ? plan
      : { ...plan, managerId: turn.actor.personId };
  }

  /** Someone saved first: nothing of this click is kept; the plan as it is now, marked so. */
  private async reloadStale(turn: Turn, view: PlanView): Promise<AdaptiveCard> {
    const { actor } = turn;
    const context = await loadManagerContext(this.deps, actor.personId, turn.context.employee.id);
    if (!context) return notYoursCard({ language: actor.language });
    return this.view({ actor, context }, view, { stale: true });
  }

  private view(
    turn: Turn,
    view: PlanView,
    options: { stale?: boolean; goalId?: string } = {},
  ): AdaptiveCard {
    const data = { ...this.cardData(turn), ...(options.stale ? { stale: true } : {}) };
    const { plan, profile, sharedPreparation } = turn.context;
    if (view === 'start') {
      return planStartCard({ ...data, ...(sharedPreparation ? { sharedPreparation } : {}) });
    }
    // Activities and the review follow the goals: without a plan, the goals come first.
    if (!plan || view === 'goals') return planGoalsCard(data);
    const goal = plan.goals.find((candidate) => candidate.id === options.goalId);
    if (view === 'activity' && goal) {
      return planActivityCard({ ...data, goal, goalNumber: plan.goals.indexOf(goal) + 1 });
    }
    if (view === 'review') {
      return planReviewCard({
        ...data,
        plan,
        problems: proposalProblems(plan),
        gaps: principleGaps(plan, profile),
      });
    }
    return planActivitiesCard(data);
  }

  private cardData(turn: Turn): ManagerCardData {
    const { context } = turn;
    const needs = sharedInclusiveNeeds(context.sharedPreparation);
    return {
      language: turn.actor.language,
      profile: context.profile,
      employeeId: context.employee.id,
      employeeName: context.employee.displayName,
      year: context.year,
      ...(context.plan ? { plan: context.plan } : {}),
      unitGoals: context.unitGoals,
      ...(needs ? { inclusiveNeeds: needs } : {}),
      ...(context.sharedFollowUps.length > 0 ? { sharedFollowUps: context.sharedFollowUps } : {}),
    };
  }

  private proposedCard(turn: Turn, plan: IndividualPlan, delivery: DeliveryResult['status']) {
    return planProposedCard({ ...this.cardData(turn), plan, delivery });
  }

  /** The proposal to the employee's chat, in the manager's language (the employee's is unknown). */
  private sendProposal(turn: Turn, plan: IndividualPlan) {
    const data = {
      language: turn.actor.language,
      profile: turn.context.profile,
      plan,
      unitGoals: turn.context.unitGoals,
      managerName: turn.context.manager.displayName,
    };
    return deliverCard(this.deps, turn.context.employee.id, {
      card: planProposalCard(data),
      fallbackText: planProposalFallbackText(data),
    });
  }
}

function withPlan(turn: Turn, plan: IndividualPlan): Turn {
  return { ...turn, context: { ...turn.context, plan } };
}

/** The card a stale click of each verb answers with, drawn from the plan as it is now. */
function staleViewOf(action: ManagerAction): PlanView {
  switch (action.verb) {
    case 'plan.saveGoals':
      return 'goals';
    case 'plan.addActivity':
    case 'plan.removeActivity':
    case 'plan.saveFollowUp':
      return 'activities';
    default:
      return 'review';
  }
}

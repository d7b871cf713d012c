import type { AdaptiveCard } from '@microsoft/teams.cards';
import type { PlanAction } from '../cards/cardActions';
import { notYoursCard } from '../cards/notYoursCard';
import type { Actor, FlowDependencies } from '../flowDependencies';
import { EmployeePlanTurns } from './employeePlanTurns';
import { ManagerPlanTurns } from './managerPlanTurns';
import { roleOn } from './planContext';
import { planHistory } from './planHistory';

/**
 * The individual plan: the manager drafts and proposes it, the employee agrees or asks for
 * changes. Each turn checks the clicker against the directory, asks core what the click
 * means, saves with the version the card was drawn at, and answers with the next card. A
 * card older than the plan changes nothing and gets the plan as it is now, marked outdated;
 * a card in the hands of anyone but the employee and their manager gets a polite refusal
 * that reveals nothing.
 */
export class PlanFlow {
  private readonly manager: ManagerPlanTurns;
  private readonly employee: EmployeePlanTurns;

  constructor(private readonly deps: FlowDependencies) {
    const now = deps.now ?? (() => new Date());
    this.manager = new ManagerPlanTurns(deps, now);
    this.employee = new EmployeePlanTurns(deps, now);
  }

  async act(action: PlanAction, actor: Actor): Promise<AdaptiveCard> {
    const card = await this.answer(action, actor);
    if (card) return card;
    // Whose plan it was is not logged either: the card may have been forged to find out.
    this.deps.logger.warn({ verb: action.verb }, 'plan action by someone without access');
    return notYoursCard({ language: actor.language });
  }

  private async answer(action: PlanAction, actor: Actor): Promise<AdaptiveCard | undefined> {
    switch (action.verb) {
      case 'plan.accept':
      case 'plan.requestChanges':
        return this.employee.act(action, actor);
      case 'plan.history': {
        const role = await roleOn(this.deps, actor.personId, action.planId);
        return role && planHistory(this.deps, role, actor);
      }
      case 'plan.show': {
        // The plan as the clicker sees it: the manager's review, or the employee's own view.
        const role = await roleOn(this.deps, actor.personId, action.planId);
        if (role?.role === 'manager') {
          const { employee, plan } = role;
          const open = { employeeId: employee.id, planId: plan.id, view: 'review' } as const;
          return this.manager.act({ verb: 'plan.open', ...open }, actor);
        }
        return role && this.employee.show(action.planId, actor);
      }
      default:
        return this.manager.act(action, actor);
    }
  }
}

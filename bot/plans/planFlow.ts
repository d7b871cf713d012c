import type { AdaptiveCard } from '@microsoft/teams.cards';
import type { PlanAction } from '../cards/cardActions';
import { notYetAvailableCard } from '../cards/notYetAvailableCard';
import type { Actor, FlowDependencies } from '../flowDependencies';

/** The individual plan: the manager drafts and proposes it, the employee agrees or asks for changes. */
export class PlanFlow {
  constructor(private readonly deps: FlowDependencies) {}

  async act(_action: PlanAction, actor: Actor): Promise<AdaptiveCard> {
    void this.deps;
    return notYetAvailableCard({ language: actor.language, command: 'myTeam' });
  }
}

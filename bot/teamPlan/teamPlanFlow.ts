import type { AdaptiveCard } from '@microsoft/teams.cards';
import type { TeamPlanAction } from '../cards/cardActions';
import { notYetAvailableCard } from '../cards/notYetAvailableCard';
import type { Actor, FlowDependencies } from '../flowDependencies';

/** The unit's competence plan: its goals and needs beside what the agreed plans add up to. */
export class TeamPlanFlow {
  constructor(private readonly deps: FlowDependencies) {}

  async show(actor: Actor): Promise<AdaptiveCard> {
    void this.deps;
    return notYetAvailableCard({ language: actor.language, command: 'teamPlan' });
  }

  async act(_action: TeamPlanAction, actor: Actor): Promise<AdaptiveCard> {
    return this.show(actor);
  }
}

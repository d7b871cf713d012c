import type { AdaptiveCard } from '@microsoft/teams.cards';
import type { TeamAction } from '../cards/cardActions';
import { notYetAvailableCard } from '../cards/notYetAvailableCard';
import type { Actor, FlowDependencies } from '../flowDependencies';

/** "mitt team": the manager's direct reports in this year's dialogue cycle, and booking. */
export class TeamFlow {
  constructor(private readonly deps: FlowDependencies) {}

  async overview(actor: Actor): Promise<AdaptiveCard> {
    void this.deps;
    return notYetAvailableCard({ language: actor.language, command: 'myTeam' });
  }

  async act(_action: TeamAction, actor: Actor): Promise<AdaptiveCard> {
    return this.overview(actor);
  }
}

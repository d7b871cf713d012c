import type { AdaptiveCard } from '@microsoft/teams.cards';
import { agreedPlanOnErasure } from '../../core/privacy/erasure';
import { getProfile } from '../../core/profiles/profiles';
import type { PrivacyAction } from '../cards/cardActions';
import { confirmErasureCard } from '../cards/privacy/confirmErasureCard';
import { erasureDoneCard } from '../cards/privacy/erasureDoneCard';
import type { Actor, FlowDependencies } from '../flowDependencies';
import { erasePersonalData } from './erasePersonalData';

/**
 * "Radera mina data" in the chat: the command shows what will go and what stays, and only
 * the confirm button erases, for the person clicking it.
 */
export class PrivacyFlow {
  constructor(private readonly deps: FlowDependencies) {}

  async confirmErasure(actor: Actor): Promise<AdaptiveCard> {
    const profile = await this.profileOf(actor.personId);
    return confirmErasureCard({
      language: actor.language,
      agreedPlanOnErasure: agreedPlanOnErasure(profile.erasure),
      ...(profile.erasure.note ? { keepNote: profile.erasure.note[actor.language] } : {}),
      retentionYears: profile.retention.individualPlanYears,
    });
  }

  async act(action: PrivacyAction, actor: Actor): Promise<AdaptiveCard> {
    if (action.verb === 'privacy.cancelErasure') {
      return erasureDoneCard({ language: actor.language, outcome: { kind: 'cancelled' } });
    }
    const person = (await this.deps.directory.findPerson(actor.personId)) ?? {
      // Someone the directory does not know still has their chat data here: erased too.
      id: actor.personId,
      displayName: actor.personId,
      profileId: this.deps.defaultProfileId,
    };
    const now = (this.deps.now ?? (() => new Date()))();
    const report = await erasePersonalData(this.deps, person, now);
    return erasureDoneCard({ language: actor.language, outcome: { kind: 'erased', report } });
  }

  private async profileOf(personId: string) {
    const person = await this.deps.directory.findPerson(personId);
    return getProfile(person?.profileId ?? this.deps.defaultProfileId);
  }
}

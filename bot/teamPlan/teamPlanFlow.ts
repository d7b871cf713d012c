import { randomUUID } from 'node:crypto';
import type { AdaptiveCard } from '@microsoft/teams.cards';
import type { TeamPlan } from '../../core/plan/teamPlan';
import { VersionConflictError } from '../../core/ports/storeErrors';
import { teamCoverage } from '../../core/team/coverage';
import { plannedNeeds, unplannedCompetences } from '../../core/team/plannedNeeds';
import type { TeamPlanAction } from '../cards/cardActions';
import {
  neededCompetencesCard,
  type NeededCompetencesNotice,
} from '../cards/teamPlan/neededCompetencesCard';
import { teamPlanCard, type TeamPlanNotice } from '../cards/teamPlan/teamPlanCard';
import { teamPlanForEmployeeCard } from '../cards/teamPlan/teamPlanForEmployeeCard';
import { notYoursCard } from '../cards/notYoursCard';
import { teamPlanNoUnitCard } from '../cards/teamPlan/teamPlanNoUnitCard';
import { unitGoalsCard } from '../cards/teamPlan/unitGoalsCard';
import type { Actor, FlowDependencies } from '../flowDependencies';
import { loadTeamSnapshot, type TeamSnapshot } from '../team/teamSnapshot';
import {
  newTeamPlan,
  withNeededCompetence,
  withoutNeededCompetence,
  withUnitGoals,
  type ChangeStamp,
} from './teamPlanChanges';
import {
  readNeededCompetence,
  readUnitGoals,
  typedNeed,
  typedUnitGoals,
  unitGoalRows,
  type FieldErrors,
  type TypedValues,
} from './teamPlanInputs';

/** A manager with direct reports in a unit: the one who may write that unit's plan. */
interface UnitManager {
  kind: 'manager';
  snapshot: TeamSnapshot;
  unitId: string;
}

/** Who may write the unit's plan this turn, as the directory says now. */
type Writer = UnitManager | { kind: 'no-unit' } | { kind: 'not-a-manager' };

/** Whether an edit card may still save: drawn at the stored version of the actor's own plan. */
type CardState = 'current' | 'stale' | 'not-yours';

type EditAction = Extract<TeamPlanAction, { planId: string }>;

/**
 * The unit's competence plan (kompetensutvecklingsplan för verksamheten): its goals and
 * needed competences beside what the agreed plans add up to. Every turn checks with the
 * directory that the actor manages people in a unit, and writes only that unit's plan, with
 * the version the card was drawn at: a stale card changes nothing and keeps what was typed.
 */
export class TeamPlanFlow {
  private readonly now: () => Date;

  constructor(private readonly deps: FlowDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  /** "teamets plan": the plan and the team's counts for a manager, an explanation otherwise. */
  async show(actor: Actor): Promise<AdaptiveCard> {
    const writer = await this.writerOf(actor);
    const { language } = actor;
    if (writer.kind === 'not-a-manager') return teamPlanForEmployeeCard({ language });
    if (writer.kind === 'no-unit') return teamPlanNoUnitCard({ language });
    return this.planCard(actor, writer.snapshot);
  }

  async act(action: TeamPlanAction, actor: Actor): Promise<AdaptiveCard> {
    if (action.verb === 'teamPlan.show') return this.show(actor);
    const writer = await this.writerOf(actor);
    if (writer.kind === 'no-unit') return teamPlanNoUnitCard({ language: actor.language });
    if (writer.kind === 'not-a-manager') {
      this.deps.logger.warn({ verb: action.verb }, 'team plan action from someone with no team');
      return notYoursCard({ language: actor.language, backTo: 'teamPlan' });
    }
    const { snapshot } = writer;
    const plan = snapshot.teamPlan;
    switch (action.verb) {
      case 'teamPlan.editGoals':
        return this.goalsCard(actor, snapshot, plan);
      case 'teamPlan.editNeeds':
        return plan ? this.needsCard(actor, snapshot, plan) : this.planCard(actor, snapshot);
      case 'teamPlan.saveGoals':
        return this.saveGoals(action, actor, writer);
      case 'teamPlan.addNeed':
        return this.addNeed(action, actor, writer);
      case 'teamPlan.removeNeed':
        return this.removeNeed(action, actor, writer);
    }
  }

  private async saveGoals(
    action: Extract<TeamPlanAction, { verb: 'teamPlan.saveGoals' }>,
    actor: Actor,
    writer: UnitManager,
  ): Promise<AdaptiveCard> {
    const { snapshot, unitId } = writer;
    const current = snapshot.teamPlan;
    const typed = typedUnitGoals(action);
    const state = await this.stateOf(action, writer);
    if (state === 'not-yours') return this.notYours(action, actor);
    if (state === 'stale') return this.goalsCard(actor, snapshot, current, { typed, stale: true });

    const read = readUnitGoals(unitGoalRows(current?.unitGoals ?? [], typed), randomUUID);
    if (!read.ok) {
      return this.goalsCard(actor, snapshot, current, { typed, errors: read.errors }, action);
    }
    const base =
      current ??
      newTeamPlan({
        id: action.planId,
        unitId,
        profileId: snapshot.profile.id,
        year: snapshot.year,
      });
    const change = withUnitGoals(base, read.goals, this.stamp(actor));
    const saved = await this.save(change.plan, action.version, actor, unitId);
    if (!saved.ok) {
      return this.goalsCard(actor, snapshot, saved.current, { typed, stale: true });
    }
    if (saved.plan.neededCompetences.length === 0) {
      return this.needsCard(actor, snapshot, saved.plan, { notice: 'goalsSaved' });
    }
    return this.planCard(
      actor,
      { ...snapshot, teamPlan: saved.plan },
      {
        key: 'goalsSaved',
        unlinked: change.unlinked,
      },
    );
  }

  private addNeed(
    action: Extract<TeamPlanAction, { verb: 'teamPlan.addNeed' }>,
    actor: Actor,
    writer: UnitManager,
  ): Promise<AdaptiveCard> {
    return this.editNeeds(action, actor, writer, (current, typed) => {
      const read = readNeededCompetence(typed, {
        profile: writer.snapshot.profile,
        plan: current,
        newId: randomUUID,
      });
      if (!read.ok) {
        return {
          shown: this.needsCard(actor, writer.snapshot, current, { typed, errors: read.errors }),
        };
      }
      return {
        next: withNeededCompetence(current, read.need, this.stamp(actor)),
        notice: 'needAdded',
      };
    });
  }

  private removeNeed(
    action: Extract<TeamPlanAction, { verb: 'teamPlan.removeNeed' }>,
    actor: Actor,
    writer: UnitManager,
  ): Promise<AdaptiveCard> {
    return this.editNeeds(action, actor, writer, (current, typed) => {
      const next = withoutNeededCompetence(current, action.needId, this.stamp(actor));
      if (!next) return { shown: this.needsCard(actor, writer.snapshot, current, { typed }) };
      // What was typed for a new need stays in its boxes after a removal.
      return { next, notice: 'needRemoved', keepTyped: true };
    });
  }

  /**
   * An edit on the needs card, in the order every edit checks: someone else's card, no plan
   * yet (only the plan card can write one), a stale card (nothing written, what was typed
   * kept), then the change itself, saved at the card's version.
   */
  private async editNeeds(
    action: Extract<TeamPlanAction, { verb: 'teamPlan.addNeed' | 'teamPlan.removeNeed' }>,
    actor: Actor,
    writer: UnitManager,
    change: (
      current: TeamPlan,
      typed: TypedValues,
    ) =>
      | { shown: AdaptiveCard }
      | { next: TeamPlan; notice: NeededCompetencesNotice; keepTyped?: boolean },
  ): Promise<AdaptiveCard> {
    const { snapshot, unitId } = writer;
    const current = snapshot.teamPlan;
    const typed = typedNeed(action);
    const state = await this.stateOf(action, writer);
    if (state === 'not-yours') return this.notYours(action, actor);
    if (!current) return this.planCard(actor, snapshot);
    if (state === 'stale') return this.needsCard(actor, snapshot, current, { typed, stale: true });

    const changed = change(current, typed);
    if ('shown' in changed) return changed.shown;
    const saved = await this.save(changed.next, action.version, actor, unitId);
    if (!saved.ok) {
      return saved.current
        ? this.needsCard(actor, snapshot, saved.current, { typed, stale: true })
        : this.show(actor);
    }
    return this.needsCard(actor, snapshot, saved.plan, {
      ...(changed.keepTyped ? { typed } : {}),
      notice: changed.notice,
    });
  }

  /**
   * Whether the card names the actor's own plan at its stored version. A plan id that is
   * not this year's plan of the actor's unit is looked up: another unit's means the card was
   * someone else's; an earlier plan of the unit, or a first plan someone else wrote first,
   * means the card is stale.
   */
  private async stateOf(action: EditAction, writer: UnitManager): Promise<CardState> {
    const stored = writer.snapshot.teamPlan;
    if (stored?.id === action.planId) {
      return stored.version === action.version ? 'current' : 'stale';
    }
    const known = (await this.deps.plans.teamPlanHistory(action.planId)).at(-1)?.document;
    if (known && known.unitId !== writer.unitId) return 'not-yours';
    return !known && !stored && action.version === 0 ? 'current' : 'stale';
  }

  /**
   * Stores the plan if it is still at `expectedVersion`; otherwise nothing is written and the
   * plan as it is now comes back, for the card to show beside what was typed.
   */
  private async save(
    plan: TeamPlan,
    expectedVersion: number,
    actor: Actor,
    unitId: string,
  ): Promise<{ ok: true; plan: TeamPlan } | { ok: false; current?: TeamPlan }> {
    try {
      const saved = await this.deps.plans.saveTeamPlan(plan, {
        expectedVersion,
        savedBy: actor.personId,
      });
      this.deps.logger.info({ version: saved.version }, 'team plan saved');
      return { ok: true, plan: saved };
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      this.deps.logger.info({ expectedVersion }, 'team plan changed meanwhile; nothing saved');
      const current = await this.deps.plans.getTeamPlan(unitId, plan.year);
      return current ? { ok: false, current } : { ok: false };
    }
  }

  private async writerOf(actor: Actor): Promise<Writer> {
    const snapshot = await loadTeamSnapshot(this.deps, actor.personId);
    if (!snapshot) return { kind: 'not-a-manager' };
    const unitId = snapshot.manager.unitId;
    return unitId ? { kind: 'manager', snapshot, unitId } : { kind: 'no-unit' };
  }

  private planCard(actor: Actor, snapshot: TeamSnapshot, notice?: TeamPlanNotice): AdaptiveCard {
    const { profile, year, today, agreedPlans: plans, dialogues, teamPlan } = snapshot;
    const employeeIds = snapshot.reports.map((report) => report.id);
    const needs = plannedNeeds({ employeeIds, plans, today });
    return teamPlanCard({
      language: actor.language,
      profile,
      year,
      ...(teamPlan ? { teamPlan } : {}),
      employees: employeeIds.length,
      needs,
      gaps: teamPlan ? unplannedCompetences(teamPlan, needs) : [],
      coverage: teamCoverage({ profile, employeeIds, plans, dialogues, year, today }),
      ...(notice ? { notice } : {}),
    });
  }

  /**
   * The goals card for the plan as stored now. A save that was refused keeps the card's plan
   * id (a first plan's fresh one) so that fixing the error and saving again still fits.
   */
  private goalsCard(
    actor: Actor,
    snapshot: TeamSnapshot,
    plan: TeamPlan | undefined,
    shown: { typed?: TypedValues; errors?: FieldErrors; stale?: boolean } = {},
    card?: EditAction,
  ): AdaptiveCard {
    return unitGoalsCard({
      language: actor.language,
      year: snapshot.year,
      ...(plan ? { plan } : {}),
      planId: plan?.id ?? card?.planId ?? randomUUID(),
      version: plan?.version ?? 0,
      ...shown,
    });
  }

  private needsCard(
    actor: Actor,
    snapshot: TeamSnapshot,
    plan: TeamPlan,
    shown: {
      typed?: TypedValues;
      errors?: FieldErrors;
      stale?: boolean;
      notice?: NeededCompetencesNotice;
    } = {},
  ): AdaptiveCard {
    return neededCompetencesCard({
      language: actor.language,
      profile: snapshot.profile,
      plan,
      ...shown,
    });
  }

  private notYours(action: EditAction, actor: Actor): AdaptiveCard {
    // Which plan is not logged either: the id would tell whose card was replayed.
    this.deps.logger.warn({ verb: action.verb }, "team plan action on another unit's plan");
    return notYoursCard({ language: actor.language, backTo: 'teamPlan' });
  }

  private stamp(actor: Actor): ChangeStamp {
    return { managerId: actor.personId, at: this.now().toISOString() };
  }
}

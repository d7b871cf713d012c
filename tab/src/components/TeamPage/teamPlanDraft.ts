import type { TeamPlanChange } from '../../../../bot/api/contract';
import { PLAN_LIMITS } from '../../../../core/plan/limits';
import type { CompetencePriority, TeamPlan } from '../../../../core/plan/teamPlan';

/**
 * The manager's edit of the team plan while it is on screen: plain strings, as the form holds
 * them ('' for an area not chosen yet or no unit goal), kept whole until it is saved or
 * discarded, also through an error or a conflict.
 */
export interface GoalDraft {
  id: string;
  text: string;
}

export interface NeedDraft {
  id: string;
  priorityAreaId: string;
  description: string;
  priority: CompetencePriority;
  /** '' when the need belongs to no particular goal. */
  unitGoalId: string;
}

export interface TeamPlanDraft {
  unitGoals: GoalDraft[];
  neededCompetences: NeedDraft[];
}

export const PRIORITIES: readonly CompetencePriority[] = ['high', 'medium', 'low'];

/** The form's starting point: the stored plan, or an empty one. */
export function draftOf(plan: TeamPlan | null): TeamPlanDraft {
  return {
    unitGoals: (plan?.unitGoals ?? []).map((goal) => ({ id: goal.id, text: goal.text })),
    neededCompetences: (plan?.neededCompetences ?? []).map((need) => ({
      id: need.id,
      priorityAreaId: need.priorityAreaId,
      description: need.description,
      priority: need.priority,
      unitGoalId: need.unitGoalId ?? '',
    })),
  };
}

/** A new id for a goal or need; the browser's UUID where it has one (secure contexts). */
export function newId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  return `id-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export const emptyGoal = (): GoalDraft => ({ id: newId(), text: '' });

export const emptyNeed = (): NeedDraft => ({
  id: newId(),
  priorityAreaId: '',
  description: '',
  priority: 'medium',
  unitGoalId: '',
});

/** Removing a goal keeps the needs that belonged to it, now tied to no goal. */
export function withoutGoal(draft: TeamPlanDraft, goalId: string): TeamPlanDraft {
  return {
    unitGoals: draft.unitGoals.filter((goal) => goal.id !== goalId),
    neededCompetences: draft.neededCompetences.map((need) =>
      need.unitGoalId === goalId ? { ...need, unitGoalId: '' } : need,
    ),
  };
}

/** What must be put right before saving: the field's key and the locale key saying what. */
export type DraftProblem =
  | { field: `goal:${string}`; problem: 'goalRequired' }
  | { field: `need:${string}:area`; problem: 'chooseArea' }
  | { field: `need:${string}:description`; problem: 'describeNeed' };

export const goalField = (id: string) => `goal:${id}` as const;
export const areaField = (id: string) => `need:${id}:area` as const;
export const descriptionField = (id: string) => `need:${id}:description` as const;

/**
 * The problems the form can find itself, in the order the fields appear; lengths and counts
 * are held by the fields' own limits, and the API checks everything again.
 */
export function draftProblems(
  draft: TeamPlanDraft,
  knownAreaIds: ReadonlySet<string>,
): DraftProblem[] {
  const problems: DraftProblem[] = [];
  for (const goal of draft.unitGoals) {
    if (goal.text.trim() === '')
      problems.push({ field: goalField(goal.id), problem: 'goalRequired' });
  }
  for (const need of draft.neededCompetences) {
    if (!knownAreaIds.has(need.priorityAreaId)) {
      problems.push({ field: areaField(need.id), problem: 'chooseArea' });
    }
    if (need.description.trim() === '') {
      problems.push({ field: descriptionField(need.id), problem: 'describeNeed' });
    }
  }
  return problems;
}

/** The PUT body: trimmed texts, no empty unit goal reference, the version the edit began at. */
export function changeOf(draft: TeamPlanDraft, expectedVersion: number): TeamPlanChange {
  const goalIds = new Set(draft.unitGoals.map((goal) => goal.id));
  return {
    unitGoals: draft.unitGoals.map((goal) => ({ id: goal.id, text: goal.text.trim() })),
    neededCompetences: draft.neededCompetences.map((need) => ({
      id: need.id,
      priorityAreaId: need.priorityAreaId,
      description: need.description.trim(),
      priority: need.priority,
      ...(need.unitGoalId !== '' && goalIds.has(need.unitGoalId)
        ? { unitGoalId: need.unitGoalId }
        : {}),
    })),
    expectedVersion,
  };
}

/** Whether the draft says anything other than the plan it started from. */
export function draftDiffers(draft: TeamPlanDraft, plan: TeamPlan | null): boolean {
  return JSON.stringify(changeOf(draft, 0)) !== JSON.stringify(changeOf(draftOf(plan), 0));
}

export const DRAFT_LIMITS = {
  unitGoalsMax: PLAN_LIMITS.unitGoalsMax,
  unitGoalTextMax: PLAN_LIMITS.unitGoalTextMax,
  neededCompetencesMax: PLAN_LIMITS.neededCompetencesMax,
  competenceDescriptionMax: PLAN_LIMITS.competenceDescriptionMax,
} as const;

import { z } from 'zod';
import {
  boundedText,
  EntityIdSchema,
  IsoDateTimeSchema,
  requireUniqueIds,
  SlugSchema,
  YearSchema,
} from '../shared/schemas';
import { PLAN_LIMITS } from './limits';

export const UnitGoalSchema = z.object({
  id: EntityIdSchema,
  text: boundedText(PLAN_LIMITS.unitGoalTextMax),
});
export type UnitGoal = z.infer<typeof UnitGoalSchema>;

export const CompetencePrioritySchema = z.enum(['high', 'medium', 'low']);
export type CompetencePriority = z.infer<typeof CompetencePrioritySchema>;

export const NeededCompetenceSchema = z.object({
  id: EntityIdSchema,
  priorityAreaId: SlugSchema,
  /** The guideline ties every need to a goal of the unit; optional while the plan is drafted. */
  unitGoalId: EntityIdSchema.optional(),
  description: boundedText(PLAN_LIMITS.competenceDescriptionMax),
  priority: CompetencePrioritySchema,
});
export type NeededCompetence = z.infer<typeof NeededCompetenceSchema>;

/** Kompetensutvecklingsplan för verksamheten: one per unit and year, shown to the whole team. */
export const TeamPlanSchema = z
  .object({
    id: EntityIdSchema,
    unitId: EntityIdSchema,
    profileId: SlugSchema,
    year: YearSchema,
    unitGoals: z.array(UnitGoalSchema).max(PLAN_LIMITS.unitGoalsMax),
    neededCompetences: z.array(NeededCompetenceSchema).max(PLAN_LIMITS.neededCompetencesMax),
    version: z.int().min(1),
    updatedAt: IsoDateTimeSchema,
    updatedBy: EntityIdSchema,
  })
  .superRefine((plan, ctx) => {
    requireUniqueIds(
      ctx,
      plan.unitGoals.map((goal) => goal.id),
      ['unitGoals'],
      'Unit goal',
    );
    requireUniqueIds(
      ctx,
      plan.neededCompetences.map((need) => need.id),
      ['neededCompetences'],
      'Needed competence',
    );
    const unitGoalIds = new Set(plan.unitGoals.map((goal) => goal.id));
    plan.neededCompetences.forEach((need, index) => {
      if (need.unitGoalId !== undefined && !unitGoalIds.has(need.unitGoalId)) {
        ctx.addIssue({
          code: 'custom',
          message: `Needed competence "${need.id}" refers to unknown unit goal "${need.unitGoalId}"`,
          path: ['neededCompetences', index, 'unitGoalId'],
        });
      }
    });
  });
export type TeamPlan = z.infer<typeof TeamPlanSchema>;

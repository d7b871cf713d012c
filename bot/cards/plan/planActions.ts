import { z } from 'zod';
import { PLAN_LIMITS } from '../../../core/plan/limits';
import { EntityIdSchema } from '../../../core/shared/schemas';

/**
 * The verbs of writing and agreeing the individual plan. Ids in the data say what was
 * clicked, never who may: the flow checks the clicker against the plan and the directory.
 *
 * The manager's verbs name the employee and, once it exists, the plan; those that change it
 * carry the version the card was drawn at (0 before the first save), so a stale card changes
 * nothing. The employee's verbs name the plan and its version.
 */

/** The manager's plan of one employee: this year's when no plan is named. */
const managerPlan = { employeeId: EntityIdSchema, planId: EntityIdSchema.optional() };
const managerAt = { ...managerPlan, version: z.int().min(0) };
const employeeAt = { planId: EntityIdSchema, version: z.int().min(1) };

/** The cards the manager moves between while writing the plan. */
export const PLAN_VIEWS = ['start', 'goals', 'activities', 'activity', 'review'] as const;
export type PlanView = (typeof PLAN_VIEWS)[number];

export const PLAN_ACTIONS = [
  /** The manager opens the plan of one employee: a new draft, or the latest plan to edit. */
  z.object({ verb: z.literal('plan.start'), employeeId: EntityIdSchema }),
  /** The manager moves to another card of the plan; nothing changes. */
  z.object({
    verb: z.literal('plan.open'),
    ...managerPlan,
    view: z.enum(PLAN_VIEWS),
    /** The goal a new activity is for (view "activity"). */
    goalId: EntityIdSchema.optional(),
  }),
  /**
   * The goals card: its inputs arrive beside the data, slot by slot. `goalIds` are the ids
   * of the goals the slots showed, so a goal keeps its id (and its activities) when edited.
   */
  z.looseObject({
    verb: z.literal('plan.saveGoals'),
    ...managerAt,
    goalIds: z.array(EntityIdSchema).max(PLAN_LIMITS.goalsMax),
    /** Where to go after saving: another empty goal slot, or on to the activities. */
    next: z.enum(['goals', 'activities']),
  }),
  z.looseObject({ verb: z.literal('plan.addActivity'), ...managerAt, goalId: EntityIdSchema }),
  z.object({ verb: z.literal('plan.removeActivity'), ...managerAt, activityId: EntityIdSchema }),
  z.looseObject({ verb: z.literal('plan.saveFollowUp'), ...managerAt }),
  z.object({ verb: z.literal('plan.propose'), ...managerAt }),
  /** Sends the proposal card again after it did not reach the employee. */
  z.object({ verb: z.literal('plan.resend'), ...managerAt }),
  z.object({ verb: z.literal('plan.accept'), ...employeeAt }),
  /** The comment arrives beside the data, as the card's input. */
  z.looseObject({ verb: z.literal('plan.requestChanges'), ...employeeAt }),
  /** The saved versions, for the employee or the manager. */
  z.object({ verb: z.literal('plan.history'), planId: EntityIdSchema }),
  /** The plan as the clicker sees it: the manager's review, or the employee's own view. */
  z.object({ verb: z.literal('plan.show'), planId: EntityIdSchema }),
] as const;

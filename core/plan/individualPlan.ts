import { z } from 'zod';
import {
  boundedText,
  EntityIdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  requireUniqueIds,
  SlugSchema,
  YearSchema,
} from '../shared/schemas';
import { PLAN_LIMITS } from './limits';

export const GoalSchema = z.object({
  id: EntityIdSchema,
  /** The goal as agreed in the plan. */
  text: boundedText(PLAN_LIMITS.goalTextMax),
  /** The employee's own wording, kept even if the agreed text is phrased differently. */
  ownWords: boundedText(PLAN_LIMITS.goalTextMax).optional(),
  /** The unit goal in the team plan this goal serves (koppling till verksamhetens mål). */
  unitGoalId: EntityIdSchema.optional(),
  priorityAreaIds: z
    .array(SlugSchema)
    .max(30)
    .refine((ids) => new Set(ids).size === ids.length, 'Priority areas must not repeat'),
});
export type Goal = z.infer<typeof GoalSchema>;

export const ActivityResponsibleSchema = z.enum(['employee', 'manager', 'both']);
export type ActivityResponsible = z.infer<typeof ActivityResponsibleSchema>;

export const ActivityStatusSchema = z.enum(['planned', 'in-progress', 'done', 'cancelled']);
export type ActivityStatus = z.infer<typeof ActivityStatusSchema>;

export const ActivitySchema = z
  .object({
    id: EntityIdSchema,
    goalId: EntityIdSchema,
    title: boundedText(PLAN_LIMITS.activityTitleMax),
    formOfLearningId: SlugSchema,
    catalogueItemId: SlugSchema.optional(),
    startDate: IsoDateSchema.optional(),
    /** Every activity has a date to follow up against. */
    dueDate: IsoDateSchema,
    responsible: ActivityResponsibleSchema,
    /** What the employee needs to take part: time, cover, tools, someone to learn with. */
    supportNeeded: boundedText(PLAN_LIMITS.supportNeededMax).optional(),
    status: ActivityStatusSchema,
  })
  .refine((activity) => !activity.startDate || activity.startDate <= activity.dueDate, {
    message: 'The start date must not be after the due date',
    path: ['dueDate'],
    // Comparing a malformed date would add a second, misleading problem to the real one.
    when: ({ issues }) =>
      !issues.some((i) => i.path?.[0] === 'startDate' || i.path?.[0] === 'dueDate'),
  });
export type Activity = z.infer<typeof ActivitySchema>;

export const PlanStatusSchema = z.enum(['draft', 'proposed', 'agreed', 'changes-requested']);
export type PlanStatus = z.infer<typeof PlanStatusSchema>;

/** What the employee asked to change in a proposal, kept until the next proposal. */
export const ChangeRequestSchema = z.object({
  comment: boundedText(PLAN_LIMITS.changeRequestMax),
  requestedAt: IsoDateTimeSchema,
});
export type ChangeRequest = z.infer<typeof ChangeRequestSchema>;

export const IndividualPlanSchema = z
  .object({
    id: EntityIdSchema,
    employeeId: EntityIdSchema,
    managerId: EntityIdSchema,
    profileId: SlugSchema,
    year: YearSchema,
    status: PlanStatusSchema,
    /** Raised on every saved change; stores compare it to refuse lost updates. */
    version: z.int().min(1),
    goals: z.array(GoalSchema).min(PLAN_LIMITS.goalsMin).max(PLAN_LIMITS.goalsMax),
    activities: z.array(ActivitySchema).max(PLAN_LIMITS.activitiesMax),
    followUpDate: IsoDateSchema.optional(),
    /** The dialogue the plan was written after, when it was written from one. */
    dialogueId: EntityIdSchema.optional(),
    changeRequest: ChangeRequestSchema.optional(),
    /**
     * The latest agreement. They stay while a later version is drafted or proposed: the
     * plan agreed before is still the one in force until a new one is agreed.
     */
    agreedBy: EntityIdSchema.optional(),
    agreedAt: IsoDateTimeSchema.optional(),
    createdAt: IsoDateTimeSchema,
    updatedAt: IsoDateTimeSchema,
  })
  .superRefine((plan, ctx) => {
    requireUniqueIds(
      ctx,
      plan.goals.map((goal) => goal.id),
      ['goals'],
      'Goal',
    );
    requireUniqueIds(
      ctx,
      plan.activities.map((a) => a.id),
      ['activities'],
      'Activity',
    );

    const goalIds = new Set(plan.goals.map((goal) => goal.id));
    plan.activities.forEach((activity, index) => {
      if (!goalIds.has(activity.goalId)) {
        ctx.addIssue({
          code: 'custom',
          message: `Activity "${activity.id}" belongs to unknown goal "${activity.goalId}"`,
          path: ['activities', index, 'goalId'],
        });
      }
    });

    if (plan.employeeId === plan.managerId) {
      ctx.addIssue({
        code: 'custom',
        message: 'The employee and the manager must be different people',
        path: ['managerId'],
      });
    }
    if ((plan.agreedBy === undefined) !== (plan.agreedAt === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: 'agreedBy and agreedAt are set together',
        path: [plan.agreedBy === undefined ? 'agreedBy' : 'agreedAt'],
      });
    }
    if (plan.status === 'agreed' && plan.agreedAt === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'An agreed plan records who agreed it and when',
        path: ['agreedAt'],
      });
    }
    if (
      plan.agreedBy !== undefined &&
      plan.agreedBy !== plan.employeeId &&
      plan.agreedBy !== plan.managerId
    ) {
      ctx.addIssue({
        code: 'custom',
        message: 'Only the employee or the manager can agree the plan',
        path: ['agreedBy'],
      });
    }
    if (plan.status === 'changes-requested' && plan.changeRequest === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'A plan sent back for changes says what to change',
        path: ['changeRequest'],
      });
    }
    if ((plan.status === 'proposed' || plan.status === 'agreed') && !plan.followUpDate) {
      ctx.addIssue({
        code: 'custom',
        message: 'A proposed or agreed plan has a follow-up date',
        path: ['followUpDate'],
      });
    }
  });
export type IndividualPlan = z.infer<typeof IndividualPlanSchema>;

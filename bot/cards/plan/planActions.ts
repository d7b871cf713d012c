import { z } from 'zod';
import { EntityIdSchema } from '../../../core/shared/schemas';

/**
 * The verbs of writing and agreeing the individual plan. Ids in the data say what was
 * clicked, never who may: the flow checks the clicker against the plan and the directory.
 */
export const PLAN_ACTIONS = [
  /** The manager opens the plan of one employee: a new draft, or the latest plan to edit. */
  z.object({ verb: z.literal('plan.start'), employeeId: EntityIdSchema }),
] as const;

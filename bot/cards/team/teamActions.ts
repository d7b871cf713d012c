import { z } from 'zod';
import { EntityIdSchema, SlugSchema } from '../../../core/shared/schemas';

/**
 * The verbs of "mitt team" and of booking dialogues. Ids in the data say what was clicked,
 * never who may: the flow checks the clicker against the directory on every turn.
 */
export const TEAM_ACTIONS = [
  /** Opens the booking card for one employee and dialogue type (also to move a booking). */
  z.object({
    verb: z.literal('team.schedule'),
    employeeId: EntityIdSchema,
    dialogueTypeId: SlugSchema,
  }),
] as const;

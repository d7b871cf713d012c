import { z } from 'zod';
import { EntityIdSchema, IsoDateTimeSchema, SlugSchema } from '../../../core/shared/schemas';

/** Which dialogue a booking card is about: one employee, one dialogue type, this year. */
const dialogueOf = { employeeId: EntityIdSchema, dialogueTypeId: SlugSchema };

/**
 * The booked time the card showed (absent when it showed none). A click whose dialogue has
 * been booked, moved or cancelled since then is stale: it changes nothing.
 */
const shownAt = { bookedAt: IsoDateTimeSchema.optional() };

/**
 * The verbs of "mitt team" and of booking dialogues. Ids in the data say what was clicked,
 * never who may: the flow checks the clicker against the directory on every turn.
 */
export const TEAM_ACTIONS = [
  /** Shows "mitt team" again (refresh), at one page of a big team. */
  z.object({ verb: z.literal('team.overview'), page: z.int().min(1).max(100).default(1) }),
  /** Opens the booking card for one employee and dialogue type (also to move a booking). */
  z.object({
    verb: z.literal('team.schedule'),
    employeeId: EntityIdSchema,
    dialogueTypeId: SlugSchema,
  }),
  /** Books or moves the dialogue; the card's `date` and `time` inputs arrive beside the data. */
  z.looseObject({ verb: z.literal('team.book'), ...dialogueOf, ...shownAt }),
  /** Asks to confirm cancelling the booking the card showed. */
  z.object({ verb: z.literal('team.cancelDialogue'), ...dialogueOf, ...shownAt }),
  /** Cancels the booking the card showed, once confirmed. */
  z.object({ verb: z.literal('team.confirmCancel'), ...dialogueOf, ...shownAt }),
  /** Records that the booked dialogue, whose time has passed, was held. */
  z.object({ verb: z.literal('team.markHeld'), ...dialogueOf, ...shownAt }),
] as const;

import { z } from 'zod';
import { PrincipleIdSchema } from '../../../core/principles/principles';
import { EntityIdSchema, SlugSchema } from '../../../core/shared/schemas';

/** The effect follow-up a card is about: one activity of one plan. */
const followUpOf = { planId: EntityIdSchema, activityId: EntityIdSchema };

/**
 * The verbs of "påminnelser" and of answering what a reminder asks. Ids in the data say what
 * was clicked, never who clicked: the person is the turn's, and a follow-up is answered only
 * by the plan's own employee.
 */
export const REMINDERS_ACTIONS = [
  /** Opens the settings card (from a confirmation or a reflection prompt). */
  z.object({ verb: z.literal('reminders.settings') }),
  /** The settings card's inputs (rhythm, pause, language) arrive beside the data. */
  z.looseObject({ verb: z.literal('reminders.saveSettings') }),
  z.object({ verb: z.literal('reminders.cancelSettings') }),
  /**
   * The answer to an everyday reflection prompt; text and share toggle arrive beside the data.
   * `jobId` names the reminder the card came with, so a second click saves nothing twice.
   */
  z.looseObject({
    verb: z.literal('reminders.saveReflection'),
    jobId: EntityIdSchema,
    promptId: SlugSchema,
    principle: PrincipleIdSchema,
  }),
  z.object({ verb: z.literal('reminders.laterReflection') }),
  /** Shows the follow-up card again, to answer after "Inte nu". */
  z.object({ verb: z.literal('reminders.openFollowUp'), ...followUpOf }),
  /** The three answers and the share toggle arrive beside the data. */
  z.looseObject({ verb: z.literal('reminders.saveFollowUp'), ...followUpOf }),
  z.object({ verb: z.literal('reminders.laterFollowUp'), ...followUpOf }),
] as const;

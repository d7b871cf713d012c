import { z } from 'zod';
import { EntityIdSchema } from '../../../core/shared/schemas';

/**
 * The team plan an edit card was drawn from: its id (a fresh one when there was no plan yet)
 * and its version (0 then). A save is refused unless both are still the manager's unit's.
 * Ids say what was clicked, never who may: the flow checks the clicker every turn.
 */
const planAt = { planId: EntityIdSchema, version: z.int().min(0) };

/**
 * The verbs of the unit's competence plan (kompetensutvecklingsplan för verksamheten). The
 * verbs that carry the card's inputs are loose: the inputs arrive beside the data, keyed by
 * input id, and bot/teamPlan/teamPlanInputs.ts reads only the ids it knows.
 */
export const TEAM_PLAN_ACTIONS = [
  /** Shows the team plan with what the agreed plans add up to. */
  z.object({ verb: z.literal('teamPlan.show') }),
  /** Opens the unit goals to write or change them. */
  z.object({ verb: z.literal('teamPlan.editGoals') }),
  /** Opens the needed competences to add or remove one. */
  z.object({ verb: z.literal('teamPlan.editNeeds') }),
  /** Saves the unit goals as typed on the card. */
  z.looseObject({ verb: z.literal('teamPlan.saveGoals'), ...planAt }),
  /** Adds the needed competence typed on the card. */
  z.looseObject({ verb: z.literal('teamPlan.addNeed'), ...planAt }),
  /** Removes one needed competence; the card's inputs come along so nothing typed is lost. */
  z.looseObject({ verb: z.literal('teamPlan.removeNeed'), ...planAt, needId: EntityIdSchema }),
] as const;

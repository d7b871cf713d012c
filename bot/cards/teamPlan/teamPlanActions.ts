import { z } from 'zod';

/** The verbs of the unit's competence plan (kompetensutvecklingsplan för verksamheten). */
export const TEAM_PLAN_ACTIONS = [
  /** Shows the team plan with what the agreed plans add up to. */
  z.object({ verb: z.literal('teamPlan.show') }),
] as const;

import { z } from 'zod';

/**
 * The verbs of "radera mina data". No ids in the data: the person erased is always the one
 * clicking, taken from the turn, so a forwarded card cannot erase anyone else.
 */
export const PRIVACY_ACTIONS = [
  z.object({ verb: z.literal('privacy.confirmErasure') }),
  z.object({ verb: z.literal('privacy.cancelErasure') }),
] as const;

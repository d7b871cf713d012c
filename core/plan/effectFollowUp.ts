import { z } from 'zod';
import { boundedText, EntityIdSchema, IsoDateTimeSchema } from '../shared/schemas';
import { PLAN_LIMITS } from './limits';
import { VisibilitySchema } from './reflection';

/**
 * The employee's answer when an activity's due date has passed (effektuppföljning): what they
 * learned, how they apply it, and what support they need. One per activity of a plan; private
 * unless shared, and the manager sees the shared ones only.
 */
export const EffectFollowUpSchema = z
  .object({
    id: EntityIdSchema,
    personId: EntityIdSchema,
    planId: EntityIdSchema,
    activityId: EntityIdSchema,
    learned: boundedText(PLAN_LIMITS.followUpAnswerMax).optional(),
    applied: boundedText(PLAN_LIMITS.followUpAnswerMax).optional(),
    supportNeeded: boundedText(PLAN_LIMITS.followUpAnswerMax).optional(),
    visibility: VisibilitySchema,
    answeredAt: IsoDateTimeSchema,
  })
  .refine(
    (f) => f.learned !== undefined || f.applied !== undefined || f.supportNeeded !== undefined,
    {
      message: 'A follow-up answers at least one of its questions',
      path: ['learned'],
    },
  );
export type EffectFollowUp = z.infer<typeof EffectFollowUpSchema>;

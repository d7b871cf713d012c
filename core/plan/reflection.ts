import { z } from 'zod';
import { PrincipleIdSchema, PromptContextSchema } from '../principles/principles';
import { boundedText, EntityIdSchema, IsoDateTimeSchema, SlugSchema } from '../shared/schemas';
import { PLAN_LIMITS } from './limits';

/** A missing choice means private, so nothing is shown to the manager by accident. */
export const VisibilitySchema = z.enum(['private', 'shared-with-manager']).default('private');
export type Visibility = z.infer<typeof VisibilitySchema>;

export const ReflectionSchema = z.object({
  id: EntityIdSchema,
  personId: EntityIdSchema,
  principle: PrincipleIdSchema,
  promptId: SlugSchema,
  text: boundedText(PLAN_LIMITS.reflectionTextMax),
  visibility: VisibilitySchema,
  createdAt: IsoDateTimeSchema,
  context: PromptContextSchema,
});
export type Reflection = z.infer<typeof ReflectionSchema>;

import { z } from 'zod';
import {
  boundedText,
  EntityIdSchema,
  IsoDateTimeSchema,
  requireUniqueIds,
  SlugSchema,
} from '../shared/schemas';
import { PLAN_LIMITS } from './limits';
import { VisibilitySchema } from './reflection';

export const DialogueStatusSchema = z.enum(['planned', 'prepared', 'held', 'cancelled']);
export type DialogueStatus = z.infer<typeof DialogueStatusSchema>;

/** One dialogue of the profile's cycle, e.g. this year's medarbetarsamtal for one employee. */
export const DialogueSchema = z
  .object({
    id: EntityIdSchema,
    employeeId: EntityIdSchema,
    managerId: EntityIdSchema,
    profileId: SlugSchema,
    dialogueTypeId: SlugSchema,
    scheduledAt: IsoDateTimeSchema,
    status: DialogueStatusSchema,
  })
  .refine((dialogue) => dialogue.employeeId !== dialogue.managerId, {
    message: 'The employee and the manager must be different people',
    path: ['managerId'],
  });
export type Dialogue = z.infer<typeof DialogueSchema>;

export const PreparationAnswerSchema = z.object({
  /** A step of the dialogue template the employee prepared with. */
  stepId: SlugSchema,
  promptId: SlugSchema.optional(),
  text: boundedText(PLAN_LIMITS.preparationAnswerMax),
  /** Chosen per answer: the employee may share one thought and keep another. */
  visibility: VisibilitySchema,
});
export type PreparationAnswer = z.infer<typeof PreparationAnswerSchema>;

export const DialoguePreparationSchema = z
  .object({
    id: EntityIdSchema,
    dialogueId: EntityIdSchema,
    employeeId: EntityIdSchema,
    answers: z.array(PreparationAnswerSchema).max(PLAN_LIMITS.preparationAnswersMax),
    updatedAt: IsoDateTimeSchema,
  })
  .superRefine((preparation, ctx) =>
    requireUniqueIds(
      ctx,
      preparation.answers.map((answer) => answer.stepId),
      ['answers'],
      'Preparation step',
      'stepId',
    ),
  );
export type DialoguePreparation = z.infer<typeof DialoguePreparationSchema>;

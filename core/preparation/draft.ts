import { z } from 'zod';
import { PLAN_LIMITS } from '../plan/limits';
import { VisibilitySchema } from '../plan/reflection';
import { PrincipleIdSchema } from '../principles/principles';
import { EntityIdSchema, IsoDateTimeSchema, SlugSchema, YearSchema } from '../shared/schemas';
import { PreparationStepIdSchema } from './template';

export const DRAFT_STATUSES = ['in-progress', 'sent', 'cancelled'] as const;
export const DraftStatusSchema = z.enum(DRAFT_STATUSES);
export type DraftStatus = z.infer<typeof DraftStatusSchema>;

/** A text answer, or the ids of the choices made; bounded like the stored preparation. */
export const DraftAnswerSchema = z.union([
  z.string().max(PLAN_LIMITS.preparationAnswerMax),
  z.array(EntityIdSchema).max(PLAN_LIMITS.preparationChoicesMax),
]);
export type DraftAnswer = z.infer<typeof DraftAnswerSchema>;

/**
 * An employee's preparation while it is being written, one step at a time. `revision` rises
 * with every change; a card carries the revision it was drawn at, so a click on an older card
 * (or a second click on the same one) is recognised as stale and changes nothing.
 */
export const PreparationDraftSchema = z.object({
  id: EntityIdSchema,
  employeeId: EntityIdSchema,
  /** The manager when the draft was started; the send looks them up again. */
  managerId: EntityIdSchema.optional(),
  profileId: SlugSchema,
  /** The profile's dialogue type that writes the plan (medarbetarsamtal). */
  dialogueTypeId: SlugSchema,
  year: YearSchema,
  step: PreparationStepIdSchema,
  /** Keyed by question id; unanswered optional questions are absent. */
  answers: z.record(SlugSchema, DraftAnswerSchema),
  skippedStepIds: z.array(PreparationStepIdSchema).max(10),
  /** Only the employee's own choices; the question's default applies to the rest. */
  visibility: z.record(SlugSchema, VisibilitySchema),
  /** The reflection prompt per principle, picked once at the start. */
  promptIds: z.record(PrincipleIdSchema, SlugSchema),
  status: DraftStatusSchema,
  revision: z.int().min(1),
  startedAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});
export type PreparationDraft = z.infer<typeof PreparationDraftSchema>;

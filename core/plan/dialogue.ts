import { z } from 'zod';
import {
  boundedText,
  EntityIdSchema,
  IsoDateTimeSchema,
  requireUniqueIds,
  SlugSchema,
  YearSchema,
} from '../shared/schemas';
import { PLAN_LIMITS } from './limits';
import { VisibilitySchema } from './reflection';

export const DialogueStatusSchema = z.enum(['planned', 'prepared', 'held', 'cancelled']);
export type DialogueStatus = z.infer<typeof DialogueStatusSchema>;

/** Which calendar event belongs to a dialogue: the organiser's mailbox and the event there. */
export const CalendarEventRefSchema = z.object({
  organizerId: EntityIdSchema,
  /** Graph's event id: opaque, long, and not limited to the characters of our own ids. */
  eventId: z.string().min(1).max(1024).regex(/^\S+$/),
});
export type CalendarEventRef = z.infer<typeof CalendarEventRefSchema>;

/** One dialogue of the profile's cycle, e.g. this year's medarbetarsamtal for one employee. */
export const DialogueSchema = z
  .object({
    id: EntityIdSchema,
    employeeId: EntityIdSchema,
    /** Absent while the directory names no manager: the employee may still prepare. */
    managerId: EntityIdSchema.optional(),
    profileId: SlugSchema,
    dialogueTypeId: SlugSchema,
    /** The year of the cycle the dialogue belongs to, known before it is booked. */
    year: YearSchema,
    /** Absent until it is booked: an employee prepares before a time is set. */
    scheduledAt: IsoDateTimeSchema.optional(),
    status: DialogueStatusSchema,
    /**
     * The Outlook event with a Teams meeting made for the booking (CALENDAR=graph), in the
     * calendar of the manager who booked it; absent when none was made or it was cancelled.
     */
    calendarEvent: CalendarEventRefSchema.optional(),
  })
  .refine((dialogue) => dialogue.employeeId !== dialogue.managerId, {
    message: 'The employee and the manager must be different people',
    path: ['managerId'],
  });
export type Dialogue = z.infer<typeof DialogueSchema>;

/** One answered question: the employee's own words, or the ids of what they chose. */
export const PreparationAnswerSchema = z
  .object({
    /** The step of the preparation template the question belongs to. */
    stepId: SlugSchema,
    questionId: SlugSchema,
    /** The reflection prompt the employee answered, for the principles' questions. */
    promptId: SlugSchema.optional(),
    text: boundedText(PLAN_LIMITS.preparationAnswerMax).optional(),
    /** Ids from the profile or the team plan: priority areas, forms of learning, offers, goals. */
    choiceIds: z.array(EntityIdSchema).min(1).max(PLAN_LIMITS.preparationChoicesMax).optional(),
    /** Chosen per answer: the employee may share one thought and keep another. */
    visibility: VisibilitySchema,
  })
  .refine((answer) => (answer.text === undefined) !== (answer.choiceIds === undefined), {
    message: 'An answer is either text or choices',
    path: ['text'],
  });
export type PreparationAnswer = z.infer<typeof PreparationAnswerSchema>;

export const DialoguePreparationSchema = z
  .object({
    id: EntityIdSchema,
    dialogueId: EntityIdSchema,
    employeeId: EntityIdSchema,
    answers: z.array(PreparationAnswerSchema).max(PLAN_LIMITS.preparationAnswersMax),
    /** Steps the employee chose to skip, so the manager sees them as open, not forgotten. */
    skippedStepIds: z.array(SlugSchema).max(10).default([]),
    updatedAt: IsoDateTimeSchema,
  })
  .superRefine((preparation, ctx) =>
    requireUniqueIds(
      ctx,
      preparation.answers.map((answer) => answer.questionId),
      ['answers'],
      'Preparation question',
      'questionId',
    ),
  );
export type DialoguePreparation = z.infer<typeof DialoguePreparationSchema>;

import { z } from 'zod';
import { EntityIdSchema, IsoDateSchema, IsoDateTimeSchema } from '../shared/schemas';

/**
 * What the bot says on its own initiative, each kind a row in the reminder queue:
 * - dialogue-employee: N working days before a booked dialogue, with a button to prepare;
 * - dialogue-manager: N working days before, with the shared preparation or a note that none
 *   was made;
 * - dialogue-after: after a held dialogue, a nudge to write and agree the plan;
 * - reflection-prompt: the everyday reflection (vardagslärande) on the person's rhythm;
 * - effect-follow-up: an activity's due date has passed; what was learned and applied?
 * - notice: a card someone's action sent (a booking, a proposal) that reached the person
 *   outside their working hours or during their pause, and waits for them.
 */
export const REMINDER_KINDS = [
  'dialogue-employee',
  'dialogue-manager',
  'dialogue-after',
  'reflection-prompt',
  'effect-follow-up',
  'notice',
] as const;
export const ReminderKindSchema = z.enum(REMINDER_KINDS);
export type ReminderKind = z.infer<typeof ReminderKindSchema>;

/** The facts a reminder card needs, fixed when the job is planned. */
export const ReminderPayloadSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('dialogue-employee'),
    dialogueId: EntityIdSchema,
    scheduledAt: IsoDateTimeSchema,
    workingDaysBefore: z.int().min(0).max(60),
  }),
  z.strictObject({
    kind: z.literal('dialogue-manager'),
    dialogueId: EntityIdSchema,
    employeeId: EntityIdSchema,
    scheduledAt: IsoDateTimeSchema,
    workingDaysBefore: z.int().min(0).max(60),
  }),
  z.strictObject({
    kind: z.literal('dialogue-after'),
    dialogueId: EntityIdSchema,
    employeeId: EntityIdSchema,
    scheduledAt: IsoDateTimeSchema,
  }),
  z.strictObject({
    kind: z.literal('reflection-prompt'),
    /** Counts the person's prompts, so the principles rotate: inclusive, activating, … */
    sequence: z.int().min(0),
  }),
  z.strictObject({
    kind: z.literal('effect-follow-up'),
    planId: EntityIdSchema,
    activityId: EntityIdSchema,
    dueDate: IsoDateSchema,
  }),
  z.strictObject({
    kind: z.literal('notice'),
    /** The card as it was built when the action happened. */
    card: z.looseObject({ type: z.literal('AdaptiveCard') }),
    fallbackText: z.string().max(2000),
  }),
]);
export type ReminderPayload = z.infer<typeof ReminderPayloadSchema>;

/**
 * A reminder to plan. `key` names the occasion, so planning it again moves it instead of
 * adding a second one: `dialogue:<id>:employee:10`, `reflection:<person>:<n>`,
 * `follow-up:<plan>:<activity>`. Keys of one subject share a prefix ending in ':'.
 */
export interface PlannedReminder {
  key: string;
  personId: string;
  dueAt: Date;
  payload: ReminderPayload;
}

/**
 * - pending: waits for its time (or for a retry);
 * - sending: claimed by an instance until `leaseUntil`; a crashed instance's claim expires;
 * - sent: Teams accepted it;
 * - skipped: not sent on purpose (paused, not installed, no longer relevant), with a reason;
 * - cancelled: its occasion went away (dialogue moved or cancelled, rhythm turned off);
 * - dead: failed `attempts` times, or Teams refused for good (403, 404); kept to be looked at.
 */
export const REMINDER_STATUSES = [
  'pending',
  'sending',
  'sent',
  'skipped',
  'cancelled',
  'dead',
] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

export interface ReminderJob extends PlannedReminder {
  id: string;
  status: ReminderStatus;
  /** Send attempts so far, the current one included once claimed. */
  attempts: number;
  lastError?: string;
}

/** The key prefix of every reminder about one dialogue, one plan's follow-ups, one person's prompts. */
export const reminderKeyPrefix = {
  dialogue: (dialogueId: string) => `dialogue:${dialogueId}:`,
  followUps: (planId: string) => `follow-up:${planId}:`,
  reflections: (personId: string) => `reflection:${personId}:`,
  /** Each notice is its own occasion: `notice:<person>:<id>:`. */
  notice: (personId: string, noticeId: string) => `notice:${personId}:${noticeId}:`,
};

import { z } from 'zod';
import { EntityIdSchema, IsoDateSchema, IsoDateTimeSchema } from '../shared/schemas';

/** How often the everyday reflection prompt comes; every other week unless the person chooses. */
export const REFLECTION_RHYTHMS = ['off', 'weekly', 'every-other-week', 'monthly'] as const;
export const ReflectionRhythmSchema = z.enum(REFLECTION_RHYTHMS);
export type ReflectionRhythm = z.infer<typeof ReflectionRhythmSchema>;
export const DEFAULT_REFLECTION_RHYTHM: ReflectionRhythm = 'every-other-week';

/** A period without reminders, both days included, in the profile's time zone. */
export const ReminderPauseSchema = z
  .strictObject({ from: IsoDateSchema, to: IsoDateSchema })
  .refine((pause) => pause.from <= pause.to, {
    message: 'A pause must not end before it starts',
    path: ['to'],
  });
export type ReminderPause = z.infer<typeof ReminderPauseSchema>;

/** One person's choices from the "påminnelser" card. Absent means the defaults. */
export const ReminderSettingsSchema = z.strictObject({
  personId: EntityIdSchema,
  reflectionRhythm: ReflectionRhythmSchema,
  pause: ReminderPauseSchema.optional(),
  /** The language of reminders; absent: the language Teams last reported for the person. */
  language: z.enum(['sv', 'en']).optional(),
  updatedAt: IsoDateTimeSchema,
});
export type ReminderSettings = z.infer<typeof ReminderSettingsSchema>;

export function defaultReminderSettings(personId: string, now: Date): ReminderSettings {
  return { personId, reflectionRhythm: DEFAULT_REFLECTION_RHYTHM, updatedAt: now.toISOString() };
}

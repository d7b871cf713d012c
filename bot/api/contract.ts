import { z } from 'zod';
import { EntityIdSchema, localizedText, SlugSchema } from '../../core/shared/schemas';

/**
 * What the tab API answers, as zod schemas: the routes build these types, the tests parse
 * real responses with them, and bot/api/openapi.json carries their JSON Schema (a test keeps
 * the two equal). The tab imports the types only.
 */

export const ErrorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.string().meta({ description: 'Stable, machine-readable, e.g. unauthenticated' }),
    message: z.string().meta({ description: 'Safe to show to the user' }),
  }),
});
export type ErrorBodyResponse = z.infer<typeof ErrorBodySchema>;

export const PersonSummarySchema = z.strictObject({
  id: EntityIdSchema.meta({ description: 'Entra object id' }),
  displayName: z.string(),
  jobTitle: z.string().optional(),
});
export type PersonSummary = z.infer<typeof PersonSummarySchema>;

const NamedItemSchema = z.strictObject({ id: SlugSchema, name: localizedText(200) });

export const ProfileSummarySchema = z.strictObject({
  id: SlugSchema,
  name: localizedText(120),
  dialogueTypes: z
    .array(NamedItemSchema.extend({ order: z.int().min(1) }))
    .meta({ description: "The year's dialogue cycle, in order" }),
  priorityAreas: z.array(NamedItemSchema),
});
export type ProfileSummary = z.infer<typeof ProfileSummarySchema>;

export const MeResponseSchema = z.strictObject({
  person: PersonSummarySchema,
  isManager: z.boolean().meta({ description: 'The person has direct reports' }),
  directReportCount: z.int().min(0),
  profile: ProfileSummarySchema.nullable().meta({
    description: "The person's organisation profile; null when no known profile applies",
  }),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const DemoPersonSchema = PersonSummarySchema.extend({
  role: z.enum(['manager', 'employee']),
});
export type DemoPerson = z.infer<typeof DemoPersonSchema>;

export const DemoPeopleResponseSchema = z.strictObject({
  defaultPersonId: EntityIdSchema.meta({
    description: 'Who a request without X-Demo-User acts as',
  }),
  people: z.array(DemoPersonSchema),
});
export type DemoPeopleResponse = z.infer<typeof DemoPeopleResponseSchema>;

/** The schemas openapi.json carries under components.schemas, by the id they have there. */
export const contractRegistry = z.registry<{ id: string }>();
contractRegistry.add(ErrorBodySchema, { id: 'Error' });
contractRegistry.add(PersonSummarySchema, { id: 'PersonSummary' });
contractRegistry.add(ProfileSummarySchema, { id: 'ProfileSummary' });
contractRegistry.add(MeResponseSchema, { id: 'Me' });
contractRegistry.add(DemoPersonSchema, { id: 'DemoPerson' });
contractRegistry.add(DemoPeopleResponseSchema, { id: 'DemoPeople' });

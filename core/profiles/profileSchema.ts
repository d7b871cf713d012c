import { z } from 'zod';
import {
  DEFAULT_REFLECTION_PROMPTS,
  findPromptCoverageGaps,
  mergePrompts,
  ReflectionPromptListSchema,
  type ReflectionPrompt,
} from '../principles/principles';
import {
  boundedText,
  localizedText,
  requireUniqueIds,
  SlugSchema,
  YearSchema,
} from '../shared/schemas';

/**
 * An organisation profile is everything that differs between regions: their dialogue
 * cycle, priority areas, offers, wording and defaults. A new region is a new data file
 * that passes this schema; no code changes.
 */

/** Where a list comes from: a region's adopted document, or a placeholder until it has one. */
export const ProvenanceSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('adopted'), source: boundedText(400) }),
  z.strictObject({ status: z.literal('starting-set'), note: localizedText(600) }),
]);
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const DialogueTypeSchema = z.strictObject({
  id: SlugSchema,
  name: localizedText(80),
  purpose: localizedText(600),
  /** The individual plan is written and agreed at this dialogue. */
  writesPlan: z.boolean(),
  /** The dialogue follows up the plan agreed earlier. */
  followsUpPlan: z.boolean(),
  /** Position in the year's cycle, 1 first. */
  order: z.int().min(1).max(12),
  /** Only where a region has fixed them; neither shipped region's documents name months. */
  typicalMonths: z
    .array(z.int().min(1).max(12))
    .min(1)
    .max(12)
    .refine((months) => new Set(months).size === months.length, 'Months must not repeat')
    .optional(),
});
export type DialogueType = z.infer<typeof DialogueTypeSchema>;

export const PriorityAreaSchema = z.strictObject({
  id: SlugSchema,
  name: localizedText(120),
  description: localizedText(1000),
});
export type PriorityArea = z.infer<typeof PriorityAreaSchema>;

export const PriorityAreasSchema = z
  .strictObject({
    provenance: ProvenanceSchema,
    /** The years the set applies to, e.g. VGR's inriktning 2026–2027. */
    validFromYear: YearSchema.optional(),
    validToYear: YearSchema.optional(),
    areas: z.array(PriorityAreaSchema).min(1).max(30),
  })
  .refine((set) => !set.validFromYear || !set.validToYear || set.validFromYear <= set.validToYear, {
    message: 'validFromYear must not be after validToYear',
    path: ['validToYear'],
  });
export type PriorityAreas = z.infer<typeof PriorityAreasSchema>;

export const LEARNING_FORM_KINDS = [
  'everyday',
  'exchange',
  'self-directed',
  'course',
  'research',
] as const;
export const LearningFormKindSchema = z.enum(LEARNING_FORM_KINDS);
export type LearningFormKind = z.infer<typeof LearningFormKindSchema>;

export const FormOfLearningSchema = z.strictObject({
  id: SlugSchema,
  name: localizedText(100),
  description: localizedText(500),
  /** everyday: in or beside daily work (vardagslärande); exchange: with people outside the unit. */
  kind: LearningFormKindSchema,
});
export type FormOfLearning = z.infer<typeof FormOfLearningSchema>;

export const OFFER_FORMATS = [
  'e-learning',
  'classroom',
  'blended',
  'residential',
  'programme',
  'university-course',
  'platform',
  'not-stated',
] as const;
export const OfferFormatSchema = z.enum(OFFER_FORMATS);
export type OfferFormat = z.infer<typeof OfferFormatSchema>;

export const CatalogueItemSchema = z.strictObject({
  id: SlugSchema,
  /** The offer's own (Swedish) name, not translated. */
  title: boundedText(200),
  provider: boundedText(200).optional(),
  priorityAreaIds: z.array(SlugSchema).min(1).max(30),
  /** Set when the offer is ordered through one of the profile's framework-agreement areas. */
  frameworkAreaId: SlugSchema.optional(),
  mandatory: z.boolean(),
  /** Absent where the region's document does not say who it is for. */
  targetGroup: localizedText(400).optional(),
  format: OfferFormatSchema,
  availability: z.enum(['available', 'in-development']),
  description: localizedText(1000),
});
export type CatalogueItem = z.infer<typeof CatalogueItemSchema>;

export const CatalogueSchema = z.strictObject({
  provenance: ProvenanceSchema,
  items: z.array(CatalogueItemSchema).max(500),
});
export type Catalogue = z.infer<typeof CatalogueSchema>;

export const FrameworkAreaSchema = z.strictObject({
  id: SlugSchema,
  name: localizedText(120),
  about: localizedText(1200),
  /** Ranked: the first supplier is asked first (rangordning). Empty until procured. */
  suppliers: z
    .array(boundedText(120))
    .max(10)
    .refine((names) => new Set(names).size === names.length, 'Suppliers must not repeat'),
  targetGroup: localizedText(1000).optional(),
  exampleTrainingAreas: z
    .array(z.strictObject({ name: localizedText(150), examples: localizedText(800) }))
    .max(20),
  howToOrder: z.strictObject({
    method: z.enum(['order-form', 'learning-portal']),
    url: z.url({ protocol: /^https?$/ }).optional(),
    instructions: localizedText(600),
  }),
});
export type FrameworkArea = z.infer<typeof FrameworkAreaSchema>;

export const FrameworkAgreementSchema = z.strictObject({
  id: SlugSchema,
  name: localizedText(200),
  source: boundedText(400),
  /** Organisations allowed to order (avropa) under the agreement. */
  eligibleOrganisations: z.array(boundedText(120)).min(1).max(20),
  howToOrder: localizedText(1000),
  areas: z.array(FrameworkAreaSchema).min(1).max(40),
});
export type FrameworkAgreement = z.infer<typeof FrameworkAgreementSchema>;

const ClockTimeSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM, 24-hour');

const WorkingDaysBeforeSchema = z
  .array(z.int().min(1).max(60))
  .max(5)
  .refine((days) => new Set(days).size === days.length, 'Reminder days must not repeat');

const isKnownTimeZone = (timeZone: string): boolean => {
  try {
    new Intl.DateTimeFormat('sv-SE', { timeZone });
    return true;
  } catch {
    return false;
  }
};

export const ReminderPolicySchema = z
  .strictObject({
    /** Before a dialogue: time to prepare, then a nudge. */
    employeeWorkingDaysBefore: WorkingDaysBeforeSchema,
    managerWorkingDaysBefore: WorkingDaysBeforeSchema,
    /** After a dialogue: the nudge to the manager to write and agree the plan; 0 is the same day. */
    afterDialogueWorkingDays: z.int().min(0).max(10).default(1),
    workingHours: z.strictObject({ start: ClockTimeSchema, end: ClockTimeSchema }),
    timeZone: z.string().refine(isKnownTimeZone, 'Unknown IANA time zone'),
  })
  .refine((policy) => policy.workingHours.start < policy.workingHours.end, {
    message: 'Working hours must start before they end',
    path: ['workingHours', 'end'],
  });
export type ReminderPolicy = z.infer<typeof ReminderPolicySchema>;

/**
 * Reminders 10 and 2 working days before for the employee, 2 for the manager, a nudge to the
 * manager the working day after, 08–17 Stockholm.
 */
export function defaultReminderPolicy(): ReminderPolicy {
  return {
    employeeWorkingDaysBefore: [10, 2],
    managerWorkingDaysBefore: [2],
    afterDialogueWorkingDays: 1,
    workingHours: { start: '08:00', end: '17:00' },
    timeZone: 'Europe/Stockholm',
  };
}

export const WordingSchema = z.strictObject({
  /** What the region calls the main development dialogue. */
  dialogue: localizedText(80),
  individualPlan: localizedText(80),
  unitPlan: localizedText(80),
});
export type Wording = z.infer<typeof WordingSchema>;

/**
 * When an employee's data is erased, the manager's copy of an agreed plan either stays as
 * the unit's record (a public authority's document under its archive rules) or goes too.
 */
export const ErasurePolicySchema = z.strictObject({
  agreedPlanManagerCopy: z.enum(['keep-as-unit-record', 'erase']),
  note: localizedText(600).optional(),
});
export type ErasurePolicy = z.infer<typeof ErasurePolicySchema>;

/**
 * How long plans are kept ("gallring"): a plan, its dialogues and preparations stay for their
 * year and `individualPlanYears` years after, then the scheduled retention job removes them.
 */
export const RetentionPolicySchema = z.strictObject({
  individualPlanYears: z.int().min(1).max(50),
  note: localizedText(600).optional(),
});
export type RetentionPolicy = z.infer<typeof RetentionPolicySchema>;

export const ReflectionPromptSettingsSchema = z.strictObject({
  /** false: the profile's prompts replace the shared defaults instead of adding to them. */
  useDefaults: z.boolean(),
  /** Added to the defaults; a prompt with a default's id replaces that default. */
  prompts: ReflectionPromptListSchema,
});
export type ReflectionPromptSettings = z.infer<typeof ReflectionPromptSettingsSchema>;

/** The prompts a profile asks: the shared defaults with its own, or its own alone. */
export function promptsOf(profile: {
  reflectionPrompts: ReflectionPromptSettings;
}): ReflectionPrompt[] {
  const { useDefaults, prompts } = profile.reflectionPrompts;
  return useDefaults ? mergePrompts(DEFAULT_REFLECTION_PROMPTS, prompts) : [...prompts];
}

export const OrganisationProfileSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    id: SlugSchema,
    name: localizedText(120),
    wording: WordingSchema,
    dialogueCycle: z.array(DialogueTypeSchema).min(1).max(6),
    priorityAreas: PriorityAreasSchema,
    formsOfLearning: z.array(FormOfLearningSchema).min(1).max(60),
    catalogue: CatalogueSchema,
    frameworkAgreements: z.array(FrameworkAgreementSchema).max(10),
    reflectionPrompts: ReflectionPromptSettingsSchema,
    reminderPolicy: ReminderPolicySchema.default(defaultReminderPolicy),
    erasure: ErasurePolicySchema,
    retention: RetentionPolicySchema,
  })
  .superRefine((profile, ctx) => {
    const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);
    requireUniqueIds(ctx, ids(profile.dialogueCycle), ['dialogueCycle'], 'Dialogue type');
    requireUniqueIds(
      ctx,
      ids(profile.priorityAreas.areas),
      ['priorityAreas', 'areas'],
      'Priority area',
    );
    requireUniqueIds(ctx, ids(profile.formsOfLearning), ['formsOfLearning'], 'Form of learning');
    requireUniqueIds(ctx, ids(profile.catalogue.items), ['catalogue', 'items'], 'Catalogue item');
    requireUniqueIds(
      ctx,
      ids(profile.frameworkAgreements),
      ['frameworkAgreements'],
      'Framework agreement',
    );

    const orders = new Set<number>();
    profile.dialogueCycle.forEach((dialogue, index) => {
      if (orders.has(dialogue.order)) {
        ctx.addIssue({
          code: 'custom',
          message: `Dialogue type "${dialogue.id}" shares its order ${dialogue.order} with another`,
          path: ['dialogueCycle', index, 'order'],
        });
      }
      orders.add(dialogue.order);
    });
    if (!profile.dialogueCycle.some((dialogue) => dialogue.writesPlan)) {
      ctx.addIssue({
        code: 'custom',
        message: 'No dialogue type writes the individual plan (writesPlan)',
        path: ['dialogueCycle'],
      });
    }

    // Area ids are unique across agreements: a catalogue item names an area, not its agreement.
    const frameworkAreaIds = new Set<string>();
    profile.frameworkAgreements.forEach((agreement, a) => {
      agreement.areas.forEach((area, index) => {
        if (frameworkAreaIds.has(area.id)) {
          ctx.addIssue({
            code: 'custom',
            message: `Framework area id "${area.id}" is used more than once`,
            path: ['frameworkAgreements', a, 'areas', index, 'id'],
          });
        }
        frameworkAreaIds.add(area.id);
      });
    });

    const priorityAreaIds = new Set(profile.priorityAreas.areas.map((area) => area.id));
    profile.catalogue.items.forEach((item, index) => {
      item.priorityAreaIds.forEach((areaId, j) => {
        if (!priorityAreaIds.has(areaId)) {
          ctx.addIssue({
            code: 'custom',
            message: `Catalogue item "${item.id}" refers to unknown priority area "${areaId}"`,
            path: ['catalogue', 'items', index, 'priorityAreaIds', j],
          });
        }
      });
      if (item.frameworkAreaId !== undefined && !frameworkAreaIds.has(item.frameworkAreaId)) {
        ctx.addIssue({
          code: 'custom',
          message: `Catalogue item "${item.id}" refers to unknown framework area "${item.frameworkAreaId}"`,
          path: ['catalogue', 'items', index, 'frameworkAreaId'],
        });
      }
    });

    for (const gap of findPromptCoverageGaps(promptsOf(profile))) {
      ctx.addIssue({
        code: 'custom',
        message: `No reflection prompt for principle "${gap.principle}" in context "${gap.context}"`,
        path: ['reflectionPrompts', 'prompts'],
      });
    }
  });
export type OrganisationProfile = z.infer<typeof OrganisationProfileSchema>;

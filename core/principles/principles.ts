import { z } from 'zod';
import { localizedText, requireUniqueIds, SlugSchema } from '../shared/schemas';
import principlesData from './data/principles.json';
import defaultPromptsData from './data/defaultPrompts.json';

/** VGR:s pedagogiska grundprinciper; every prompt, dialogue step and plan builds on them. */
export const PRINCIPLE_IDS = ['inclusive', 'activating', 'motivating', 'sustainable'] as const;
export const PrincipleIdSchema = z.enum(PRINCIPLE_IDS);
export type PrincipleId = z.infer<typeof PrincipleIdSchema>;

/** Where a prompt is asked: before a dialogue, in daily work, or when following up a plan. */
export const PROMPT_CONTEXTS = ['dialogue-preparation', 'everyday', 'follow-up'] as const;
export const PromptContextSchema = z.enum(PROMPT_CONTEXTS);
export type PromptContext = z.infer<typeof PromptContextSchema>;

export const PedagogicalPrincipleSchema = z.strictObject({
  id: PrincipleIdSchema,
  name: localizedText(40),
  meaning: localizedText(400),
});
export type PedagogicalPrinciple = z.infer<typeof PedagogicalPrincipleSchema>;

const PrinciplesFileSchema = z
  .strictObject({
    source: z.string().min(1).max(300),
    principles: z.array(PedagogicalPrincipleSchema).length(PRINCIPLE_IDS.length),
  })
  .superRefine((file, ctx) => {
    file.principles.forEach((principle, index) => {
      if (principle.id !== PRINCIPLE_IDS[index]) {
        ctx.addIssue({
          code: 'custom',
          message: `Principle ${index + 1} must be "${PRINCIPLE_IDS[index]}", found "${principle.id}"`,
          path: ['principles', index, 'id'],
        });
      }
    });
  });

export const ReflectionPromptSchema = z.strictObject({
  id: SlugSchema,
  principle: PrincipleIdSchema,
  contexts: z
    .array(PromptContextSchema)
    .min(1)
    .max(PROMPT_CONTEXTS.length)
    .refine((contexts) => new Set(contexts).size === contexts.length, 'Contexts must not repeat'),
  text: localizedText(300),
});
export type ReflectionPrompt = z.infer<typeof ReflectionPromptSchema>;

export const ReflectionPromptListSchema = z
  .array(ReflectionPromptSchema)
  .max(500)
  .superRefine((prompts, ctx) =>
    requireUniqueIds(
      ctx,
      prompts.map((prompt) => prompt.id),
      [],
      'Reflection prompt',
    ),
  );

/** In the guideline's order: inkluderande, aktiverande, motiverande, hållbara. */
export const PEDAGOGICAL_PRINCIPLES: readonly PedagogicalPrinciple[] =
  PrinciplesFileSchema.parse(principlesData).principles;

/** The prompts every profile gets unless it opts out (see the profile's reflectionPrompts). */
export const DEFAULT_REFLECTION_PROMPTS: readonly ReflectionPrompt[] = z
  .strictObject({ prompts: ReflectionPromptListSchema })
  .parse(defaultPromptsData).prompts;

export function getPrinciple(id: PrincipleId): PedagogicalPrinciple {
  const principle = PEDAGOGICAL_PRINCIPLES.find((p) => p.id === id);
  if (!principle) throw new RangeError(`Unknown pedagogical principle "${id}"`);
  return principle;
}

/** A prompt in `additions` replaces the base prompt with the same id; new ids are appended. */
export function mergePrompts(
  base: readonly ReflectionPrompt[],
  additions: readonly ReflectionPrompt[],
): ReflectionPrompt[] {
  const byId = new Map(base.map((prompt) => [prompt.id, prompt]));
  for (const prompt of additions) byId.set(prompt.id, prompt);
  return [...byId.values()];
}

/** Every principle must have a prompt in every context, or a dialogue step would have none. */
export function findPromptCoverageGaps(
  prompts: readonly ReflectionPrompt[],
): { principle: PrincipleId; context: PromptContext }[] {
  return PRINCIPLE_IDS.flatMap((principle) =>
    PROMPT_CONTEXTS.filter(
      (context) => !prompts.some((p) => p.principle === principle && p.contexts.includes(context)),
    ).map((context) => ({ principle, context })),
  );
}

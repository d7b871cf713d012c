import { z } from 'zod';

/**
 * Primitives shared by every schema in core. Bounds live here so that no text or
 * list that crosses a boundary can grow without limit.
 */

/** Ids of people and stored records: Entra object ids, GUIDs, store keys. */
export const EntityIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:@-]*$/, 'Use letters, digits and . _ : @ - only');
export type EntityId = z.infer<typeof EntityIdSchema>;

/** Ids inside an organisation profile, written by hand in its data file. */
export const SlugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single hyphens');
export type Slug = z.infer<typeof SlugSchema>;

/** A calendar date, YYYY-MM-DD; impossible dates such as 2026-02-30 are rejected. */
export const IsoDateSchema = z.iso.date();
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** An instant with its offset (or Z), so the local time where it happened is never lost. */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });
export type IsoDateTime = z.infer<typeof IsoDateTimeSchema>;

/** A calendar year of plans and dialogues; the bounds only keep typos out. */
export const YearSchema = z.int().min(2000).max(2100);

/**
 * Text as PostgreSQL can keep it: NUL characters dropped (no one types them, and text and jsonb
 * refuse them) and a lone UTF-16 surrogate half, which no real character leaves behind,
 * replaced by U+FFFD as String.prototype.toWellFormed does. Applied to what people type, so
 * odd input is saved or refused, never a failed write.
 */
export function storableText(text: string): string {
  return text
    .replaceAll('\u0000', '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * Text a person writes, made storable (see storableText); surrounding space is dropped before
 * the bounds apply, so a text of NULs alone is an empty text (refused).
 */
export const boundedText = (max: number) =>
  z.string().overwrite(storableText).trim().min(1).max(max);

/** Swedish first: every region's users read Swedish, English is the translation. */
export const localizedText = (max: number) =>
  z.strictObject({ sv: boundedText(max), en: boundedText(max) });
export type LocalizedText = z.infer<ReturnType<typeof localizedText>>;

/** Names each repeated id with its position, so a data file's author finds it at once. */
export function requireUniqueIds(
  ctx: z.RefinementCtx,
  ids: readonly string[],
  path: readonly PropertyKey[],
  what: string,
  field = 'id',
): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) {
      ctx.addIssue({
        code: 'custom',
        message: `${what} id "${id}" is used more than once`,
        path: [...path, index, field],
      });
    }
    seen.add(id);
  });
}

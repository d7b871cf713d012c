import type { PrincipleId, PromptContext, ReflectionPrompt } from './principles';

/**
 * Chooses one prompt for a principle and context. The same seed always gives the same
 * prompt (a person sees a stable question while preparing one dialogue), and a new seed
 * such as `${employeeId}|${year}|${dialogueTypeId}` gives a new one, so the questions
 * change between dialogues and years without Math.random.
 */
export function pickPrompt(
  prompts: readonly ReflectionPrompt[],
  principle: PrincipleId,
  context: PromptContext,
  seed: string,
): ReflectionPrompt {
  // Sorted by id so the choice does not depend on the order a profile lists its prompts in.
  const candidates = prompts
    .filter((p) => p.principle === principle && p.contexts.includes(context))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const chosen = candidates[hashSeed(seed) % candidates.length];
  if (!chosen) {
    throw new RangeError(`No reflection prompt for principle "${principle}" in "${context}"`);
  }
  return chosen;
}

/**
 * FNV-1a over UTF-16 code units, then murmur3's finaliser: seeds that differ only in
 * their last characters (2026 vs 2027) still land far apart.
 */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

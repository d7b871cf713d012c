import { z } from 'zod';
import type { ErasurePolicy } from '../profiles/profileSchema';

/**
 * "Radera mina data" (GDPR article 17): what erasing a person means, decided here and carried
 * out by the stores. The person's own records go; the one exception is the agreed plan, which
 * the region's profile may keep as the unit's record (an official document under the
 * Swedish archive rules, article 17.3 b), and then only its agreed version, nothing else.
 */

/** What the caller sends: a literal, so no form filled by accident or a bare DELETE erases. */
export const ERASURE_CONFIRMATION = 'erase-my-data';

export const ErasureRequestSchema = z.strictObject({
  confirmation: z.literal(ERASURE_CONFIRMATION),
});
export type ErasureRequest = z.infer<typeof ErasureRequestSchema>;

export type AgreedPlanOnErasure = ErasurePolicy['agreedPlanManagerCopy'];

/** What a plan store removed for one person, counted by kind. */
export interface ErasedPlanRecords {
  individualPlans: number;
  /** Plans kept as the unit's record: their latest agreed version, every other version gone. */
  keptAgreedPlans: number;
  dialogues: number;
  preparations: number;
  reflections: number;
  effectFollowUps: number;
}

/** What the operational database removed: the bot's memory of the person. */
export interface ErasedOperationalRecords {
  preparationDrafts: number;
  reminderJobs: number;
  reminderSettings: number;
  conversationReferences: number;
  welcomes: number;
  botState: number;
}

export interface ErasureReport {
  erasedAt: string;
  agreedPlanOnErasure: AgreedPlanOnErasure;
  plans: ErasedPlanRecords;
  operational: ErasedOperationalRecords;
}

/** The region's decision, from its profile; a profile without one erases (the safe side). */
export function agreedPlanOnErasure(policy: ErasurePolicy | undefined): AgreedPlanOnErasure {
  return policy?.agreedPlanManagerCopy ?? 'erase';
}

/**
 * One plan under erasure: kept only when the region keeps agreed plans and this plan was ever
 * agreed (a draft or a proposal nobody agreed to is the employee's alone and goes).
 */
export function planFateOnErasure(
  handling: AgreedPlanOnErasure,
  everAgreed: boolean,
): 'keep-agreed-version' | 'erase' {
  return handling === 'keep-as-unit-record' && everAgreed ? 'keep-agreed-version' : 'erase';
}

export const NOTHING_ERASED_FROM_PLANS: ErasedPlanRecords = {
  individualPlans: 0,
  keptAgreedPlans: 0,
  dialogues: 0,
  preparations: 0,
  reflections: 0,
  effectFollowUps: 0,
};

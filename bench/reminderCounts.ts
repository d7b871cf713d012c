/**
 * What `npm run bench:reminders` concludes from what the Bot Connector stand-in received, kept
 * apart from the processes and the database so the arithmetic has tests of its own.
 */

/** How the seeded reminders fared at the connector: one conversation per seeded reminder. */
export interface DeliveryCounts {
  /** Seeded reminders that reached their person at least once. */
  delivered: number;
  /** Seeded reminders that never reached their person. */
  lost: number;
  /** Messages beyond the first in a seeded conversation: reminders sent more than once. */
  duplicates: number;
  /** Messages to conversations nobody seeded: a bug in the benchmark or the sender. */
  strays: number;
}

export function countDeliveries(
  seededConversations: readonly string[],
  perConversation: ReadonlyMap<string, number>,
): DeliveryCounts {
  const seeded = new Set(seededConversations);
  let delivered = 0;
  let duplicates = 0;
  for (const conversationId of seeded) {
    const count = perConversation.get(conversationId) ?? 0;
    if (count > 0) delivered++;
    duplicates += Math.max(0, count - 1);
  }
  let strays = 0;
  for (const [conversationId, count] of perConversation) {
    if (!seeded.has(conversationId)) strays += count;
  }
  return { delivered, lost: seeded.size - delivered, duplicates, strays };
}

/**
 * Messages a second between the first and the last one accepted: n messages at an even pace
 * span n − 1 intervals, so that is what is divided, and a perfect pace gives exactly the rate.
 * Null when fewer than two messages give no interval to measure.
 */
export function acceptedPerSecond(
  messages: number,
  firstAtMs: number | undefined,
  lastAtMs: number | undefined,
): number | null {
  if (messages < 2 || firstAtMs === undefined || lastAtMs === undefined) return null;
  const spanMs = lastAtMs - firstAtMs;
  return spanMs > 0 ? ((messages - 1) * 1000) / spanMs : null;
}

/**
 * Of the jobs a killed sender held ('sending'), those Teams had already accepted: the sender
 * died between the 201 and marking the job sent, so the job will be sent again once its lease
 * runs out. This is the number of duplicates the crash should cause, no more.
 */
export function acceptedButUnmarked(
  sendingConversations: readonly string[],
  perConversationAtKill: ReadonlyMap<string, number>,
): number {
  return sendingConversations.filter((id) => (perConversationAtKill.get(id) ?? 0) > 0).length;
}

export const REMINDER_TARGETS = {
  /** Throughput at the default ceiling, as a share of it. */
  minShareOfCeiling: 0.95,
} as const;

export interface ReminderFigures {
  shareOfCeiling: number | null;
  lost: number;
  duplicates: number;
  lostAfterKill: number;
  duplicatesAfterKill: number;
  inFlightAtKill: number;
}

export function reminderTargetsMet(figures: ReminderFigures) {
  return {
    shareOfCeilingAtLeast95:
      figures.shareOfCeiling !== null &&
      figures.shareOfCeiling >= REMINDER_TARGETS.minShareOfCeiling,
    noneLost: figures.lost === 0,
    noDuplicates: figures.duplicates === 0,
    noneLostAfterKill: figures.lostAfterKill === 0,
    duplicatesAfterKillWithinInFlight: figures.duplicatesAfterKill <= figures.inFlightAtKill,
  };
}

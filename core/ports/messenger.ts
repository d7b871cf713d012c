/**
 * Sends a message to a person's personal chat with the bot, outside any turn of theirs
 * (a manager told of a preparation, a reminder). Teams needs the conversation the person
 * opened with the bot, so someone who never installed the app cannot be reached yet.
 */
export type DeliveryResult =
  | { status: 'delivered' }
  /** No personal chat with the bot is known for this person. */
  | { status: 'not-installed' }
  /** Teams refused for good (blocked or removed the bot: 403, 404); the reference is dropped. */
  | { status: 'unreachable'; reason: string }
  /**
   * Outside the person's working hours or during their pause (or Teams failed for a moment):
   * the card waits in the reminder queue and goes out at `deliverAt` (ISO instant).
   */
  | { status: 'queued'; deliverAt: string };

/** An Adaptive Card (1.5) as plain JSON, with the text a client without cards shows. */
export interface CardMessage {
  card: object;
  fallbackText: string;
}

export interface Messenger {
  sendToPerson(personId: string, message: CardMessage): Promise<DeliveryResult>;
}

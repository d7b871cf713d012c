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
  | { status: 'unreachable'; reason: string };

/** An Adaptive Card (1.5) as plain JSON, with the text a client without cards shows. */
export interface CardMessage {
  card: object;
  fallbackText: string;
}

export interface Messenger {
  sendToPerson(personId: string, message: CardMessage): Promise<DeliveryResult>;
}

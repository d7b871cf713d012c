import type { CardMessage, DeliveryResult, Messenger } from '../../core/ports/messenger';

export interface MessengerAttempt {
  personId: string;
  message: CardMessage;
  result: DeliveryResult;
}

/**
 * A stand-in for the Teams messenger that keeps every attempt and answers as the port
 * documents: 'delivered' when the person has a chat with the bot, 'not-installed' when they
 * never opened one, 'unreachable' when Teams refused for good. `delivered()` lists only the
 * messages that really arrived, so a test cannot mistake an attempt for a delivery.
 */
export class RecordingMessenger implements Messenger {
  readonly attempts: MessengerAttempt[] = [];
  private readonly results = new Map<string, DeliveryResult>();

  /** What sending to this person answers from now on; 'delivered' unless told otherwise. */
  answerFor(personId: string, result: DeliveryResult): this {
    this.results.set(personId, result);
    return this;
  }

  async sendToPerson(personId: string, message: CardMessage): Promise<DeliveryResult> {
    const result = this.results.get(personId) ?? { status: 'delivered' };
    this.attempts.push({ personId, message, result });
    return result;
  }

  delivered(personId?: string): CardMessage[] {
    return this.attempts
      .filter((a) => a.result.status === 'delivered' && (!personId || a.personId === personId))
      .map((a) => a.message);
  }

  clear(): void {
    this.attempts.length = 0;
    this.results.clear();
  }
}

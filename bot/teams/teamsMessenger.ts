import { CardFactory, type CloudAdapter, type TurnContext } from 'botbuilder';
import type {
  ConversationReferenceRecord,
  ConversationReferenceStore,
} from '../../core/ports/conversationReferenceStore';
import type { CardMessage, DeliveryResult, Messenger } from '../../core/ports/messenger';
import { describeOutcome, type SendOutcome } from '../../core/reminders/deliveryRetry';
import { retryAfterMs } from '../../core/shared/retryTiming';
import type { Logger } from '../logger';
import type { BotConversationReference } from '../storage/sqlConversationReferenceStore';

/** Teams' answers that mean "never again in this conversation": blocked, removed, gone. */
const GONE_FOR_GOOD = new Set([403, 404]);

export type PersonalChat = ConversationReferenceRecord<BotConversationReference>;

/**
 * Proactive messages through botbuilder: continues the person's personal chat with the bot,
 * found through the references `rememberConversations` keeps.
 */
export class TeamsMessenger implements Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly references: ConversationReferenceStore<BotConversationReference>,
    private readonly logger: Logger,
  ) {}

  /**
   * A notice in answer to someone's action (a booking, a proposal): sent now, with the
   * connector's own few quick retries, and the outcome told to the person who acted.
   */
  async sendToPerson(personId: string, message: CardMessage): Promise<DeliveryResult> {
    const chat = (await this.references.findPersonalForUsers([personId])).get(personId);
    if (!chat) return { status: 'not-installed' };
    const outcome = await this.send(chat, message, { sdkRetries: true });
    switch (outcome.kind) {
      case 'delivered':
        return { status: 'delivered' };
      case 'gone':
        return { status: 'unreachable', reason: `Teams answered ${outcome.status}` };
      default:
        throw new Error(`Teams did not take the message: ${describeOutcome(outcome)}`);
    }
  }

  /** The personal chats of these people, for a batch of reminders: one read, not one each. */
  personalChats(personIds: readonly string[]): Promise<Map<string, PersonalChat>> {
    return this.references.findPersonalForUsers(personIds);
  }

  /**
   * One attempt, exactly one request to Teams, for the reminder worker: it owns the retries
   * (Retry-After, backoff, dead letters) and the rate limits, so the connector's built-in
   * retry policy, which would sleep inside the request unseen, is taken out.
   */
  deliverOnce(chat: PersonalChat, message: CardMessage): Promise<SendOutcome> {
    return this.send(chat, message, { sdkRetries: false });
  }

  private async send(
    chat: PersonalChat,
    message: CardMessage,
    options: { sdkRetries: boolean },
  ): Promise<SendOutcome> {
    // The adapter hands errors thrown inside a turn to onTurnError and carries on, so the
    // send's own failure is caught here, where it can be acted on.
    let failure: unknown;
    let sent = false;
    await this.adapter.continueConversationAsync(this.botAppId, chat.reference, async (context) => {
      try {
        if (!options.sdkRetries) withoutConnectorRetries(context, this.adapter);
        await context.sendActivity({
          summary: message.fallbackText,
          attachments: [CardFactory.adaptiveCard(message.card)],
        });
        sent = true;
      } catch (error) {
        failure = error;
      }
    });
    if (sent) return { kind: 'delivered' };

    const status = statusCodeOf(failure);
    if (status !== undefined && GONE_FOR_GOOD.has(status)) {
      await this.references.remove(chat.userId, chat.conversationId);
      this.logger.info({ status }, 'personal chat unreachable; reference dropped');
      return { kind: 'gone', status: status as 403 | 404 };
    }
    if (status === 429) {
      const retryAfterMs = retryAfterOf(failure);
      return retryAfterMs === undefined
        ? { kind: 'throttled' }
        : { kind: 'throttled', retryAfterMs };
    }
    return {
      kind: 'failed',
      ...(status !== undefined ? { status } : {}),
      reason: failure instanceof Error ? failure.message.slice(0, 200) : 'unknown failure',
    };
  }
}

interface PipelineHolder {
  client?: { pipeline?: { removePolicy(options: { name: string }): unknown } };
}

/**
 * The connector client a proactive turn gets is new for that turn; its pipeline has
 * @azure/core-rest-pipeline's defaultRetryPolicy, which retries 429 and 5xx up to three times
 * inside one call. The pipeline is not public API, so a change in botbuilder fails loudly here
 * (and in tests/bot/messenger.test.ts), not silently with double retries.
 */
function withoutConnectorRetries(context: TurnContext, adapter: CloudAdapter): void {
  const connector = context.turnState.get<PipelineHolder>(adapter.ConnectorClientKey);
  const pipeline = connector?.client?.pipeline;
  if (!pipeline) throw new Error('The botbuilder connector client has no pipeline to adjust');
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
}

function statusCodeOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as { statusCode?: unknown; status?: unknown };
  const status = record.statusCode ?? record.status;
  return typeof status === 'number' ? status : undefined;
}

/** Retry-After from the connector's error, in milliseconds. */
export function retryAfterOf(error: unknown, now: number = Date.now()): number | undefined {
  const headers = (error as { response?: { headers?: { get?(name: string): unknown } } })?.response
    ?.headers;
  const value = headers?.get?.('retry-after');
  return typeof value === 'string' ? retryAfterMs(value, now) : undefined;
}

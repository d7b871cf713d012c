import { CardFactory, type CloudAdapter } from 'botbuilder';
import type { ConversationReferenceStore } from '../../core/ports/conversationReferenceStore';
import type { CardMessage, DeliveryResult, Messenger } from '../../core/ports/messenger';
import type { Logger } from '../logger';
import type { BotConversationReference } from '../storage/sqlConversationReferenceStore';

/** Teams' answers that mean "never again in this conversation": blocked, removed, gone. */
const GONE_FOR_GOOD = new Set([403, 404]);

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

  async sendToPerson(personId: string, message: CardMessage): Promise<DeliveryResult> {
    const record = (await this.references.findPersonalForUsers([personId])).get(personId);
    if (!record) return { status: 'not-installed' };
    // The adapter hands errors thrown inside a turn to onTurnError and carries on, so the
    // send's own failure is caught here, where it can be acted on.
    let failure: unknown;
    await this.adapter.continueConversationAsync(
      this.botAppId,
      record.reference,
      async (context) => {
        try {
          await context.sendActivity({
            summary: message.fallbackText,
            attachments: [CardFactory.adaptiveCard(message.card)],
          });
        } catch (error) {
          failure = error;
        }
      },
    );
    if (failure === undefined) return { status: 'delivered' };

    const status = statusCodeOf(failure);
    if (status !== undefined && GONE_FOR_GOOD.has(status)) {
      await this.references.remove(personId, record.conversationId);
      this.logger.info({ status }, 'personal chat unreachable; reference dropped');
      return { status: 'unreachable', reason: `Teams answered ${status}` };
    }
    throw failure;
  }
}

function statusCodeOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as { statusCode?: unknown; status?: unknown };
  const status = record.statusCode ?? record.status;
  return typeof status === 'number' ? status : undefined;
}

import {
  CardFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
} from 'botbuilder';
import type { AdaptiveCard } from '@microsoft/teams.cards';
import { z } from 'zod';
import { recogniseCommand, type CommandId } from '../../core/commands/commands';
import { languageOf, translator, type Language } from '../../core/i18n/i18n';
import type { WelcomeRegistry } from '../../core/ports/welcomeRegistry';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/adaptiveCard';
import { CardActionSchema, type CardAction } from '../cards/cardActions';
import { notUnderstoodCard } from '../cards/notUnderstoodCard';
import { personalChatOnlyCard } from '../cards/preparation/personalChatOnlyCard';
import { welcomeCard } from '../cards/welcomeCard';
import type { Actor } from '../flowDependencies';
import { PlanFlow } from '../plans/planFlow';
import { PreparationFlow, type PreparationDependencies } from '../preparation/preparationFlow';
import { PrivacyFlow } from '../privacy/privacyFlow';
import { ReminderFlow } from '../reminders/reminderFlow';
import { TeamFlow } from '../team/teamFlow';
import { TeamPlanFlow } from '../teamPlan/teamPlanFlow';
import { AVAILABLE_SUGGESTIONS, answerCommand } from './commandAnswers';
import { failureText } from '../errorMessages';
import { scopeOf, welcomeKey } from './conversationScope';

export interface BotDependencies extends PreparationDependencies {
  welcomes: WelcomeRegistry;
}

const UNIVERSAL_ACTION_ERROR = 'application/vnd.microsoft.error';
const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

/** The least of a Universal Action invoke's value botbuilder reads without failing. */
const ExecuteInvokeValueSchema = z.looseObject({
  action: z.looseObject({
    type: z.literal('Action.Execute'),
    verb: z.string().max(200).optional(),
  }),
});

/**
 * The commands that read or write people's preparations and plans: personal chat only, so
 * nothing personal is shown to a channel or group chat.
 */
const PERSONAL_COMMANDS: ReadonlySet<CommandId> = new Set([
  'prepare',
  'myPlan',
  'myTeam',
  'teamPlan',
  'reminders',
  'eraseMyData',
]);

/**
 * The Teams bot: routes each kind of activity to a small handler. Domain decisions live in
 * core/, texts in the locale files, cards in bot/cards; this class only connects them.
 */
export class KompetensdialogBot extends TeamsActivityHandler {
  private readonly preparations: PreparationFlow;
  private readonly team: TeamFlow;
  private readonly individualPlans: PlanFlow;
  private readonly teamPlans: TeamPlanFlow;
  private readonly reminders: ReminderFlow;
  private readonly privacy: PrivacyFlow;

  constructor(private readonly deps: BotDependencies) {
    super();
    this.preparations = new PreparationFlow(deps);
    this.team = new TeamFlow(deps);
    this.individualPlans = new PlanFlow(deps);
    this.teamPlans = new TeamPlanFlow(deps);
    this.reminders = new ReminderFlow(deps);
    this.privacy = new PrivacyFlow(deps);

    this.onMessage(async (context, next) => {
      const language = languageOf(context.activity.locale);
      if (context.activity.value !== undefined && !context.activity.text) {
        // Action.Submit, the fallback of our Action.Execute buttons, arrives as a message.
        const card = await this.runCardAction(context.activity.value, language, context);
        await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
      } else {
        await this.answerText(context, language);
      }
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcomeOnce(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const activity = context.activity;
      const botAdded = activity.membersAdded?.some((m) => m.id === activity.recipient.id);
      const userAddedToPersonalChat = scopeOf(activity) === 'personal';
      // Members joining a team later are not greeted one by one in the channel.
      if (botAdded || userAddedToPersonalChat) await this.welcomeOnce(context);
      await next();
    });
  }

  /**
   * The bot answers one invoke, the Universal Action (`adaptiveCard/action`). botbuilder
   * answers every other name with 501 and fails on a value that is not an object; a client's
   * malformed or unknown invoke is its mistake, never a server error, so it is answered here:
   * 400 without a name, 200 with nothing for a name this bot does not handle (Teams ignores
   * it), and a Universal Action error for an action that cannot be read.
   *
   * The Universal Actions spec carries a failure in the body of an HTTP 200; botbuilder would
   * answer with the body's status code instead, which Teams shows as a bare error.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const { name, value } = context.activity;
    if (typeof name !== 'string' || name === '') return { status: 400 };
    if (name !== ADAPTIVE_CARD_ACTION) {
      this.deps.logger.info({ invoke: name.slice(0, 64) }, 'invoke this bot does not handle');
      return { status: 200 };
    }
    if (!ExecuteInvokeValueSchema.safeParse(value).success) {
      const t = translator(languageOf(context.activity.locale));
      return {
        status: 200,
        body: {
          statusCode: 400,
          type: UNIVERSAL_ACTION_ERROR,
          value: { code: 'BadRequest', message: t('errors.invalidCardAction') },
        },
      };
    }
    const response = await super.onInvokeActivity(context);
    const body = response.body as { type?: unknown } | undefined;
    return body?.type === UNIVERSAL_ACTION_ERROR ? { status: 200, body } : response;
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const language = languageOf(context.activity.locale);
    const data: unknown = invokeValue.action?.data;
    try {
      // Data that is not an object is passed on as it is, for the card action schema to refuse.
      const card = await this.runCardAction(
        data === undefined || isRecord(data) ? { ...data, verb: invokeValue.action?.verb } : data,
        language,
        context,
      );
      return {
        statusCode: 200,
        type: ADAPTIVE_CARD_CONTENT_TYPE,
        value: card as unknown as Record<string, unknown>,
      };
    } catch (error) {
      // Universal Actions carry a failure inside a 200 answer; the card stays as it was, so
      // nothing the person typed is lost, and Teams shows the message.
      this.deps.logger.error({ err: error, verb: invokeValue.action?.verb }, 'card action failed');
      return {
        statusCode: 500,
        type: UNIVERSAL_ACTION_ERROR,
        value: { code: 'InternalError', message: failureText(translator(language), error) },
      };
    }
  }

  private async answerText(context: TurnContext, language: Language): Promise<void> {
    const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text;
    const command = recogniseCommand(text);
    if (command === 'cancel') {
      const actor = this.personalChatActor(context, language);
      const confirm = actor && (await this.preparations.cancelFromText(actor));
      await context.sendActivity(
        confirm
          ? { attachments: [CardFactory.adaptiveCard(confirm)] }
          : translator(language)('nothingToCancel'),
      );
      return;
    }
    const card = command
      ? await this.runCommand(command, language, context)
      : notUnderstoodCard({ language, suggestions: AVAILABLE_SUGGESTIONS });
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  }

  private async runCommand(
    command: Exclude<CommandId, 'cancel'>,
    language: Language,
    context: TurnContext,
  ): Promise<AdaptiveCard> {
    const scope = scopeOf(context.activity);
    if (!PERSONAL_COMMANDS.has(command)) return answerCommand(command, { language, scope });
    const actor = this.personalChatActor(context, language);
    if (!actor) return personalChatOnlyCard({ language, appUrl: this.deps.myPlanUrl });
    switch (command) {
      case 'prepare':
        return this.preparations.begin(actor);
      case 'myPlan':
        return this.preparations.myPlan(actor);
      case 'myTeam':
        return this.team.overview(actor);
      case 'teamPlan':
        return this.teamPlans.show(actor);
      case 'reminders':
        return this.reminders.settings(actor);
      case 'eraseMyData':
        return this.privacy.confirmErasure(actor);
      default:
        return answerCommand(command, { language, scope });
    }
  }

  /**
   * The person acting, when this is their personal chat. Preparations and plans are
   * personal: in a channel or group chat nothing is read or stored, and the person is sent
   * to the 1:1 chat.
   */
  private personalChatActor(context: TurnContext, language: Language): Actor | undefined {
    const personId = context.activity.from?.aadObjectId;
    return scopeOf(context.activity) === 'personal' && personId
      ? { personId, language }
      : undefined;
  }

  private async runCardAction(
    payload: unknown,
    language: Language,
    context: TurnContext,
  ): Promise<AdaptiveCard> {
    const parsed = CardActionSchema.safeParse(payload);
    if (!parsed.success) {
      this.deps.logger.warn(
        { issues: parsed.error.issues.map((i) => i.path.join('.')) },
        'card action with an invalid payload',
      );
      return notUnderstoodCard({ language, suggestions: AVAILABLE_SUGGESTIONS });
    }
    return this.handleCardAction(parsed.data, language, context);
  }

  private async handleCardAction(
    action: CardAction,
    language: Language,
    context: TurnContext,
  ): Promise<AdaptiveCard> {
    if (action.verb === 'runCommand') return this.runCommand(action.command, language, context);
    const actor = this.personalChatActor(context, language);
    if (!actor) return personalChatOnlyCard({ language, appUrl: this.deps.myPlanUrl });
    if (isVerbOf('team', action)) return this.team.act(action, actor);
    if (isVerbOf('plan', action)) return this.individualPlans.act(action, actor);
    if (isVerbOf('teamPlan', action)) return this.teamPlans.act(action, actor);
    if (isVerbOf('reminders', action)) return this.reminders.act(action, actor);
    if (isVerbOf('privacy', action)) return this.privacy.act(action, actor);
    return this.preparations.act(action, actor);
  }

  private async welcomeOnce(context: TurnContext): Promise<void> {
    const key = welcomeKey(context.activity);
    if (!key) return;
    if (!(await this.deps.welcomes.markWelcomed(key))) return;

    const scope = scopeOf(context.activity);
    const language = languageOf(context.activity.locale);
    try {
      const userId = context.activity.from?.aadObjectId;
      const person =
        scope === 'personal' && userId ? await this.deps.directory.findPerson(userId) : undefined;
      const card = welcomeCard({
        language,
        scope,
        ...(person ? { name: person.displayName } : {}),
        ...(scope === 'personal' ? { myPlanUrl: this.deps.myPlanUrl } : {}),
      });
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
      this.deps.logger.info({ scope }, 'welcome sent');
    } catch (error) {
      await this.deps.welcomes.forgetWelcome(key);
      throw error;
    }
    // From the welcome on, the bot may write first: the everyday reflections begin. The
    // welcome stands if this fails; saving "påminnelser" plans the prompts again.
    const userId = context.activity.from?.aadObjectId;
    if (scope === 'personal' && userId) {
      await this.reminders.startReflectionPrompts(userId, language).catch((error: unknown) => {
        this.deps.logger.error({ err: error }, 'reflection prompts could not be started');
      });
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Routes a card action to its flow by the prefix of its verb ("team.schedule" → team). */
function isVerbOf<Prefix extends string>(
  prefix: Prefix,
  action: CardAction,
): action is Extract<CardAction, { verb: `${Prefix}.${string}` }> {
  return action.verb.startsWith(`${prefix}.`);
}

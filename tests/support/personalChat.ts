import { randomUUID } from 'node:crypto';
import type { FakeBotConnector } from '../fakes/botConnector';
import { adaptiveCardProblems, cardTexts } from './adaptiveCards';
import type { TestService } from './inProcessService';
import { cardExecute, cardSubmit, message, type ActivityOptions } from './teamsActivities';

/** An Adaptive Card as JSON, the way a Teams client receives it. */
export type CardJson = Record<string, unknown>;

/** Answers that pass every step, keyed by the step they belong to. */
export const VALID_ANSWERS = {
  'current-situation': {
    'role-today': 'Sjuksköterska på akutmottagningen',
    'going-well': 'Triagering och samarbetet i teamet',
    strengths: 'Jag är lugn när det är mycket',
  },
  'world-and-goals': {
    'world-changes': 'Ny vårdinformationsmiljö och mer AI-stöd',
    'unit-goals-own-words': 'Kortare väntetider',
  },
  'development-needs': {
    'priority-areas': 'artificiell-intelligens,sakerhet-och-beredskap',
    'own-needs': 'Förstå vad AI kan göra i journalarbetet',
  },
  'ways-of-learning': {
    'learning-forms': 'auskultation,mentorskap',
    courses: 'disa',
    'learning-conditions': 'Tid på förmiddagar',
  },
  principles: {
    'reflection-inclusive': 'PRIVAT-INKLUDERANDE: jag lär mig bäst genom att göra',
    'reflection-activating': 'PRIVAT-AKTIVERANDE: med min kollega Sara',
    'reflection-motivating': 'PRIVAT-MOTIVERANDE: patientsäkerheten',
    'reflection-sustainable': 'PRIVAT-HÅLLBARA: jag vill orka länge',
  },
} as const satisfies Record<string, Record<string, string>>;

/** The preparation's five question steps in order, each with the button that moves on. */
export const PREPARATION_STEPS = [
  ['current-situation', 'Nästa'],
  ['world-and-goals', 'Nästa'],
  ['development-needs', 'Nästa'],
  ['ways-of-learning', 'Nästa'],
  ['principles', 'Till sammanfattningen'],
] as const;

/** Every action of a card (top level and in action sets), as JSON. */
export function cardActions(card: unknown): CardJson[] {
  const found: CardJson[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as CardJson;
      if (typeof record.type === 'string' && record.type.startsWith('Action.')) found.push(record);
      for (const [key, value] of Object.entries(record)) if (key !== 'fallback') visit(value);
    }
  };
  visit(card);
  return found;
}

/** Every input of a card, by id. */
export function cardInputs(card: unknown): Map<string, CardJson> {
  const inputs = new Map<string, CardJson>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as CardJson;
      if (typeof record.type === 'string' && record.type.startsWith('Input.')) {
        inputs.set(String(record.id), record);
      }
      Object.values(record).forEach(visit);
    }
  };
  visit(card);
  return inputs;
}

/** The card's heading: its first TextBlock with style heading. */
export function headingOf(card: unknown): string | undefined {
  const body = (card as { body?: CardJson[] }).body ?? [];
  return body.find((element) => element.type === 'TextBlock' && element.style === 'heading')
    ?.text as string | undefined;
}

/**
 * One person's personal chat with the bot, driven the way Teams drives it: text messages,
 * and clicks on a card's buttons by their titles (Action.Execute with the card's inputs).
 * Every card that comes back is checked against Adaptive Cards 1.5.
 */
/** Where activities go: a service, or a load balancer in front of several. */
export type BotEndpoint = Pick<TestService, 'postActivity'>;

export class PersonalChat {
  readonly options: ActivityOptions;

  constructor(
    private readonly service: () => BotEndpoint,
    private readonly connector: FakeBotConnector,
    options: Partial<ActivityOptions> = {},
  ) {
    this.options = { serviceUrl: connector.url, userId: randomUUID(), ...options };
  }

  /** Writes `text` and returns the one card the bot answered with. */
  async say(text: string): Promise<CardJson> {
    const before = this.connector.messages().length;
    const response = await this.service().postActivity(message(this.options, text));
    if (response.status >= 300) throw new Error(`The bot answered ${response.status}`);
    const sent = this.connector.messages().slice(before);
    const card = sent.flatMap((activity) => activity.attachments ?? [])[0]?.content;
    if (!card) throw new Error(`No card came back for "${text}": ${JSON.stringify(sent)}`);
    return valid(card as CardJson);
  }

  /** Clicks the button titled `title` on `card`, with the inputs given; returns the new card. */
  async click(card: CardJson, title: string, inputs: Record<string, string> = {}) {
    return valid(await invokeCard(this.service(), this.options, this.button(card, title), inputs));
  }

  /** The same click, as a host without Universal Actions sends it (Action.Submit). */
  async submitFallback(card: CardJson, title: string, inputs: Record<string, string> = {}) {
    const button = this.button(card, title);
    const fallback = button.fallback as CardJson;
    const before = this.connector.messages().length;
    await this.service().postActivity(
      cardSubmit(this.options, { ...(fallback.data as CardJson), ...inputs }),
    );
    const content = this.connector.messages().slice(before)[0]?.attachments?.[0]?.content;
    return valid(content as CardJson);
  }

  button(card: CardJson, title: string): CardJson {
    const button = cardActions(card).find((action) => action.title === title);
    if (!button) {
      const titles = cardActions(card).map((action) => action.title);
      throw new Error(`No button "${title}" on the card; it has ${JSON.stringify(titles)}`);
    }
    return button;
  }
}

export async function invokeCard(
  service: BotEndpoint,
  options: ActivityOptions,
  button: CardJson,
  inputs: Record<string, string>,
): Promise<CardJson> {
  const data = { ...(button.data as CardJson), ...inputs };
  const response = await service.postActivity(cardExecute(options, String(button.verb), data));
  const body = (await response.json()) as { statusCode: number; type: string; value: CardJson };
  if (body.statusCode !== 200 || body.type !== 'application/vnd.microsoft.card.adaptive') {
    throw new Error(`Unexpected invoke answer ${JSON.stringify(body)}`);
  }
  return body.value;
}

function valid(card: CardJson): CardJson {
  const problems = adaptiveCardProblems(card);
  if (problems.length > 0) {
    throw new Error(`Invalid card "${headingOf(card)}": ${problems.join('; ')}`);
  }
  return card;
}

export { cardTexts };

import sv from '../core/i18n/locales/sv.json';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../bot/cards/adaptiveCard';
import { cardExecute } from '../tests/support/teamsActivities';
import { describeError, type HttpAnswer, type TurnResult } from './loadGenerator';

/**
 * What a benchmark turn is: which card action a simulated person clicks, and how its answer
 * is checked. Every answer is checked — status 200 and an Adaptive Card in the invoke
 * response, and for the service the card the turn should produce — so a broken bot cannot
 * look fast.
 */

export interface PreparedTurn {
  /** The activity to POST to /api/messages, as JSON. */
  body: string;
  /** How many times it is sent at once: 2 for a double click. Default 1. */
  copies?: number;
  /**
   * Checks the answers (or transport errors), one per copy, and frees the simulated person.
   * Called once, when every copy is answered.
   */
  settle(answers: readonly (HttpAnswer | Error)[]): TurnResult;
}

export interface Workload {
  /** Reported in the JSON line, e.g. "runCommand". */
  name: string;
  /** One line for the report: what a turn does, and whether it writes. */
  description: string;
  /** Whether every turn saves an answer (the target workload) or not (a stand-in). */
  savesAnswers: boolean;
  /** Per-person setup before anything is measured (e.g. starting a draft). */
  setUp(post: (body: string) => Promise<HttpAnswer>): Promise<void>;
  /** The next turn, for a person with no turn in flight; undefined when all are busy. */
  nextTurn(): PreparedTurn | undefined;
}

export interface WorkloadOptions {
  /** Where the bot sends its replies (the local connector). */
  connectorUrl: string;
  /** How many distinct people take turns. */
  people: number;
  /**
   * The service's answers are checked for the card the turn should produce; the echo bot's
   * only for being a card.
   */
  target: 'service' | 'echo';
}

/** Distinct, demo-like Entra object ids: person n of the benchmark. */
export function benchPersonId(n: number): string {
  return `00000000-0000-4000-b000-${n.toString(16).padStart(12, '0')}`;
}

/**
 * People take turns one at a time: a person whose turn is in flight is not picked again
 * until it is answered, as a real person cannot click twice on a card being updated.
 */
export class PeoplePool {
  private readonly idle: number[];
  constructor(people: number) {
    this.idle = Array.from({ length: people }, (_, n) => n);
  }
  take(): number | undefined {
    return this.idle.shift();
  }
  release(person: number): void {
    this.idle.push(person);
  }
}

interface InvokeResponseBody {
  statusCode?: unknown;
  type?: unknown;
  value?: { type?: unknown; body?: unknown; actions?: unknown };
}

/** Status 200 and an Adaptive Card in the invoke response, or why not. */
export function readInvokeCard(
  answer: HttpAnswer | Error,
): { card: NonNullable<InvokeResponseBody['value']>; raw: string } | { failure: string } {
  if (answer instanceof Error) return { failure: describeError(answer) };
  if (answer.status !== 200) return { failure: `HTTP ${answer.status}` };
  let parsed: InvokeResponseBody;
  try {
    parsed = JSON.parse(answer.body) as InvokeResponseBody;
  } catch {
    return { failure: 'answer is not JSON' };
  }
  if (
    parsed.statusCode !== 200 ||
    parsed.type !== ADAPTIVE_CARD_CONTENT_TYPE ||
    parsed.value?.type !== 'AdaptiveCard' ||
    !Array.isArray(parsed.value.body)
  ) {
    return { failure: 'no Adaptive Card in the invoke response' };
  }
  return { card: parsed.value, raw: answer.body };
}

/**
 * The help button (`runCommand help`), answered with the help card in the invoke response:
 * the stand-in while the service had no preparation dialogue, and (`--workload runCommand`)
 * the service's turn cost without a draft. It saves no answer; the service's only write is
 * remembering each person's conversation, on their first turn.
 */
export function runCommandWorkload(options: WorkloadOptions): Workload {
  const pool = new PeoplePool(options.people);
  const expected = options.target === 'service' ? JSON.stringify(sv.help.title) : undefined;
  return {
    name: 'runCommand',
    savesAnswers: false,
    description: 'runCommand help (the help button): answers a card, saves no answer',
    setUp: async () => undefined,
    nextTurn: () => {
      const person = pool.take();
      if (person === undefined) return undefined;
      const body = JSON.stringify(
        cardExecute(
          { serviceUrl: options.connectorUrl, userId: benchPersonId(person) },
          'runCommand',
          { command: 'help' },
        ),
      );
      return {
        body,
        settle: ([answer]) => {
          pool.release(person);
          const read = readInvokeCard(answer ?? new Error('no answer'));
          if ('failure' in read) return { ok: false, reason: read.failure };
          if (expected && !read.raw.includes(expected)) {
            return { ok: false, reason: 'not the help card' };
          }
          return { ok: true };
        },
      };
    },
  };
}

/** An Action.Execute button found on a card: its verb and the data it sends. */
export interface CardButton {
  verb: string;
  data: Record<string, unknown>;
}

/** Every Action.Execute on the card, wherever it sits (actions, action sets, fallbacks aside). */
export function executeButtons(card: unknown): CardButton[] {
  const found: CardButton[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Execute' && typeof record.verb === 'string') {
      const data = typeof record.data === 'object' && record.data !== null ? record.data : {};
      found.push({ verb: record.verb, data: data as Record<string, unknown> });
    }
    for (const [key, value] of Object.entries(record)) {
      if (key !== 'fallback' && key !== 'data') visit(value);
    }
  };
  visit(card);
  return found;
}

/** Where a person's draft stands, as the last card they were answered with says. */
interface DraftPosition {
  draftId: string;
  revision: number;
  /** On the first step the next click submits it; on the second it goes back. */
  onFirstStep: boolean;
}

/** The draft position a step card shows: its submit button's draft and revision. */
function positionOf(card: unknown): DraftPosition | undefined {
  const buttons = executeButtons(card);
  const submit = buttons.find((button) => button.verb === 'preparation.submitStep');
  const { draftId, revision } = submit?.data ?? {};
  if (typeof draftId !== 'string' || typeof revision !== 'number') return undefined;
  return {
    draftId,
    revision,
    // Only the first step has no back button.
    onFirstStep: !buttons.some((button) => button.verb === 'preparation.back'),
  };
}

/** The first step's answers, a little different each time so every submit changes them. */
function firstStepAnswers(turn: number): Record<string, string> {
  return {
    'role-today': `Sjuksköterska på akutmottagningen (${turn})`,
    'going-well': 'Samarbetet i teamet och introduktionen av nya kollegor.',
    strengths: 'Triagering och handledning',
  };
}

/**
 * The preparation dialogue's step cards, each turn saving to the person's draft: submit the
 * first step with answers (the draft moves to step 2), then back (to step 1), and again, so
 * every turn is a compare-and-set write at the revision the last card carried. Each person
 * has a draft of their own; 1 turn in `doubleClickEvery` is a double click — the same submit
 * sent twice at once — where exactly one answer must move on and the other must say the
 * card was outdated.
 */
export function preparationWorkload(
  options: WorkloadOptions & { doubleClickEvery?: number },
): Workload {
  const pool = new PeoplePool(options.people);
  const positions = new Map<number, DraftPosition>();
  const staleNotice = JSON.stringify(sv.preparation.stale).slice(1, -1);
  const doubleClickEvery = options.doubleClickEvery ?? 100;
  let turns = 0;

  const activity = (person: number, verb: string, data: Record<string, unknown>): string =>
    JSON.stringify(
      cardExecute({ serviceUrl: options.connectorUrl, userId: benchPersonId(person) }, verb, data),
    );

  /** The echo bot keeps no drafts: it gets the same activities, from a made-up position. */
  const positionFor = (person: number): DraftPosition =>
    positions.get(person) ?? {
      draftId: `00000000-0000-4000-a000-${person.toString(16).padStart(12, '0')}`,
      revision: 1,
      onFirstStep: true,
    };

  /**
   * Why the answers to a click from `from` are wrong, or undefined when they are right: each
   * a step card of the same draft one revision on, at the other step, and exactly one of
   * them not marked outdated (a double click moves the draft once). The person's position
   * follows the answers either way, so one wrong answer does not fail their later turns.
   */
  const checkServiceAnswers = (
    person: number,
    from: DraftPosition,
    cards: readonly { card: unknown; raw: string }[],
  ): string | undefined => {
    const seen = cards.map(({ card, raw }) => ({
      position: positionOf(card),
      outdated: raw.includes(staleNotice),
    }));
    const latest = seen
      .map(({ position }) => position)
      .filter((position) => position?.draftId === from.draftId)
      .sort((a, b) => (b?.revision ?? 0) - (a?.revision ?? 0))[0];
    if (latest) positions.set(person, latest);

    for (const { position } of seen) {
      if (!position) return 'not a preparation step card';
      if (position.draftId !== from.draftId) return 'another draft';
      if (position.revision !== from.revision + 1 || position.onFirstStep === from.onFirstStep) {
        return 'the draft did not move on';
      }
    }
    const fresh = seen.filter(({ outdated }) => !outdated).length;
    if (fresh === 0) return 'every answer said the card was outdated';
    if (fresh > 1) return 'a double click moved the draft twice';
    return undefined;
  };

  return {
    name: 'preparation.submitStep',
    savesAnswers: true,
    description:
      'preparation step cards, every turn saving to the draft (submit step 1 ⇄ back), ' +
      `1 in ${doubleClickEvery} a double click`,
    setUp: async (post) => {
      if (options.target === 'echo') return;
      const startOne = async (person: number): Promise<void> => {
        let answer = readInvokeCard(
          await post(activity(person, 'runCommand', { command: 'prepare' })),
        );
        // A person with a draft begun (a database used before) is asked to continue it.
        const resume =
          'card' in answer
            ? executeButtons(answer.card).find(({ verb }) => verb === 'preparation.continue')
            : undefined;
        if (resume) answer = readInvokeCard(await post(activity(person, resume.verb, resume.data)));
        const position = 'card' in answer ? positionOf(answer.card) : undefined;
        if (!position) {
          throw new Error(`starting a preparation for bench person ${person} gave no step card`);
        }
        positions.set(person, position);
      };
      // A few at a time: setting up is not measured, and must not take long.
      const next = { person: 0 };
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let person = next.person++; person < options.people; person = next.person++) {
            await startOne(person);
          }
        }),
      );
    },
    nextTurn: () => {
      const person = pool.take();
      if (person === undefined) return undefined;
      const from = positionFor(person);
      const at = { draftId: from.draftId, revision: from.revision };
      turns++;
      const body = from.onFirstStep
        ? activity(person, 'preparation.submitStep', { ...at, ...firstStepAnswers(turns) })
        : activity(person, 'preparation.back', at);
      const settle = (answers: readonly (HttpAnswer | Error)[]): TurnResult => {
        pool.release(person);
        const cards: { card: unknown; raw: string }[] = [];
        for (const answer of answers) {
          const read = readInvokeCard(answer);
          if ('failure' in read) return { ok: false, reason: read.failure };
          cards.push(read);
        }
        const failure =
          options.target === 'service' ? checkServiceAnswers(person, from, cards) : undefined;
        return failure ? { ok: false, reason: failure } : { ok: true };
      };
      return { body, copies: turns % doubleClickEvery === 0 ? 2 : 1, settle };
    },
  };
}

/**
 * Whether the service has the preparation dialogue yet: "förbered mitt samtal" from a probe
 * person (outside the benchmark's people) answered with a card of that dialogue.
 */
export async function servesPreparation(
  post: (body: string) => Promise<HttpAnswer>,
  connectorUrl: string,
): Promise<boolean> {
  const probe = { serviceUrl: connectorUrl, userId: benchPersonId(0xffffff) };
  const read = readInvokeCard(
    await post(JSON.stringify(cardExecute(probe, 'runCommand', { command: 'prepare' }))),
  );
  // A first step card, or (the probe person began one before) the question to continue it.
  return (
    'card' in read && executeButtons(read.card).some(({ verb }) => verb.startsWith('preparation.'))
  );
}

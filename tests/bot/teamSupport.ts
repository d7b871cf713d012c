import { randomUUID } from 'node:crypto';
import en from '../../core/i18n/locales/en.json';
import sv from '../../core/i18n/locales/sv.json';
import type { Person } from '../../core/ports/directory';
import type { CardMessage, DeliveryResult, Messenger } from '../../core/ports/messenger';
import { RecordingMessenger } from '../fakes/recordingMessenger';
import { cardActions, type CardJson } from '../support/personalChat';

/** Shared by the protocol tests of "mitt team" and booking. */

export const TEXTS = { sv, en } as const;
export type Lang = keyof typeof TEXTS;

/** A locale text with its {{placeholders}} filled, as i18next fills them. */
export const fill = (text: string, values: Record<string, string | number> = {}) =>
  Object.entries(values).reduce(
    (out, [key, value]) => out.replaceAll(`{{${key}}}`, String(value)),
    text,
  );

/** Friday 20 November 2026, 10:00 in Stockholm: "now" for every test unless one moves it. */
export const START = new Date('2026-11-20T09:00:00Z');

/** The flows' clock; a test moves it forward, and beforeEach puts it back. */
export const clock = {
  current: START,
  now: (): Date => clock.current,
  reset(): void {
    clock.current = START;
  },
  set(iso: string): void {
    clock.current = new Date(iso);
  },
};

const FIRST_NAMES = ['Alva', 'Bertil', 'Cecilia', 'David', 'Elin', 'Filip', 'Greta', 'Hugo'];

/** A new manager with `size` direct reports, ids fresh for every call so tests do not meet. */
export function newTeam(options: { profileId?: string; size?: number; managerName?: string } = {}) {
  const profileId = options.profileId ?? 'vgr';
  const unitId = `unit-${randomUUID()}`;
  const manager: Person = {
    id: randomUUID(),
    displayName: options.managerName ?? 'Maria Chef',
    profileId,
    unitId,
  };
  const reports: Person[] = Array.from({ length: options.size ?? 2 }, (_, index) => ({
    id: randomUUID(),
    displayName: `${FIRST_NAMES[index % FIRST_NAMES.length]} Medarbetare ${index + 1}`,
    profileId,
    unitId,
    managerId: manager.id,
  }));
  return { manager, reports, people: [manager, ...reports] };
}

/**
 * The RecordingMessenger, but able to fail the way a network does (throwing) for chosen
 * people, so a test can see that a failed message does not undo a booking.
 */
export class FlakyMessenger implements Messenger {
  readonly failing = new Set<string>();

  constructor(readonly recording: RecordingMessenger = new RecordingMessenger()) {}

  async sendToPerson(personId: string, message: CardMessage): Promise<DeliveryResult> {
    if (this.failing.has(personId)) throw new Error('connect ECONNRESET');
    return this.recording.sendToPerson(personId, message);
  }

  clear(): void {
    this.failing.clear();
    this.recording.clear();
  }
}

/** One person's block on the "mitt team" card: facts as [title, value], and their buttons. */
export interface MemberBlock {
  facts: [string, string][];
  buttons: CardJson[];
  texts: string[];
}

/** The block of the person named `name`; throws when the card does not list them. */
export function memberBlock(card: CardJson, name: string): MemberBlock {
  const body = (card.body as CardJson[]) ?? [];
  const container = body.find(
    (element) =>
      element.type === 'Container' &&
      ((element.items as CardJson[])[0] as CardJson | undefined)?.text === name,
  );
  if (!container) throw new Error(`"${name}" is not on the card`);
  const items = container.items as CardJson[];
  const factSet = items.find((item) => item.type === 'FactSet');
  const facts = ((factSet?.facts as CardJson[]) ?? []).map(
    (fact) => [String(fact.title), String(fact.value)] as [string, string],
  );
  const texts = items.filter((item) => item.type === 'TextBlock').map((item) => String(item.text));
  return { facts, buttons: cardActions(container), texts };
}

/** The names listed on the "mitt team" card, in order. */
export function memberNames(card: CardJson): string[] {
  return ((card.body as CardJson[]) ?? [])
    .filter((element) => element.type === 'Container' && element.separator === true)
    .map((element) => String(((element.items as CardJson[])[0] as CardJson).text));
}

/** The facts of the coverage section: [title, value]. */
export function coverageFacts(card: CardJson): [string, string][] {
  const body = (card.body as CardJson[]) ?? [];
  const factSet = body.filter((element) => element.type === 'FactSet').at(-1);
  return ((factSet?.facts as CardJson[]) ?? []).map(
    (fact) => [String(fact.title), String(fact.value)] as [string, string],
  );
}

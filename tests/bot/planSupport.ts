import { randomUUID } from 'node:crypto';
import en from '../../core/i18n/locales/en.json';
import sv from '../../core/i18n/locales/sv.json';
import type { Person } from '../../core/ports/directory';
import type { FakeBotConnector } from '../fakes/botConnector';
import type { FakeDirectory } from '../fakes/fakeDirectory';
import type { RecordingMessenger } from '../fakes/recordingMessenger';
import { adaptiveCardProblems } from '../support/adaptiveCards';
import type { TestService } from '../support/inProcessService';
import {
  PersonalChat,
  PREPARATION_STEPS,
  VALID_ANSWERS,
  cardInputs,
  invokeCard,
  type CardJson,
} from '../support/personalChat';

/** Shared by the protocol tests of writing and agreeing the individual plan. */

export const TEXTS = { sv, en } as const;
export type Lang = keyof typeof TEXTS;
export const LOCALES: Record<Lang, string> = { sv: 'sv-SE', en: 'en-US' };

/** A locale text with its {{placeholders}} filled, as i18next fills them. */
export const fill = (text: string, values: Record<string, string | number> = {}) =>
  Object.entries(values).reduce(
    (out, [key, value]) => out.replaceAll(`{{${key}}}`, String(value)),
    text,
  );

/** Tuesday 10 March 2026 in Stockholm: "now" for the flows, so this year is 2026. */
export const NOW = new Date('2026-03-10T08:00:00Z');
export const YEAR = 2026;

/** A manager with `size` direct reports, fresh ids each time so the tests never meet. */
export function newTeam(directory: FakeDirectory, size = 1, managerName = 'Karin Chef') {
  const unitId = `unit-${randomUUID()}`;
  const manager: Person = { id: randomUUID(), displayName: managerName, profileId: 'vgr', unitId };
  const names = ['Anna Medarbetare', 'Erik Medarbetare', 'Fatima Medarbetare'];
  const employees: Person[] = Array.from({ length: size }, (_, index) => ({
    id: randomUUID(),
    displayName: names[index] ?? `Medarbetare ${index + 1}`,
    profileId: 'vgr',
    unitId,
    managerId: manager.id,
  }));
  directory.add(manager, ...employees);
  const [employee] = employees;
  if (!employee) throw new Error('A team has at least one employee');
  return { manager, employee, employees };
}

export interface Running {
  service: TestService;
  connector: FakeBotConnector;
}

export function chatAs(running: Running, person: Person, lang: Lang = 'sv'): PersonalChat {
  return new PersonalChat(() => running.service, running.connector, {
    userId: person.id,
    locale: LOCALES[lang],
  });
}

/** Sends a card payload as if a button carried it: how "mitt team" starts the plan, or a replay. */
export function send(chat: PersonalChat, running: Running, data: CardJson, inputs = {}) {
  return invokeCard(running.service, chat.options, { verb: data.verb, data }, inputs);
}

/** The manager opens the employee's plan, as the "mitt team" card's button does. */
export function openPlan(chat: PersonalChat, running: Running, employee: Person) {
  return send(chat, running, { verb: 'plan.start', employeeId: employee.id });
}

/** The employee's answer on how they learn best; shared or kept private per test. */
export const INCLUSIVE_ANSWER = 'Jag lär mig bäst genom att göra, med en kollega bredvid';
/** An answer the employee always keeps private: no manager's card may show it. */
export const PRIVATE_STRENGTH = VALID_ANSWERS['current-situation'].strengths;

/**
 * The employee prepares their dialogue and sends it: their role is shared, their strengths
 * kept private, and the inclusive reflection shared or not as asked. The other reflections
 * stay private (the default).
 */
export async function sendPreparation(
  chat: PersonalChat,
  messenger: RecordingMessenger,
  options: { shareInclusive: boolean },
) {
  let card = await chat.say('förbered mitt samtal');
  for (const [step, button] of PREPARATION_STEPS) {
    const answers: Record<string, string> = { ...VALID_ANSWERS[step] };
    if (step === 'principles') answers['reflection-inclusive'] = INCLUSIVE_ANSWER;
    card = await chat.click(card, button, answers);
  }
  await chat.click(card, sv.preparation.actions.send, {
    'share:strengths': 'private',
    ...(options.shareInclusive ? { 'share:reflection-inclusive': 'shared-with-manager' } : {}),
  });
  messenger.clear();
}

/** Texts no manager's card may ever show: the answers the employee kept private. */
export const PRIVATE_TEXTS = [
  PRIVATE_STRENGTH,
  VALID_ANSWERS.principles['reflection-activating'],
  VALID_ANSWERS.principles['reflection-motivating'],
  VALID_ANSWERS.principles['reflection-sustainable'],
];

export const GOAL = {
  'goal-1-text': 'Kunna använda AI-stöd i journalarbetet',
  'goal-1-areas': 'artificiell-intelligens',
};
export const OWN_WORDS = 'Jag vill känna mig trygg med AI när jag skriver journal';

/** An activity of everyday learning, due after the turn of the year. */
export const EVERYDAY_ACTIVITY = {
  'activity-title': 'Gå bredvid en kollega som använder AI-stödet',
  'activity-form': 'auskultation',
  'activity-start': '2026-04-01',
  'activity-due': '2026-06-30',
  'activity-responsible': 'both',
  'activity-support': 'Två förmiddagar utan patientansvar',
};

/** A course: not everyday learning, due this year. */
export const COURSE_ACTIVITY = {
  'activity-title': '',
  'activity-course': 'starta-din-ai-resa',
  'activity-due': '2026-05-31',
  'activity-responsible': 'employee',
};

/** The button titles a manager or an employee clicks, in their language. */
export function buttons(lang: Lang, employeeName = '') {
  const a = TEXTS[lang].plan.actions;
  return {
    writeGoals: a.writeGoals,
    continue: a.continue,
    toActivities: a.toActivities,
    addGoal: a.addGoal,
    addActivity: (number: number) => fill(a.addActivity, { number }),
    saveActivity: a.saveActivity,
    removeActivity: (title: string) => fill(a.removeActivity, { title }),
    toReview: a.toReview,
    editGoals: a.editGoals,
    editActivities: a.editActivities,
    propose: fill(a.propose, { name: employeeName }),
    resend: a.resend,
    history: a.history,
    showPlan: a.showPlan,
    accept: a.accept,
    requestChanges: a.requestChanges,
    revise: a.revise,
    back: a.back,
  };
}

/**
 * The manager writes a plan of one goal and the given activities, with a follow-up date,
 * and lands on the review card.
 */
export async function draftToReview(
  chat: PersonalChat,
  running: Running,
  employee: Person,
  options: {
    lang?: Lang;
    goal?: Record<string, string>;
    activities?: Record<string, string>[];
    followUp?: string;
  } = {},
): Promise<CardJson> {
  const b = buttons(options.lang ?? 'sv', employee.displayName);
  const start = await openPlan(chat, running, employee);
  const goals = await chat.click(start, b.writeGoals);
  let card = await chat.click(goals, b.toActivities, options.goal ?? GOAL);
  for (const activity of options.activities ?? [EVERYDAY_ACTIVITY]) {
    const form = await chat.click(card, b.addActivity(1));
    card = await chat.click(form, b.saveActivity, activity);
  }
  return chat.click(card, b.toReview, { 'follow-up': options.followUp ?? '2027-02-15' });
}

/** The cards sent to a person's chat, as JSON the way Teams gets them, each checked for 1.5. */
export function cardsTo(messenger: RecordingMessenger, person: Person): CardJson[] {
  return messenger.delivered(person.id).map((message) => {
    const card = JSON.parse(JSON.stringify(message.card)) as CardJson;
    expect(adaptiveCardProblems(card)).toEqual([]);
    return card;
  });
}

/** The value an input of the card holds, by id. */
export const inputValue = (card: CardJson, id: string) => cardInputs(card).get(id)?.value;

/**
 * What Teams sends with a click: every input's value as the card shows it, with the
 * person's changes on top. (PersonalChat sends only the inputs it is given.)
 */
export function asTyped(card: CardJson, changes: Record<string, string> = {}) {
  const values: Record<string, string> = {};
  for (const [id, input] of cardInputs(card)) {
    if (typeof input.value === 'string') values[id] = input.value;
  }
  return { ...values, ...changes };
}

/** A remove button names the activity, cut to 40 characters. */
export const buttonTitleOf = (title: string) =>
  title.length <= 40 ? title : `${title.slice(0, 39)}…`;

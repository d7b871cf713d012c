import type { Person } from '../../core/ports/directory';
import { FakeDirectory } from '../fakes/fakeDirectory';
import { RecordingMessenger } from '../fakes/recordingMessenger';
import type { PersonalChat } from '../support/personalChat';
import { cardTexts, headingOf, type CardJson } from '../support/personalChat';
import { useServiceWithConnector } from '../support/serviceWithConnector';
import {
  EVERYDAY_ACTIVITY,
  GOAL,
  NOW,
  TEXTS,
  buttonTitleOf,
  buttons,
  cardsTo,
  chatAs,
  draftToReview,
  fill,
  newTeam,
  openPlan,
  send,
  type Lang,
} from './planSupport';

const messenger = new RecordingMessenger();
const directory = new FakeDirectory();
const running = useServiceWithConnector({}, { messenger, directory, now: () => NOW });

beforeEach(() => {
  running.connector.clear();
  messenger.clear();
});

/** Karin's team (Anna, Erik) and Maja's (Nils), with Anna's plan proposed to her. */
const karinsTeam = newTeam(directory, 2, 'Karin Chef');
const majasTeam = newTeam(directory, 1, 'Maja Chef');
const karin = karinsTeam.manager;
const [anna, erik] = karinsTeam.employees as [Person, Person];
const maja = majasTeam.manager;
const nils = majasTeam.employee;

type Replay = { data: CardJson; inputs: Record<string, string> };
const replays = new Map<string, Replay>();
let statusNow = '';

beforeAll(async () => {
  const chat = chatAs(running, karin);
  const b = buttons('sv', anna.displayName);
  await chat.click(await draftToReview(chat, running, anna), b.propose);
  const proposal = cardsTo(messenger, anna)[0] as CardJson;

  // Every button of the plan as it is now (version 4, proposed), so each would act if let.
  const review = await chat.click(await openPlan(chat, running, anna), b.continue);
  const goals = await chat.click(review, b.editGoals);
  const activities = await chat.click(review, b.editActivities);
  const form = await chat.click(activities, b.addActivity(1));
  const data = (card: CardJson, title: string, via: PersonalChat = chat) =>
    via.button(card, title).data as CardJson;
  const resend = data(review, b.resend);
  const add = (verb: string, payload: CardJson, inputs: Record<string, string> = {}) =>
    replays.set(verb, { data: payload, inputs });
  add('plan.start', { verb: 'plan.start', employeeId: anna.id });
  add('plan.open', data(review, b.editGoals));
  add('plan.saveGoals', data(goals, b.toActivities), { ...GOAL, 'goal-1-text': 'Kapat mål' });
  add('plan.addActivity', data(form, b.saveActivity), EVERYDAY_ACTIVITY);
  add(
    'plan.removeActivity',
    data(activities, b.removeActivity(buttonTitleOf(EVERYDAY_ACTIVITY['activity-title']))),
  );
  add('plan.saveFollowUp', data(activities, b.toReview), { 'follow-up': '2027-06-01' });
  add('plan.propose', { ...resend, verb: 'plan.propose' });
  add('plan.resend', resend);
  add('plan.accept', data(proposal, b.accept));
  add('plan.requestChanges', data(proposal, b.requestChanges), {
    'change-comment': 'Kapad kommentar',
  });
  add('plan.history', data(review, b.history));
  add('plan.show', { verb: 'plan.show', planId: resend.planId });
  statusNow = await karinsStatusLine();
});

/** The status line of Anna's plan as Karin sees it: it names the stored version. */
async function karinsStatusLine(): Promise<string> {
  const start = await openPlan(chatAs(running, karin), running, anna);
  const line = cardTexts(start).find((text) => / · version \d+$/.test(text));
  if (!line) throw new Error('No status line on the plan card');
  return line;
}

const EMPLOYEE_VERBS = ['plan.accept', 'plan.requestChanges'];
const EITHER_VERBS = ['plan.history', 'plan.show'];
const ALL_VERBS = [
  'plan.start',
  'plan.open',
  'plan.saveGoals',
  'plan.addActivity',
  'plan.removeActivity',
  'plan.saveFollowUp',
  'plan.propose',
  'plan.resend',
  ...EMPLOYEE_VERBS,
  ...EITHER_VERBS,
];
const MANAGER_VERBS = ALL_VERBS.filter(
  (verb) => !EMPLOYEE_VERBS.includes(verb) && !EITHER_VERBS.includes(verb),
);

type Case = [who: string, verb: string, replayer: Person, lang: Lang];
const cases: Case[] = [
  ...ALL_VERBS.map((verb): Case => ['another manager', verb, maja, 'en']),
  ...ALL_VERBS.map((verb): Case => ['an employee of another team', verb, nils, 'sv']),
  ...ALL_VERBS.map((verb): Case => ['a colleague on the same team', verb, erik, 'sv']),
  ...MANAGER_VERBS.map((verb): Case => ['the employee herself', verb, anna, 'en']),
  ...EMPLOYEE_VERBS.map((verb): Case => ["the employee's own manager", verb, karin, 'sv']),
];

describe('a plan card replayed by someone it is not for', () => {
  it.each(cases)(
    'when %s replays %s, then a polite card says it is not theirs, reveals nothing and changes nothing',
    async (_who, verb, replayer, lang) => {
      const replay = replays.get(verb);
      if (!replay) throw new Error(`No payload for ${verb}`);
      const intruder = chatAs(running, replayer, lang);
      const card = await send(intruder, running, replay.data, replay.inputs);

      expect(headingOf(card)).toBe(TEXTS[lang].notYours.title);
      const json = JSON.stringify(card);
      for (const secret of [
        anna.displayName,
        karin.displayName,
        GOAL['goal-1-text'],
        EVERYDAY_ACTIVITY['activity-title'],
        String(replay.data.planId ?? '\u0000'),
      ]) {
        expect(json).not.toContain(secret);
      }
      expect(messenger.attempts).toEqual([]);
      expect(await karinsStatusLine()).toBe(statusNow);
    },
  );
});

describe('the directory decides on every click', () => {
  it('when a manager sends her own report with another team’s plan id, then nothing of that plan is shown', async () => {
    const chat = chatAs(running, maja);
    const start = await openPlan(chat, running, nils);
    const activities = await chat.click(
      await chat.click(start, buttons('sv').writeGoals),
      buttons('sv').toActivities,
      { 'goal-1-text': 'Nils mål om gipsning' },
    );
    const nilsPlanId = (chat.button(activities, buttons('sv').editGoals).data as CardJson).planId;

    const forged = await send(chatAs(running, karin), running, {
      verb: 'plan.open',
      employeeId: erik.id,
      planId: nilsPlanId,
      view: 'review',
    });
    expect(headingOf(forged)).toBe(TEXTS.sv.notYours.title);
    expect(JSON.stringify(forged)).not.toContain('Nils mål om gipsning');
  });

  it('when the employee moves to another manager, then the former manager sees nothing and the new one continues the plan', async () => {
    const { manager: before, employee } = newTeam(directory, 1, 'Förra Chefen');
    const { manager: after } = newTeam(directory, 1, 'Nya Chefen');
    const b = buttons('sv', employee.displayName);
    const old = chatAs(running, before);
    const review = await draftToReview(old, running, employee);
    directory.moveTo(employee.id, after.id);

    for (const title of [b.propose, b.editGoals, b.history]) {
      expect(headingOf(await old.click(review, title))).toBe(TEXTS.sv.notYours.title);
    }
    expect(headingOf(await openPlan(old, running, employee))).toBe(TEXTS.sv.notYours.title);

    const next = chatAs(running, after);
    const continued = await next.click(await openPlan(next, running, employee), b.continue);
    expect(cardTexts(continued).join('\n')).toContain(EVERYDAY_ACTIVITY['activity-title']);
    await next.click(continued, b.propose);
    const agreed = await chatAs(running, employee).click(
      cardsTo(messenger, employee)[0] as CardJson,
      b.accept,
    );
    expect(headingOf(agreed)).toBe(TEXTS.sv.plan.employee.agreedTitle);
    // The new manager is told; the former one hears nothing.
    expect(messenger.attempts.map((attempt) => attempt.personId)).toEqual([employee.id, after.id]);
    const history = await next.click(await openPlan(next, running, employee), b.history);
    const metas = cardTexts(history).filter((text) => text.includes(' · Nya Chefen'));
    expect(metas).toHaveLength(1);
    expect(cardTexts(history)).toContain(
      fill(TEXTS.sv.plan.history.row, { version: 5, status: TEXTS.sv.plan.status.agreed }),
    );
  });
});

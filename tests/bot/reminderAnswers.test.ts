import { composeReminder } from '../../bot/reminders/reminderMessages';
import { SqlPlanStore } from '../../bot/storage/sqlPlanStore';
import type { Person } from '../../core/ports/directory';
import type { ReminderJob, ReminderPayload } from '../../core/reminders/reminderJob';
import { FakeDirectory } from '../fakes/fakeDirectory';
import {
  PersonalChat,
  cardTexts,
  headingOf,
  invokeCard,
  type CardJson,
} from '../support/personalChat';
import { activity, agreedPlan } from '../core/planBuilders';
import { fill, inputValue, TEXTS } from './planSupport';
import { flowDependenciesOver } from '../support/flowDependencies';
import { useServiceWithConnector } from '../support/serviceWithConnector';

/** Friday 20 November 2026, 10:00 in Stockholm. */
const NOW = new Date('2026-11-20T09:00:00Z');
const r = TEXTS.sv.reminders;

const KARIN: Person = { id: 'manager-karin', displayName: 'Karin Chef', profileId: 'vgr' };
const ANNA: Person = {
  id: 'employee-anna',
  displayName: 'Anna Medarbetare',
  profileId: 'vgr',
  managerId: KARIN.id,
};
const ERIK: Person = { ...ANNA, id: 'employee-erik', displayName: 'Erik Medarbetare' };
const directory = new FakeDirectory([KARIN, ANNA, ERIK]);

/** Anna's agreed plan: three activities whose due dates passed last week. */
const PLAN = agreedPlan({
  id: 'plan-anna-2026',
  employeeId: ANNA.id,
  managerId: KARIN.id,
  activities: [1, 2, 3, 4].map((n) =>
    activity(n, { title: `Aktivitet ${n} att följa upp`, dueDate: `2026-11-1${n}` }),
  ),
});

const REFLECTION_JOBS = ['job-r1', 'job-r2', 'job-r3', 'job-r4', 'job-r5'];
const FOLLOW_UP_ACTIVITIES = ['activity-1', 'activity-2', 'activity-3', 'activity-4'];

const job = (id: string, personId: string, payload: ReminderPayload): ReminderJob => ({
  id,
  key: `test:${id}`,
  personId,
  dueAt: NOW,
  status: 'sending',
  attempts: 1,
  payload,
});

/** The cards the worker would have sent Anna, composed from the database before the service starts. */
const sentToAnna = new Map<string, CardJson>();

const running = useServiceWithConnector(
  { REMINDERS: 'off' },
  { directory, now: () => NOW },
  async (db) => {
    const plans = new SqlPlanStore(db);
    await plans.saveIndividualPlan(PLAN, { expectedVersion: 0, savedBy: KARIN.id });
    const deps = flowDependenciesOver(db, { directory, now: NOW });
    const jobs = [
      ...REFLECTION_JOBS.map((id, sequence) =>
        job(id, ANNA.id, { kind: 'reflection-prompt', sequence }),
      ),
      ...FOLLOW_UP_ACTIVITIES.map((activityId) =>
        job(activityId, ANNA.id, {
          kind: 'effect-follow-up',
          planId: PLAN.id,
          activityId,
          dueDate: '2026-11-11',
        }),
      ),
    ];
    for (const reminder of jobs) {
      const composed = await composeReminder(reminder, 'sv', deps);
      if (!('message' in composed)) throw new Error(`${reminder.id} skipped: ${composed.skip}`);
      sentToAnna.set(reminder.id, JSON.parse(JSON.stringify(composed.message.card)) as CardJson);
    }
  },
);

function chatOf(person: Person, scope: 'personal' | 'channel' = 'personal') {
  return new PersonalChat(() => running.service, running.connector, {
    userId: person.id,
    ...(scope === 'channel' ? { scope, conversationId: '19:general@thread.tacv2' } : {}),
  });
}

function sent(id: string): CardJson {
  const card = sentToAnna.get(id);
  if (!card) throw new Error(`No card ${id} was composed`);
  return card;
}

const SHARE = { on: 'shared-with-manager', off: 'private' } as const;

describe('answering the everyday reflection prompt in its card', () => {
  it('when Anna answers without touching the toggle, then it is saved private and shown back as written; a second click on the same card saves nothing twice', async () => {
    const anna = chatOf(ANNA);
    const answer = 'Jag lärde mig mest när jag fick [pröva själv](https://x.example) **direkt**';
    const saved = await anna.click(sent('job-r1'), r.actions.save, { 'reflection-text': answer });
    expect(headingOf(saved)).toBe(r.reflection.saved.title);
    expect(cardTexts(saved)).toEqual(expect.arrayContaining([answer, r.reflection.saved.private]));
    expect(cardTexts(saved)).not.toContain(r.reflection.saved.again);

    const again = await anna.click(sent('job-r1'), r.actions.save, {
      'reflection-text': 'Ett annat svar',
      'reflection-share': SHARE.on,
    });
    expect(cardTexts(again)).toEqual(
      expect.arrayContaining([r.reflection.saved.again, answer, r.reflection.saved.private]),
    );
    expect(cardTexts(again)).not.toContain('Ett annat svar');
  });

  it('when Anna turns on "Dela med min chef", then it is saved shared, and she is told so', async () => {
    const saved = await chatOf(ANNA).click(sent('job-r2'), r.actions.save, {
      'reflection-text': 'Jag frågar en kollega innan jag ringer IT',
      'reflection-share': SHARE.on,
    });
    expect(cardTexts(saved)).toContain(r.reflection.saved.shared);
    const again = await chatOf(ANNA).click(sent('job-r2'), r.actions.save, {
      'reflection-text': 'x',
    });
    expect(cardTexts(again)).toEqual(
      expect.arrayContaining([r.reflection.saved.again, r.reflection.saved.shared]),
    );
  });

  it('when Anna saves an empty answer, then she is asked to write something, her choice to share is kept, and nothing is saved until she does', async () => {
    const anna = chatOf(ANNA);
    const refused = await anna.click(sent('job-r3'), r.actions.save, {
      'reflection-text': '   ',
      'reflection-share': SHARE.on,
    });
    expect(headingOf(refused)).toBe(r.reflection.title);
    expect(cardTexts(refused)).toContain(r.reflection.errors.empty);
    expect(inputValue(refused, 'reflection-share')).toBe(SHARE.on);
    const saved = await anna.click(refused, r.actions.save, {
      'reflection-text': 'Nu har jag skrivit något',
      'reflection-share': SHARE.on,
    });
    expect(cardTexts(saved)).toEqual(
      expect.arrayContaining(['Nu har jag skrivit något', r.reflection.saved.shared]),
    );
    expect(cardTexts(saved)).not.toContain(r.reflection.saved.again);
  });

  it('when Anna chooses "Inte nu", then the card says so politely and nothing is saved', async () => {
    const anna = chatOf(ANNA);
    const later = await anna.click(sent('job-r4'), r.actions.notNow);
    expect(headingOf(later)).toBe(r.reflection.later.title);
    expect(cardTexts(later).join('\n')).toContain(r.reflection.later.body);
    // Nothing was saved: the card can still be answered once.
    const saved = await anna.click(sent('job-r4'), r.actions.save, { 'reflection-text': 'Senare' });
    expect(cardTexts(saved)).not.toContain(r.reflection.saved.again);
  });

  it('when the prompt a card names is not in Anna’s profile (a forged card), then nothing is saved', async () => {
    const save = chatOf(ANNA).button(sent('job-r5'), r.actions.save);
    const forged = { ...(save.data as CardJson), promptId: 'finns-inte' };
    const card = await invokeCard(
      running.service,
      chatOf(ANNA).options,
      { verb: save.verb, data: forged },
      {
        'reflection-text': 'Hej',
      },
    );
    expect(headingOf(card)).toBe(r.reflection.gone.title);
  });

  it('the prompt card links to the settings, to change how often', async () => {
    const settings = await chatOf(ANNA).click(sent('job-r5'), r.actions.changeRhythm);
    expect(headingOf(settings)).toBe(r.settings.title);
  });
});

describe('answering an effect follow-up in its card', () => {
  it('when Anna answers what she learned, then it is saved private and shown back; pressing Spara again keeps one answer, her latest', async () => {
    const anna = chatOf(ANNA);
    const learned = 'Att fråga om **hjälp** <b>tidigt</b>';
    const saved = await anna.click(sent('activity-1'), r.actions.save, {
      'follow-up-learned': learned,
    });
    expect(headingOf(saved)).toBe(r.followUp.saved.title);
    expect(cardTexts(saved)).toEqual(
      expect.arrayContaining([
        'Aktivitet 1 att följa upp',
        r.followUp.learned,
        learned,
        r.followUp.saved.private,
      ]),
    );
    expect(cardTexts(saved)).not.toContain(r.followUp.applied);

    await anna.click(sent('activity-1'), r.actions.save, {
      'follow-up-learned': learned,
      'follow-up-applied': 'Jag frågar på morgonmötet',
    });
    const shown = await invokeCard(
      running.service,
      anna.options,
      {
        verb: 'reminders.openFollowUp',
        data: { verb: 'reminders.openFollowUp', planId: PLAN.id, activityId: 'activity-1' },
      },
      {},
    );
    expect(headingOf(shown)).toBe(r.followUp.saved.title);
    expect(cardTexts(shown)).toEqual(
      expect.arrayContaining([learned, 'Jag frågar på morgonmötet']),
    );
  });

  it('when Anna answers nothing, then she is asked for at least one answer, her toggle is kept, and sharing then saves it shared', async () => {
    const anna = chatOf(ANNA);
    const refused = await anna.click(sent('activity-2'), r.actions.save, {
      'follow-up-share': SHARE.on,
    });
    expect(headingOf(refused)).toBe(r.followUp.title);
    expect(cardTexts(refused)).toContain(r.followUp.errors.empty);
    expect(inputValue(refused, 'follow-up-share')).toBe(SHARE.on);
    const saved = await anna.click(refused, r.actions.save, {
      'follow-up-support': 'Tid att öva med en kollega',
      'follow-up-share': SHARE.on,
    });
    expect(cardTexts(saved)).toEqual(
      expect.arrayContaining(['Tid att öva med en kollega', r.followUp.saved.shared]),
    );
  });

  it.each([
    ['her manager', KARIN],
    ['a colleague', ERIK],
  ])(
    'when %s presses the buttons of Anna’s follow-up, then the card is not theirs, and nothing is saved',
    async (_who, other) => {
      const chat = chatOf(other);
      for (const title of [r.actions.save, r.actions.notNow]) {
        const refused = await chat.click(sent('activity-3'), title, {
          'follow-up-learned': 'Skrivet av någon annan',
        });
        expect(headingOf(refused)).toBe(TEXTS.sv.notYours.title);
        expect(JSON.stringify(refused)).not.toContain('Aktivitet 3');
      }
      const opened = await invokeCard(
        running.service,
        chatOf(ANNA).options,
        {
          verb: 'reminders.openFollowUp',
          data: { verb: 'reminders.openFollowUp', planId: PLAN.id, activityId: 'activity-3' },
        },
        {},
      );
      expect(headingOf(opened)).toBe(r.followUp.title);
    },
  );

  it('when Anna chooses "Inte nu", then nothing is saved and "Svara nu" brings the questions back', async () => {
    const anna = chatOf(ANNA);
    const later = await anna.click(sent('activity-4'), r.actions.notNow);
    expect(headingOf(later)).toBe(r.followUp.later.title);
    const again = await anna.click(later, r.actions.answerNow);
    expect(headingOf(again)).toBe(r.followUp.title);
    expect(cardTexts(again)).toContain(fill(r.followUp.intro, { date: '14 november 2026' }));
    const saved = await anna.click(again, r.actions.save, { 'follow-up-applied': 'Varje dag' });
    expect(cardTexts(saved)).toContain('Varje dag');
  });

  it('when the activity is not in the plan (removed, or a forged card), then there is nothing to follow up', async () => {
    const card = await invokeCard(
      running.service,
      chatOf(ANNA).options,
      {
        verb: 'reminders.saveFollowUp',
        data: { verb: 'reminders.saveFollowUp', planId: PLAN.id, activityId: 'activity-9' },
      },
      { 'follow-up-learned': 'Något' },
    );
    expect(headingOf(card)).toBe(r.followUp.gone.title);
  });

  it('when a follow-up button is pressed in a channel, then Anna is sent to the personal chat and nothing is saved', async () => {
    const channel = chatOf(ANNA, 'channel');
    const refused = await channel.click(sent('activity-3'), r.actions.save, {
      'follow-up-learned': 'I kanalen',
    });
    expect(headingOf(refused)).toBe(TEXTS.sv.preparation.personalOnly.title);
  });
});

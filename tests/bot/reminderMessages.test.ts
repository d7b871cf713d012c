import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FlowDependencies } from '../../bot/flowDependencies';
import { composeReminder } from '../../bot/reminders/reminderMessages';
import { loadTeamSnapshot } from '../../bot/team/teamSnapshot';
import { openDatabase } from '../../bot/storage/openDatabase';
import type { SqlDatabase } from '../../bot/storage/sqlDatabase';
import { SqlPlanStore } from '../../bot/storage/sqlPlanStore';
import type { Language } from '../../core/i18n/i18n';
import type { Dialogue, DialoguePreparation } from '../../core/plan/dialogue';
import type { IndividualPlan } from '../../core/plan/individualPlan';
import type { Person } from '../../core/ports/directory';
import type { CardMessage } from '../../core/ports/messenger';
import { PRINCIPLE_IDS } from '../../core/principles/principles';
import { promptsOf } from '../../core/profiles/profileSchema';
import { getProfile } from '../../core/profiles/profiles';
import type { ReminderJob, ReminderPayload } from '../../core/reminders/reminderJob';
import { FakeDirectory } from '../fakes/fakeDirectory';
import { flowDependenciesOver } from '../support/flowDependencies';
import { adaptiveCardProblems, cardTexts } from '../support/adaptiveCards';
import { cardActions, headingOf, type CardJson } from '../support/personalChat';
import { activity, agreedPlan, dialogue as dialogueOf, draftPlan } from '../core/planBuilders';
import en from '../../core/i18n/locales/en.json';
import sv from '../../core/i18n/locales/sv.json';

const fill = (text: string, values: Record<string, string | number> = {}) =>
  Object.entries(values).reduce(
    (out, [key, value]) => out.replaceAll(`{{${key}}}`, String(value)),
    text,
  );

/** Friday 4 December 2026, 10:00 in Stockholm: the dialogue is on Tuesday the 8th. */
const NOW = new Date('2026-12-04T09:00:00Z');
const BOOKED = '2026-12-08T09:30:00+01:00';

const MANAGER: Person = {
  id: 'manager-maria',
  displayName: 'Maria Chef',
  profileId: 'vgr',
  unitId: 'unit-1',
};
const ANNA: Person = {
  id: 'employee-anna',
  displayName: 'Anna Medarbetare',
  profileId: 'vgr',
  unitId: 'unit-1',
  managerId: MANAGER.id,
};
const ERIK: Person = { ...ANNA, id: 'employee-erik', displayName: 'Erik Medarbetare' };
const OLOF: Person = { id: 'manager-olof', displayName: 'Olof Chef', profileId: 'vgr' };

const SHARED_ROLE = 'Sjuksköterska på akuten, delat med chefen';
const PRIVATE_STRENGTH = 'PRIVAT: det här får chefen aldrig se';

let counter = 0;
function job(personId: string, payload: ReminderPayload, key?: string): ReminderJob {
  counter += 1;
  return {
    id: `job-${counter}`,
    key: key ?? `test:${counter}`,
    personId,
    dueAt: NOW,
    status: 'sending',
    attempts: 1,
    payload,
  };
}

describe('composing a reminder from the data as it is when it is sent', () => {
  let dataDir: string;
  let db: SqlDatabase;
  let plans: SqlPlanStore;
  let deps: FlowDependencies;
  const directory = new FakeDirectory([MANAGER, ANNA, ERIK, OLOF]);

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'kd-reminder-messages-'));
    db = await openDatabase({ kind: 'embedded', dataDir });
    plans = new SqlPlanStore(db);
    deps = flowDependenciesOver(db, { directory, now: NOW });
  });

  afterAll(async () => {
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** A dialogue of Anna's, stored as given; fresh id each time so tests do not meet. */
  async function stored(overrides: Partial<Dialogue> = {}): Promise<Dialogue> {
    counter += 1;
    const saved = dialogueOf({
      id: `dialogue-${counter}`,
      employeeId: ANNA.id,
      managerId: MANAGER.id,
      scheduledAt: BOOKED,
      ...overrides,
    });
    await plans.saveDialogue(saved);
    return saved;
  }

  async function prepared(dialogue: Dialogue): Promise<void> {
    const preparation: DialoguePreparation = {
      id: `preparation-${dialogue.id}`,
      dialogueId: dialogue.id,
      employeeId: dialogue.employeeId,
      answers: [
        {
          stepId: 'current-situation',
          questionId: 'role-today',
          text: SHARED_ROLE,
          visibility: 'shared-with-manager',
        },
        {
          stepId: 'current-situation',
          questionId: 'strengths',
          text: PRIVATE_STRENGTH,
          visibility: 'private',
        },
      ],
      skippedStepIds: [],
      updatedAt: '2026-11-30T10:00:00+01:00',
    };
    await plans.savePreparation(preparation, { expectedVersion: 0, savedBy: ANNA.id });
  }

  async function compose(reminder: ReminderJob, language: Language = 'sv') {
    return composeReminder(reminder, language, deps);
  }

  async function card(reminder: ReminderJob, language: Language = 'sv'): Promise<CardJson> {
    const composed = await compose(reminder, language);
    if (!('message' in composed)) throw new Error(`Skipped: ${composed.skip}`);
    const json = JSON.parse(JSON.stringify(composed.message.card)) as CardJson;
    expect(adaptiveCardProblems(json)).toEqual([]);
    return json;
  }

  const buttonData = (json: CardJson) => cardActions(json).map((action) => action.data);

  describe('before a dialogue, to the employee', () => {
    const payloadOf = (dialogue: Dialogue): ReminderPayload => ({
      kind: 'dialogue-employee',
      dialogueId: dialogue.id,
      scheduledAt: BOOKED,
      workingDaysBefore: 2,
    });

    it.each([
      ['sv', 'Ditt medarbetarsamtal är tisdag 8 december 2026 kl. 09:30', 'Om 2 arbetsdagar.'],
      [
        'en',
        'Your development dialogue is on Tuesday 8 December 2026 at 09:30',
        'In 2 working days.',
      ],
    ] as const)(
      'when nothing is prepared yet (%s), then it says when, in working days, and its first button starts the preparation',
      async (language, title, when) => {
        const json = await card(job(ANNA.id, payloadOf(await stored())), language);
        expect(headingOf(json)).toBe(title);
        expect(cardTexts(json)).toContain(when);
        expect(buttonData(json)[0]).toEqual({ verb: 'runCommand', command: 'prepare' });
        const composed = await compose(job(ANNA.id, payloadOf(await stored())), language);
        expect('message' in composed && composed.message.fallbackText).toBe(title);
      },
    );

    it('when the preparation is already sent, then it says so and offers to show it instead', async () => {
      const dialogue = await stored({ status: 'prepared' });
      await prepared(dialogue);
      const json = await card(job(ANNA.id, payloadOf(dialogue)));
      expect(cardTexts(json)).toContain(sv.reminders.employee.prepared);
      expect(cardActions(json)[0]).toMatchObject({
        title: sv.reminders.actions.showPreparation,
        data: { verb: 'runCommand', command: 'myPlan' },
      });
      expect(buttonData(json)).not.toContainEqual({ verb: 'runCommand', command: 'prepare' });
    });

    it('when the dialogue is a follow-up of the plan, then it offers the plan, not a preparation', async () => {
      const dialogue = await stored({ dialogueTypeId: 'uppfoljning' });
      const json = await card(job(ANNA.id, payloadOf(dialogue)));
      expect(headingOf(json)).toBe(
        'Påminnelse: uppföljning av utvecklingsplanen tisdag 8 december 2026 kl. 09:30',
      );
      expect(buttonData(json)).not.toContainEqual({ verb: 'runCommand', command: 'prepare' });
      expect(buttonData(json)[0]).toEqual({ verb: 'runCommand', command: 'myPlan' });
    });

    it.each([
      ['it was cancelled', { status: 'cancelled' as const }],
      ['it was marked held', { status: 'held' as const }],
      ['it was moved', { scheduledAt: '2026-12-10T13:00:00+01:00' }],
    ])('when %s, then the reminder is skipped', async (_case, change) => {
      const dialogue = await stored();
      await plans.saveDialogue({ ...dialogue, ...change });
      expect(await compose(job(ANNA.id, payloadOf(dialogue)))).toEqual({
        skip: 'dialogue moved or cancelled',
      });
    });

    it('when the dialogue is gone, or the job names someone else, then the reminder is skipped', async () => {
      const gone = { ...(await stored()), id: 'dialogue-never-stored' };
      expect(await compose(job(ANNA.id, payloadOf(gone)))).toEqual({
        skip: 'dialogue moved or cancelled',
      });
      expect(await compose(job(ERIK.id, payloadOf(await stored())))).toEqual({
        skip: 'dialogue moved or cancelled',
      });
    });

    it('when the same instant is written with another offset, then it is not taken for a move', async () => {
      const dialogue = await stored();
      const payload = { ...payloadOf(dialogue), scheduledAt: '2026-12-08T08:30:00Z' };
      expect(await compose(job(ANNA.id, payload))).toHaveProperty('message');
    });
  });

  describe('before a dialogue, to the manager', () => {
    const payloadOf = (dialogue: Dialogue): ReminderPayload => ({
      kind: 'dialogue-manager',
      dialogueId: dialogue.id,
      employeeId: dialogue.employeeId,
      scheduledAt: BOOKED,
      workingDaysBefore: 2,
    });

    it('when the employee prepared, then the manager sees what they shared and never what they kept', async () => {
      const dialogue = await stored({ status: 'prepared' });
      await prepared(dialogue);
      const json = await card(job(MANAGER.id, payloadOf(dialogue)));
      expect(headingOf(json)).toBe('Medarbetarsamtal (utvecklingssamtal) med Anna Medarbetare');
      expect(cardTexts(json)).toContain('tisdag 8 december 2026 kl. 09:30 · Om 2 arbetsdagar.');
      expect(cardTexts(json)).toContain(SHARED_ROLE);
      expect(JSON.stringify(json)).not.toContain(PRIVATE_STRENGTH);
      expect(buttonData(json)).toContainEqual({ verb: 'runCommand', command: 'myTeam' });
    });

    it.each(['sv', 'en'] as const)(
      'when nothing was prepared (%s), then the manager is told so',
      async (language) => {
        const json = await card(job(MANAGER.id, payloadOf(await stored())), language);
        const texts = { sv, en }[language].reminders.manager;
        expect(cardTexts(json)).toContain(fill(texts.noPreparation, { name: ANNA.displayName }));
      },
    );

    it('when the employee has moved to another manager, then the former one is not reminded', async () => {
      const dialogue = await stored({ employeeId: ERIK.id });
      directory.moveTo(ERIK.id, OLOF.id);
      try {
        expect(await compose(job(MANAGER.id, payloadOf(dialogue)))).toEqual({
          skip: 'no longer the employee’s manager',
        });
      } finally {
        directory.moveTo(ERIK.id, MANAGER.id);
      }
    });

    it('when the dialogue was moved, then the manager is not reminded of the old time', async () => {
      const dialogue = await stored();
      await plans.saveDialogue({ ...dialogue, scheduledAt: '2026-12-09T09:30:00+01:00' });
      expect(await compose(job(MANAGER.id, payloadOf(dialogue)))).toEqual({
        skip: 'dialogue moved or cancelled',
      });
    });
  });

  describe('after the dialogue, to the manager', () => {
    const HELD_AT = '2026-12-01T09:30:00+01:00';
    const payloadOf = (dialogue: Dialogue): ReminderPayload => ({
      kind: 'dialogue-after',
      dialogueId: dialogue.id,
      employeeId: dialogue.employeeId,
      scheduledAt: HELD_AT,
    });
    /** Anna's plan of 2026, as the test needs it; each test has its own employee id. */
    async function planOf(employeeId: string, plan: Partial<IndividualPlan>) {
      await plans.saveIndividualPlan(
        { ...agreedPlan({ employeeId, managerId: MANAGER.id }), ...plan },
        { expectedVersion: 0, savedBy: MANAGER.id },
      );
    }
    const colleague = (id: string): Person => ({ ...ANNA, id, displayName: `Kollega ${id}` });

    it('when no plan is written yet, then the manager is asked to write it, with the button "mitt team" uses', async () => {
      const dialogue = await stored({ scheduledAt: HELD_AT, status: 'held' });
      const json = await card(job(MANAGER.id, payloadOf(dialogue)));
      expect(headingOf(json)).toBe(fill(sv.reminders.after.title, { name: ANNA.displayName }));
      expect(cardActions(json)[0]).toMatchObject({
        title: sv.reminders.actions.writePlan,
        data: { verb: 'plan.start', employeeId: ANNA.id },
      });
      expect(cardTexts(json)).not.toContain(sv.reminders.after.notMarked);
    });

    it('when the dialogue was not marked held, then the card also says where to do that', async () => {
      const dialogue = await stored({ scheduledAt: HELD_AT, status: 'planned' });
      expect(cardTexts(await card(job(MANAGER.id, payloadOf(dialogue))))).toContain(
        sv.reminders.after.notMarked,
      );
    });

    it.each([
      ['proposed', true, { status: 'proposed' as const }],
      ['agreed after the dialogue', true, { agreedAt: '2026-12-02T14:00:00+01:00' }],
      [
        'agreed before the dialogue (an earlier plan)',
        false,
        { agreedAt: '2026-02-20T14:05:00+01:00' },
      ],
    ])('when the plan is %s, then the nudge is skipped: %s', async (_case, skipped, plan) => {
      const employee = colleague(`employee-${counter++}`);
      directory.add(employee);
      await planOf(employee.id, plan);
      const dialogue = await stored({
        employeeId: employee.id,
        scheduledAt: HELD_AT,
        status: 'held',
      });
      const composed = await compose(job(MANAGER.id, payloadOf(dialogue)));
      if (skipped) expect(composed).toEqual({ skip: 'plan already proposed or agreed' });
      else expect(composed).toHaveProperty('message');
    });

    it('when the dialogue does not write a plan, or was cancelled, then skipped', async () => {
      const followUp = await stored({
        dialogueTypeId: 'uppfoljning',
        scheduledAt: HELD_AT,
        status: 'held',
      });
      expect(await compose(job(MANAGER.id, payloadOf(followUp)))).toEqual({
        skip: 'the dialogue does not write a plan',
      });
      const cancelled = await stored({ scheduledAt: HELD_AT, status: 'cancelled' });
      expect(await compose(job(MANAGER.id, payloadOf(cancelled)))).toEqual({
        skip: 'dialogue moved or cancelled',
      });
    });
  });

  describe('the everyday reflection prompt', () => {
    const prompt = (sequence: number, key = `reflection:${ANNA.id}:${sequence}`) =>
      job(ANNA.id, { kind: 'reflection-prompt', sequence }, key);
    const everyday = promptsOf(getProfile('vgr')).filter((p) => p.contexts.includes('everyday'));

    it.each(PRINCIPLE_IDS.map((principle, sequence) => [sequence, principle] as const))(
      'prompt number %i asks an everyday question of the %s principle, to answer in the card',
      async (sequence, principle) => {
        const json = await card(prompt(sequence));
        const texts = cardTexts(json);
        expect(texts).toContain(sv.principles[principle]);
        const asked = everyday.filter(
          (p) => p.principle === principle && texts.includes(p.text.sv),
        );
        expect(asked).toHaveLength(1);
        const save = cardActions(json)[0];
        expect(save?.data).toEqual({
          verb: 'reminders.saveReflection',
          jobId: expect.any(String),
          promptId: asked[0]?.id,
          principle,
        });
      },
    );

    it('when the same job is composed again (a retry), then it asks the same question; in English, in English', async () => {
      const first = prompt(5, 'reflection:anna:5');
      const again = { ...first };
      const [a, b, english] = await Promise.all([card(first), card(again), card(first, 'en')]);
      expect(cardActions(a)[0]?.data).toEqual(cardActions(b)[0]?.data);
      const promptId = (cardActions(a)[0]?.data as { promptId: string }).promptId;
      const asked = everyday.find((p) => p.id === promptId);
      expect(cardTexts(english)).toContain(asked?.text.en);
      const composed = await compose(first);
      expect('message' in composed && composed.message.fallbackText).toBe(
        `${sv.reminders.reflection.title}: ${asked?.text.sv}`,
      );
    });
  });

  describe('the effect follow-up', () => {
    /**
     * A plan of its own per test, of an employee of its own (one plan a year each): one
     * activity due on 30 November, one in the spring.
     */
    async function planWith(overrides: Partial<IndividualPlan> = {}) {
      counter += 1;
      const plan = agreedPlan({
        id: `plan-${counter}`,
        employeeId: `employee-${counter}`,
        managerId: MANAGER.id,
        year: 2026,
        activities: [
          activity(1, { title: 'Gå bredvid en kollega', dueDate: '2026-11-30' }),
          activity(2, { title: 'Kurs i triage', dueDate: '2027-03-31' }),
        ],
        ...overrides,
      });
      return plans.saveIndividualPlan(plan, { expectedVersion: 0, savedBy: MANAGER.id });
    }
    const followUpOf = (
      plan: IndividualPlan,
      activityId = 'activity-1',
      personId = plan.employeeId,
    ) =>
      job(personId, {
        kind: 'effect-follow-up',
        planId: plan.id,
        activityId,
        dueDate: '2026-11-30',
      });

    it('when an activity is past its due date and unanswered, then the employee is asked the three questions', async () => {
      const plan = await planWith();
      const json = await card(followUpOf(plan));
      expect(headingOf(json)).toBe(sv.reminders.followUp.title);
      expect(cardTexts(json)).toEqual(
        expect.arrayContaining([
          'Gå bredvid en kollega',
          fill(sv.reminders.followUp.intro, { date: '30 november 2026' }),
          sv.reminders.followUp.learned,
          sv.reminders.followUp.applied,
          sv.reminders.followUp.supportNeeded,
          sv.reminders.followUp.share,
        ]),
      );
      expect(cardActions(json)[0]?.data).toEqual({
        verb: 'reminders.saveFollowUp',
        planId: plan.id,
        activityId: 'activity-1',
      });
    });

    it.each([
      [
        'the plan is gone',
        async () => followUpOf({ ...(await planWith()), id: 'plan-gone' }),
        'plan gone',
      ],
      [
        'the plan is someone else’s',
        async () => followUpOf(await planWith(), 'activity-1', ERIK.id),
        'plan gone',
      ],
      [
        'the activity was removed',
        async () => followUpOf(await planWith(), 'activity-9'),
        'activity gone or cancelled',
      ],
      [
        'the activity was cancelled',
        async () =>
          followUpOf(
            await planWith({
              activities: [activity(1, { dueDate: '2026-11-30', status: 'cancelled' })],
            }),
          ),
        'activity gone or cancelled',
      ],
      [
        'the due date was moved later',
        async () =>
          followUpOf(await planWith({ activities: [activity(1, { dueDate: '2027-01-15' })] })),
        'due date moved',
      ],
      [
        'it was answered already',
        async () => {
          const plan = await planWith();
          await plans.saveEffectFollowUp({
            id: `answer-${plan.id}`,
            personId: plan.employeeId,
            planId: plan.id,
            activityId: 'activity-1',
            learned: 'Mycket',
            visibility: 'private',
            answeredAt: '2026-12-01T10:00:00+01:00',
          });
          return followUpOf(plan);
        },
        'already answered',
      ],
    ] as const)('when %s, then the follow-up is skipped', async (_case, reminder, reason) => {
      expect(await compose(await reminder())).toEqual({ skip: reason });
    });

    it('when the plan is a draft of a new version, then the follow-up is still asked of the activity', async () => {
      const plan = await planWith();
      await plans.saveIndividualPlan(
        { ...draftPlan({ id: plan.id, employeeId: plan.employeeId }), activities: plan.activities },
        { expectedVersion: plan.version, savedBy: MANAGER.id },
      );
      expect(await compose(followUpOf(plan))).toHaveProperty('message');
    });
  });

  describe('what "mitt team" counts as unanswered', () => {
    it('when follow-ups are due, then each report is counted by their latest agreed plan: a private answer counts as answered, a cancelled or later activity not at all', async () => {
      const lead: Person = { id: 'manager-lena', displayName: 'Lena Chef', profileId: 'vgr' };
      const report = (id: string): Person => ({ ...ANNA, id, managerId: lead.id });
      directory.add(lead, report('report-a'), report('report-b'), report('report-c'));
      const answered = { personId: 'report-a', visibility: 'private' as const };
      const a = await plans.saveIndividualPlan(
        agreedPlan({
          id: 'plan-report-a',
          employeeId: 'report-a',
          managerId: lead.id,
          activities: [
            activity(1, { dueDate: '2026-11-02' }),
            activity(2, { dueDate: '2026-11-03' }),
            activity(3, { dueDate: '2026-11-04', status: 'cancelled' }),
            activity(4, { dueDate: '2026-12-20' }),
            activity(5, { dueDate: '2026-11-05' }),
          ],
        }),
        { expectedVersion: 0, savedBy: lead.id },
      );
      await plans.saveEffectFollowUp({
        ...answered,
        id: 'answer-a-2',
        planId: a.id,
        activityId: 'activity-2',
        learned: 'Privat svar',
        answeredAt: '2026-11-04T10:00:00+01:00',
      });
      // B's agreed plan has one due activity; the new version being drafted adds another.
      const b = await plans.saveIndividualPlan(
        agreedPlan({
          id: 'plan-report-b',
          employeeId: 'report-b',
          managerId: lead.id,
          activities: [activity(1, { dueDate: '2026-11-02' })],
        }),
        { expectedVersion: 0, savedBy: lead.id },
      );
      await plans.saveIndividualPlan(
        {
          ...b,
          status: 'draft',
          activities: [...b.activities, activity(2, { dueDate: '2026-11-03' })],
        },
        { expectedVersion: b.version, savedBy: lead.id },
      );

      const snapshot = await loadTeamSnapshot(deps, lead.id);
      expect(snapshot?.unansweredFollowUps).toEqual(
        new Map([
          ['report-a', 2],
          ['report-b', 1],
        ]),
      );
    });
  });

  it('a notice that waited for working hours is sent as it was built', async () => {
    const message: CardMessage = {
      card: { type: 'AdaptiveCard', version: '1.5', body: [] },
      fallbackText: 'Maria har bokat ditt medarbetarsamtal',
    };
    expect(
      await compose(
        job(ANNA.id, {
          kind: 'notice',
          card: message.card as { type: 'AdaptiveCard' },
          fallbackText: message.fallbackText,
        }),
      ),
    ).toEqual({ message });
  });
});

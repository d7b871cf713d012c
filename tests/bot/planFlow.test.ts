import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../bot/storage/openDatabase';
import { SqlPlanStore } from '../../bot/storage/sqlPlanStore';
import { FakeBotConnector } from '../fakes/botConnector';
import { FakeDirectory } from '../fakes/fakeDirectory';
import { RecordingMessenger } from '../fakes/recordingMessenger';
import { startTestService, type TestService } from '../support/inProcessService';
import { cardTexts, headingOf, type CardJson } from '../support/personalChat';
import { useServiceWithConnector } from '../support/serviceWithConnector';
import {
  COURSE_ACTIVITY,
  EVERYDAY_ACTIVITY,
  GOAL,
  NOW,
  TEXTS,
  YEAR,
  asTyped,
  buttonTitleOf,
  buttons,
  cardsTo,
  chatAs,
  draftToReview,
  fill,
  newTeam,
  openPlan,
  send,
  sendPreparation,
  type Lang,
} from './planSupport';

const messenger = new RecordingMessenger();
const directory = new FakeDirectory();
const running = useServiceWithConnector({}, { messenger, directory, now: () => NOW });

beforeEach(() => {
  running.connector.clear();
  messenger.clear();
});

const planTitle = (lang: Lang, name: string) =>
  fill(TEXTS[lang].plan.title, {
    plan: lang === 'sv' ? 'Individuell utvecklingsplan' : 'Individual development plan',
    year: YEAR,
    name,
  });

describe('writing, proposing and agreeing a plan', () => {
  it.each([
    ['sv', 'sv'],
    ['en', 'sv'],
    ['sv', 'en'],
  ] as const)(
    'when the manager (%s) drafts and proposes, the employee (%s) asks for changes, the manager revises and proposes again, and the employee accepts, then the plan is agreed and every step is in its history',
    async (managerLang, employeeLang) => {
      const { manager, employee } = newTeam(directory);
      const name = employee.displayName;
      const m = TEXTS[managerLang].plan;
      const e = TEXTS[employeeLang].plan;
      const mb = buttons(managerLang, name);
      const eb = buttons(employeeLang, name);
      const karin = chatAs(running, manager, managerLang);
      const anna = chatAs(running, employee, employeeLang);

      // The manager opens the plan: nothing exists yet, nothing is stored by opening it.
      const start = await openPlan(karin, running, employee);
      expect(headingOf(start)).toBe(planTitle(managerLang, name));
      expect(cardTexts(start)).toContain(fill(m.start.noPlan, { year: YEAR }));
      const goals = await karin.click(start, mb.writeGoals);
      expect(headingOf(goals)).toBe(m.goals.heading);

      const activities = await karin.click(goals, mb.toActivities, GOAL);
      expect(headingOf(activities)).toBe(m.activities.heading);
      expect(cardTexts(activities).join('\n')).toContain(GOAL['goal-1-text']);
      const form = await karin.click(activities, mb.addActivity(1));
      expect(headingOf(form)).toBe(m.activityForm.heading);
      const withActivity = await karin.click(form, mb.saveActivity, EVERYDAY_ACTIVITY);
      expect(cardTexts(withActivity).join('\n')).toContain(EVERYDAY_ACTIVITY['activity-title']);

      const review = await karin.click(withActivity, mb.toReview, { 'follow-up': '2027-02-15' });
      expect(headingOf(review)).toBe(m.review.heading);
      expect(cardTexts(review)).toContain(
        fill(m.followUpLine, {
          date: managerLang === 'sv' ? '15 februari 2027' : '15 February 2027',
        }),
      );

      // Proposed: the employee gets the whole plan in their chat, in the manager's language.
      const proposed = await karin.click(review, mb.propose);
      expect(headingOf(proposed)).toBe(fill(m.proposed.title, { name }));
      expect(cardTexts(proposed)).toContain(fill(m.proposed.delivered, { name }));
      const [proposal] = cardsTo(messenger, employee);
      expect(proposal).toBeDefined();
      expect(cardTexts(proposal).join('\n')).toContain(GOAL['goal-1-text']);
      expect(cardTexts(proposal).join('\n')).toContain(EVERYDAY_ACTIVITY['activity-title']);
      expect(messenger.delivered(employee.id)[0]?.fallbackText).toBe(
        fill(m.proposal.title, {
          plan:
            managerLang === 'sv' ? 'Individuell utvecklingsplan' : 'Individual development plan',
          year: YEAR,
        }),
      );

      // The employee asks for changes with a comment; the manager is told with a way back in.
      messenger.clear();
      const comment = 'Kan vi lägga till något om att handleda andra?';
      // Cards sent to someone are in the sender's language; the answer is in the clicker's.
      const sent = await anna.click(proposal as CardJson, mb.requestChanges, {
        'change-comment': comment,
      });
      expect(headingOf(sent)).toBe(e.changesSent.title);
      expect(cardTexts(sent)).toContain(
        fill(e.changesSent.delivered, { manager: manager.displayName }),
      );
      const [changesNotice] = cardsTo(messenger, manager);
      expect(headingOf(changesNotice)).toBe(fill(e.notice.changesTitle, { name }));
      expect(JSON.stringify(changesNotice)).toContain(comment);

      // The manager revises: the review shows the comment; one more activity; proposed again.
      const revising = await karin.click(changesNotice as CardJson, eb.revise);
      expect(headingOf(revising)).toBe(m.review.heading);
      expect(JSON.stringify(revising)).toContain(comment);
      const editing = await karin.click(revising, mb.editActivities);
      const secondForm = await karin.click(editing, mb.addActivity(1));
      const revised = await karin.click(secondForm, mb.saveActivity, {
        ...EVERYDAY_ACTIVITY,
        'activity-title': 'Handleda en ny kollega i AI-stödet',
        'activity-form': 'handleda-och-utbilda-andra',
      });
      const reviewAgain = await karin.click(revised, mb.toReview, { 'follow-up': '2027-02-15' });
      messenger.clear();
      await karin.click(reviewAgain, mb.propose);
      const [secondProposal] = cardsTo(messenger, employee);
      expect(cardTexts(secondProposal).join('\n')).toContain('Handleda en ny kollega i AI-stödet');

      // The employee agrees: confirmed to them with a way to the tab, told to the manager.
      messenger.clear();
      const agreed = await anna.click(secondProposal as CardJson, mb.accept);
      expect(headingOf(agreed)).toBe(e.employee.agreedTitle);
      expect(anna.button(agreed, TEXTS[employeeLang].actions.openMyPlan)).toMatchObject({
        type: 'Action.OpenUrl',
        url: expect.stringContaining('min-utvecklingsplan'),
      });
      const [agreedNotice] = cardsTo(messenger, manager);
      expect(headingOf(agreedNotice)).toBe(fill(e.notice.agreedTitle, { name }));

      // The history, newest first: who saved each version and in what state.
      const history = await karin
        .click(agreedNotice as CardJson, eb.showPlan)
        .then((plan) => karin.click(plan, mb.history));
      expect(headingOf(history)).toBe(m.history.heading);
      const rows = cardTexts(history).filter((text) => /^(Version) \d+ · /.test(text));
      expect(rows).toEqual(
        [
          [8, 'agreed'],
          [7, 'proposed'],
          [6, 'changes-requested'],
          [5, 'changes-requested'],
          [4, 'proposed'],
          [3, 'draft'],
          [2, 'draft'],
          [1, 'draft'],
        ].map(([version, status]) =>
          fill(m.history.row, {
            version: version as number,
            status: m.status[status as keyof typeof m.status],
          }),
        ),
      );
      const metas = cardTexts(history).filter((text) => text.includes(' · ') && /\d{4}/.test(text));
      expect(metas.filter((text) => text.endsWith(`· ${name}`))).toHaveLength(2);
      expect(metas.filter((text) => text.endsWith(`· ${manager.displayName}`))).toHaveLength(6);

      // Every card of the way speaks its reader's words: no key or placeholder shows.
      const cards = [start, goals, activities, form, withActivity, review, proposed, proposal];
      cards.push(sent, changesNotice, revising, editing, secondForm, revised, reviewAgain);
      cards.push(secondProposal, agreed, agreedNotice, history);
      for (const text of cards.flatMap((card) => cardTexts(card))) {
        expect(text).not.toMatch(/\{\{|\}\}|^[a-z]+(\.[a-zA-Z-]+)+$/);
      }
    },
  );

  it('when the plan is agreed and the manager edits it, then a new draft version is started and the agreed one stays in force', async () => {
    const { manager, employee } = newTeam(directory);
    const b = buttons('sv', employee.displayName);
    const karin = chatAs(running, manager);
    const anna = chatAs(running, employee);
    await karin.click(await draftToReview(karin, running, employee), b.propose);
    await anna.click(cardsTo(messenger, employee)[0] as CardJson, b.accept);

    const start = await openPlan(karin, running, employee);
    expect(cardTexts(start)).toContain(
      fill(TEXTS.sv.plan.statusLine, { status: TEXTS.sv.plan.status.agreed, version: 5 }),
    );
    const review = await karin.click(start, b.continue);
    expect(() => karin.button(review, b.propose)).toThrow();
    const goals = await karin.click(review, b.editGoals);
    const activities = await karin.click(goals, b.toActivities, {
      ...GOAL,
      'goal-1-text': 'Kunna använda och förklara AI-stödet',
    });
    const draft = await karin.click(activities, b.toReview, { 'follow-up': '2027-02-15' });
    expect(cardTexts(draft)).toContain(
      fill(TEXTS.sv.plan.statusLine, { status: TEXTS.sv.plan.status.draft, version: 6 }),
    );
    expect(cardTexts(draft).join('\n')).toContain(
      fill(TEXTS.sv.plan.inForce, { date: '10 mars 2026' }),
    );
    // The activity stayed with its goal: the goal kept its id through the edit.
    expect(cardTexts(draft).join('\n')).toContain(EVERYDAY_ACTIVITY['activity-title']);
    expect(() => karin.button(draft, b.propose)).not.toThrow();
  });

  it('when the manager saves the goals unchanged, then no new version is stored', async () => {
    const { manager, employee } = newTeam(directory);
    const b = buttons('sv', employee.displayName);
    const karin = chatAs(running, manager);
    const review = await draftToReview(karin, running, employee);
    const goals = await karin.click(review, b.editGoals);
    const activities = await karin.click(goals, b.toActivities, asTyped(goals));
    await karin.click(activities, b.toReview, asTyped(activities));
    const history = await karin.click(review, b.history);
    expect(cardTexts(history)).toContain(
      fill(TEXTS.sv.plan.history.row, { version: 3, status: TEXTS.sv.plan.status.draft }),
    );
    expect(cardTexts(history)).not.toContain(
      fill(TEXTS.sv.plan.history.row, { version: 4, status: TEXTS.sv.plan.status.draft }),
    );
  });

  it('when a goal is removed, then its activities go with it and the other goal keeps its own', async () => {
    const { manager, employee } = newTeam(directory);
    const b = buttons('sv', employee.displayName);
    const karin = chatAs(running, manager);
    const start = await openPlan(karin, running, employee);
    let card = await karin.click(await karin.click(start, b.writeGoals), b.addGoal, GOAL);
    card = await karin.click(card, b.toActivities, {
      ...GOAL,
      'goal-2-text': 'Bli tryggare i triagering',
    });
    card = await karin.click(
      await karin.click(card, b.addActivity(1)),
      b.saveActivity,
      EVERYDAY_ACTIVITY,
    );
    card = await karin.click(await karin.click(card, b.addActivity(2)), b.saveActivity, {
      ...EVERYDAY_ACTIVITY,
      'activity-title': 'Auskultera hos triagesjuksköterskan',
    });
    const goals = await karin.click(card, b.editGoals);
    const after = await karin.click(goals, b.toActivities, {
      'goal-1-text': '',
      'goal-1-areas': '',
      'goal-2-text': 'Bli tryggare i triagering',
    });
    const texts = cardTexts(after).join('\n');
    expect(texts).not.toContain(GOAL['goal-1-text']);
    expect(texts).not.toContain(EVERYDAY_ACTIVITY['activity-title']);
    expect(texts).toContain('Auskultera hos triagesjuksköterskan');
  });

  it('when the manager removes an activity, then it is gone and the goal asks for one again', async () => {
    const { manager, employee } = newTeam(directory);
    const b = buttons('sv', employee.displayName);
    const karin = chatAs(running, manager);
    const review = await draftToReview(karin, running, employee);
    const activities = await karin.click(review, b.editActivities);
    const removed = await karin.click(
      activities,
      b.removeActivity(buttonTitleOf(EVERYDAY_ACTIVITY['activity-title'])),
    );
    expect(cardTexts(removed)).toContain(TEXTS.sv.plan.goal.noActivities);
    const again = await karin.click(removed, b.toReview, { 'follow-up': '2027-02-15' });
    expect(cardTexts(again)).toContain(
      `• ${TEXTS.sv.plan.review.problems['goal-without-activity']}`,
    );
    expect(() => karin.button(again, b.propose)).toThrow();
  });

  it.each([
    ['not-installed', { status: 'not-installed' } as const, 'notInstalled'],
    [
      'unreachable',
      { status: 'unreachable', reason: 'Teams answered 403' } as const,
      'unreachable',
    ],
  ] as const)(
    'when the proposal cannot reach the employee (%s), then it stays proposed, the manager is told, and can send it again',
    async (_case, result, key) => {
      const { manager, employee } = newTeam(directory);
      const name = employee.displayName;
      const b = buttons('sv', name);
      const karin = chatAs(running, manager);
      messenger.answerFor(employee.id, result);
      const proposed = await karin.click(await draftToReview(karin, running, employee), b.propose);
      expect(cardTexts(proposed)).toContain(fill(TEXTS.sv.plan.proposed[key], { name }));
      expect(messenger.delivered(employee.id)).toHaveLength(0);

      messenger.answerFor(employee.id, { status: 'delivered' });
      const resent = await karin.click(proposed, b.resend);
      expect(cardTexts(resent)).toContain(fill(TEXTS.sv.plan.proposed.delivered, { name }));
      const anna = chatAs(running, employee);
      const agreed = await anna.click(cardsTo(messenger, employee)[0] as CardJson, b.accept);
      expect(headingOf(agreed)).toBe(TEXTS.sv.plan.employee.agreedTitle);
    },
  );

  it('when the messenger throws while proposing, then the proposal is still saved and the manager is told it did not arrive', async () => {
    const { manager, employee } = newTeam(directory);
    const b = buttons('sv', employee.displayName);
    const karin = chatAs(running, manager);
    const review = await draftToReview(karin, running, employee);
    const original = messenger.sendToPerson.bind(messenger);
    messenger.sendToPerson = () => Promise.reject(new Error('connect ECONNRESET'));
    try {
      const proposed = await karin.click(review, b.propose);
      expect(cardTexts(proposed)).toContain(
        fill(TEXTS.sv.plan.proposed.unreachable, { name: employee.displayName }),
      );
    } finally {
      messenger.sendToPerson = original;
    }
    const start = await openPlan(karin, running, employee);
    expect(cardTexts(start)).toContain(
      fill(TEXTS.sv.plan.statusLine, { status: TEXTS.sv.plan.status.proposed, version: 4 }),
    );
  });
});

describe('stale cards and double clicks', () => {
  it('when "send the proposal" arrives twice at the same moment, then the plan is proposed once and the employee gets one card', async () => {
    const { manager, employee } = newTeam(directory);
    const b = buttons('sv', employee.displayName);
    const karin = chatAs(running, manager);
    const review = await draftToReview(karin, running, employee);
    const button = karin.button(review, b.propose);
    const answers = await Promise.all(
      [1, 2].map(() => send(karin, running, button.data as CardJson)),
    );
    expect(answers.map(headingOf).sort()).toEqual(
      [
        TEXTS.sv.plan.review.heading,
        fill(TEXTS.sv.plan.proposed.title, { name: employee.displayName }),
      ].sort(),
    );
    const stale = answers.find((card) => headingOf(card) === TEXTS.sv.plan.review.heading);
    expect(cardTexts(stale)).toContain(TEXTS.sv.plan.stale);
    expect(messenger.attempts).toHaveLength(1);
  });

  it('when "agree" arrives twice at the same moment, then the plan is agreed once and the manager is told once', async () => {
    const { manager, employee } = newTeam(directory);
    const b = buttons('sv', employee.displayName);
    const karin = chatAs(running, manager);
    const anna = chatAs(running, employee);
    await karin.click(await draftToReview(karin, running, employee), b.propose);
    const proposal = cardsTo(messenger, employee)[0] as CardJson;
    messenger.clear();
    const accept = anna.button(proposal, b.accept);
    const answers = await Promise.all(
      [1, 2].map(() => send(anna, running, accept.data as CardJson)),
    );
    expect(answers.map(headingOf).sort()).toEqual(
      [
        TEXTS.sv.plan.employee.agreedTitle,
        fill(TEXTS.sv.plan.ownTitle, { plan: 'Individuell utvecklingsplan', year: YEAR }),
      ].sort(),
    );
    expect(answers.filter((card) => cardTexts(card).includes(TEXTS.sv.plan.stale))).toHaveLength(1);
    expect(messenger.attempts.map((attempt) => attempt.personId)).toEqual([manager.id]);
  });

  it.each([
    ['the goals card', async (c: Ctx) => c.karin.click(c.goals, c.b.toActivities, GOAL), 'goals'],
    [
      'the activity form',
      async (c: Ctx) => c.karin.click(c.form, c.b.saveActivity, COURSE_ACTIVITY),
      'activities',
    ],
    [
      'the follow-up date',
      async (c: Ctx) => c.karin.click(c.activities, c.b.toReview, { 'follow-up': '2027-03-01' }),
      'activities',
    ],
    ['the review', async (c: Ctx) => c.karin.click(c.review, c.b.propose), 'review'],
  ] as const)(
    'when %s is clicked after the plan has moved on, then nothing changes and the card shows the plan now, marked outdated',
    async (_card, clickOld, view) => {
      const c = await staleSetup();
      const card = await clickOld(c);
      expect(cardTexts(card)).toContain(TEXTS.sv.plan.stale);
      expect(headingOf(card)).toBe(
        {
          goals: TEXTS.sv.plan.goals.heading,
          activities: TEXTS.sv.plan.activities.heading,
          review: TEXTS.sv.plan.review.heading,
        }[view],
      );
      // The plan is as the newer click left it: version 4, proposed, nothing more.
      const history = await c.karin.click(
        await openPlan(c.karin, running, c.employee),
        c.b.history,
      );
      expect(cardTexts(history)).toContain(
        fill(TEXTS.sv.plan.history.row, { version: 4, status: TEXTS.sv.plan.status.proposed }),
      );
      expect(cardTexts(history).some((text) => text.startsWith('Version 5'))).toBe(false);
      expect(messenger.attempts).toHaveLength(0);
    },
  );

  it('when the employee answers an older proposal after the manager changed the plan, then nothing changes and they see the plan now', async () => {
    const { manager, employee } = newTeam(directory);
    const b = buttons('sv', employee.displayName);
    const karin = chatAs(running, manager);
    const anna = chatAs(running, employee);
    const review = await draftToReview(karin, running, employee);
    await karin.click(review, b.propose);
    const proposal = cardsTo(messenger, employee)[0] as CardJson;
    // The manager edits the proposed plan: it becomes a draft again.
    const goals = await karin
      .click(await openPlan(karin, running, employee), b.continue)
      .then((card) => karin.click(card, b.editGoals));
    await karin.click(goals, b.toActivities, { ...GOAL, 'goal-1-text': 'Ett nytt mål' });
    messenger.clear();

    for (const [title, inputs] of [
      [b.accept, {}],
      [b.requestChanges, { 'change-comment': 'Kan vi ändra?' }],
    ] as const) {
      const answer = await anna.click(proposal, title, inputs);
      expect(cardTexts(answer)).toContain(TEXTS.sv.plan.stale);
      expect(cardTexts(answer)).toContain(
        fill(TEXTS.sv.plan.employee.draft, { manager: manager.displayName }),
      );
    }
    expect(messenger.attempts).toHaveLength(0);
  });
});

interface Ctx {
  karin: ReturnType<typeof chatAs>;
  employee: ReturnType<typeof newTeam>['employee'];
  b: ReturnType<typeof buttons>;
  goals: CardJson;
  form: CardJson;
  activities: CardJson;
  review: CardJson;
}

/** Old cards of each step, kept while the plan moves on to a proposal (version 4). */
async function staleSetup(): Promise<Ctx> {
  const { manager, employee } = newTeam(directory);
  const b = buttons('sv', employee.displayName);
  const karin = chatAs(running, manager);
  const start = await openPlan(karin, running, employee);
  const goals = await karin.click(start, b.writeGoals);
  const activities = await karin.click(goals, b.toActivities, GOAL);
  const form = await karin.click(activities, b.addActivity(1));
  const withActivity = await karin.click(form, b.saveActivity, EVERYDAY_ACTIVITY);
  const review = await karin.click(withActivity, b.toReview, { 'follow-up': '2027-02-15' });
  await karin.click(review, b.propose);
  messenger.clear();
  return { karin, employee, b, goals, form, activities: withActivity, review };
}

describe('what the database keeps', () => {
  it('when a plan is agreed and the service stops, then the store holds it agreed, with who and when, and every version', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'kd-plan-'));
    const connector = await new FakeBotConnector().start();
    const ownMessenger = new RecordingMessenger();
    const ownDirectory = new FakeDirectory();
    const { manager, employee } = newTeam(ownDirectory);
    // The unit's team plan, saved through the store before the service starts.
    const seed = await openDatabase({ kind: 'embedded', dataDir });
    const unitGoal = { id: randomUUID(), text: 'Kortare väntetider på akuten' };
    try {
      await new SqlPlanStore(seed).saveTeamPlan(
        {
          id: randomUUID(),
          unitId: manager.unitId ?? '',
          profileId: 'vgr',
          year: YEAR,
          unitGoals: [unitGoal],
          neededCompetences: [],
          version: 1,
          updatedAt: NOW.toISOString(),
          updatedBy: manager.id,
        },
        { expectedVersion: 0, savedBy: manager.id },
      );
    } finally {
      await seed.close();
    }
    let service: TestService | undefined = await startTestService(
      { DATA_DIR: dataDir },
      { messenger: ownMessenger, directory: ownDirectory, now: () => NOW },
    );
    try {
      const own = { service, connector };
      const b = buttons('sv', employee.displayName);
      const karin = chatAs(own, manager);
      const anna = chatAs(own, employee);
      await sendPreparation(anna, ownMessenger, { shareInclusive: true });
      const review = await draftToReview(karin, own, employee, {
        goal: { ...GOAL, 'goal-1-unit': unitGoal.id },
      });
      expect(cardTexts(review)).toContain(
        fill(TEXTS.sv.plan.goal.unitGoal, { text: unitGoal.text }),
      );
      await karin.click(review, b.propose);
      await anna.click(cardsTo(ownMessenger, employee)[0] as CardJson, b.accept);
      await service.close();
      service = undefined;

      const db = await openDatabase({ kind: 'embedded', dataDir });
      try {
        const plans = new SqlPlanStore(db);
        const plan = await plans.getIndividualPlan(employee.id, YEAR);
        expect(plan).toMatchObject({
          status: 'agreed',
          version: 5,
          agreedBy: employee.id,
          agreedAt: NOW.toISOString(),
          managerId: manager.id,
          followUpDate: '2027-02-15',
        });
        expect(plan?.goals[0]?.unitGoalId).toBe(unitGoal.id);
        // Written after this year's dialogue: linked to it.
        const [dialogue] = await plans.listDialoguesForEmployee(employee.id);
        expect(plan?.dialogueId).toBe(dialogue?.id);
        const history = await plans.individualPlanHistory(plan?.id ?? '');
        expect(history.map((revision) => [revision.version, revision.document.status])).toEqual([
          [1, 'draft'],
          [2, 'draft'],
          [3, 'draft'],
          [4, 'proposed'],
          [5, 'agreed'],
        ]);
        expect(history.map((revision) => revision.savedBy)).toEqual([
          manager.id,
          manager.id,
          manager.id,
          manager.id,
          employee.id,
        ]);
      } finally {
        await db.close();
      }
    } finally {
      await service?.close();
      await connector.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
    // The service starts on its own folder, stops, and the store is opened after it.
  }, 90_000);
});

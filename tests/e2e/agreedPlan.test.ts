import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Locator } from 'playwright-core';
import demoOrganisation from '../../bot/demo/demoOrganisation.json';
import { openDatabase } from '../../bot/storage/openDatabase';
import { SqlPlanStore } from '../../bot/storage/sqlPlanStore';
import { translator } from '../../core/i18n/i18n';
import type { Dialogue, DialoguePreparation, PreparationAnswer } from '../../core/plan/dialogue';
import { planWritingDialogueType, startPreparation } from '../../core/preparation/preparation';
import { PLAN_LIMITS } from '../../core/plan/limits';
import { getProfile } from '../../core/profiles/profiles';
import { memoryLog } from '../support/memoryLog';
import { openPlaygroundPair, type PlaygroundPair } from '../support/playgroundPair';
import {
  currentUserOf,
  PLAYGROUND_SETUP_TIMEOUT_MS,
  type PlaygroundChat,
} from '../support/playground';
import { playgroundWalk } from '../support/playgroundWalk';
import { button, memberBlock, shownText, startsWith } from '../support/playgroundCards';
import { onWorkingDayAfter, ShiftedClock, startForBooking } from '../support/shiftedClock';
import { describeWithChromium } from '../support/testEnvironment';

/**
 * Issue 4, "How we will check": the manager books the development dialogue, writes the plan
 * from what the employee shared, the employee asks for a change, the manager revises, the
 * employee agrees; "mitt team" then shows the plan agreed and the team's coverage moved.
 * Karin Lindqvist and Anna Andersson each in a real Agents Playground page of one Chromium,
 * the real service in this process.
 *
 * Anna's preparation is stored before the service starts (tests/e2e/preparation.test.ts
 * walks it in the playground). The service's clock is the test's: real time moved into working
 * time (tests/support/shiftedClock.ts), until the walk moves it to the morning of the
 * dialogue, after it was held.
 *
 * The tests below are one walk, in order: each starts where the one before left the pages.
 */

const t = translator('sv');
const ANNA = currentUserOf('employee');
const KARIN = currentUserOf('manager');
const TEAM = demoOrganisation.employees.map((employee) => employee.displayName);
const profile = getProfile(demoOrganisation.unit.profileId);
const ZONE = profile.reminderPolicy.timeZone;
const dialogueType = planWritingDialogueType(profile);

/** Booked three working days ahead, at 09:30: the walk then moves to that morning. */
const BOOKING_WORKING_DAYS_AHEAD = 3;
const START = startForBooking(DateTime.now(), BOOKING_WORKING_DAYS_AHEAD, profile.reminderPolicy);
const YEAR = START.year;
const BOOKED = onWorkingDayAfter(
  START,
  BOOKING_WORKING_DAYS_AHEAD,
  { hour: 9, minute: 30 },
  profile.reminderPolicy,
);
/** Dates as Input.Date takes and sends them. */
const YEAR_END = `${YEAR}-12-31`;
const NEXT_YEAR_FOLLOW_UP = `${YEAR + 1}-02-15`;
const NEXT_YEAR_DUE = `${YEAR + 1}-03-31`;

/** Dates and times the way the cards say them, in Swedish and in Stockholm. */
const inWords = {
  time: (at: DateTime) => at.setZone(ZONE).setLocale('sv').toFormat("cccc d LLLL yyyy 'kl.' HH:mm"),
  date: (isoDate: string) =>
    DateTime.fromISO(isoDate, { zone: 'UTC' }).setLocale('sv').toFormat('d LLLL yyyy'),
  day: (at: DateTime) => at.setZone(ZONE).setLocale('sv').toFormat('d LLLL yyyy'),
};

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('sv') + text.slice(1);
const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase('sv') + text.slice(1);
/** "medarbetarsamtal (utvecklingssamtal)", as a sentence or a button says it. */
const DIALOGUE = lowerFirst(dialogueType.name.sv);
/** "Individuell utvecklingsplan", as a heading starts. */
const PLAN_WORD = upperFirst(profile.wording.individualPlan.sv);

const areaName = (id: string): string => nameIn(profile.priorityAreas.areas, id);
const formName = (id: string): string => nameIn(profile.formsOfLearning, id);
function nameIn(list: ReadonlyArray<{ id: string; name: { sv: string } }>, id: string): string {
  const found = list.find((entry) => entry.id === id);
  if (!found) throw new Error(`No "${id}" in profile ${profile.id}`);
  return found.name.sv;
}

/**
 * Anna's sent preparation. Every text carries a marker no card text contains, so "shown" and
 * "not shown" are exact: DELAT what she shared with Karin, PRIVAT what she kept to herself.
 */
const SHARED = {
  roleToday: 'DELAT-ROLL sjuksköterska på akutmottagningen',
  worldChanges: 'DELAT-OMVÄRLD ny vårdinformationsmiljö',
  ownNeeds: 'DELAT-BEHOV förstå AI i journalarbetet',
  inclusive: 'DELAT-INKLUDERANDE jag lär mig bäst genom att göra, med en kollega bredvid',
};
const PRIVATE = {
  goingWell: 'PRIVAT-GÅR-BRA triagen flyter, men det vill jag ta själv',
  activating: 'PRIVAT-AKTIVERANDE morgonmötena',
  motivating: 'PRIVAT-MOTIVERANDE patientsäkerheten',
  sustainable: 'PRIVAT-HÅLLBARA jag vill orka länge',
};
const SHARED_AREA = 'artificiell-intelligens';
const SHARED_FORM = 'auskultation';

/** What Karin writes: two goals, an everyday activity for each, and later one more. */
const PLAN = {
  goal1: 'MÅL-1 Använda AI-stödet i journalarbetet tryggt',
  ownWords: 'EGNA-ORD Jag vill känna mig säker när AI föreslår text i journalen',
  goal1Area: 'artificiell-intelligens',
  goal2: 'MÅL-2 Kunna rutinerna vid stora olyckor',
  goal2Area: 'sakerhet-och-beredskap',
  activity1: {
    title: 'AKTIVITET-1 Gå bredvid Erik när han dokumenterar med AI-stöd',
    form: 'auskultation',
    support: 'STÖD-1 Två förmiddagar utan eget patientansvar',
  },
  activity2: { title: 'AKTIVITET-2 Öva katastrofrutinen med en mentor', form: 'mentorskap' },
  /** Added in the revision: reflection with colleagues, reaching into next year. */
  activity3: {
    title: 'AKTIVITET-3 Reflektera över fallen med kollegorna',
    form: 'strukturerad-reflektion',
  },
};
const CHANGE_REQUEST =
  'ÄNDRING-1 Kan vi följa upp efter årsskiftet och lägga till reflektion med kollegorna?';

const PLAN_TITLE = t('plan.title', { plan: PLAN_WORD, year: YEAR, name: ANNA.displayName });
const PROPOSAL_TITLE = t('plan.proposal.title', { plan: PLAN_WORD, year: YEAR });
const HELD_LABEL = t('team.coverage.held', { dialogue: dialogueType.name.sv });

/** "Aktuell överenskommen plan 1 av 5 (20 %)": a fact of the coverage, as the card reads. */
const coverageLine = (label: string, part: number): string =>
  `${label} ${t('team.coverage.share', {
    part,
    whole: TEAM.length,
    percent: Math.round((100 * part) / TEAM.length),
  })}`;

/** "Auskultation · klart senast 31 december 2026 · Ansvar: båda": how, when and who. */
const activityMeta = (form: string, due: string): string =>
  t('plan.activity.meta', {
    form: formName(form),
    dates: t('plan.activity.due', { due: inWords.date(due) }),
    responsible: t('plan.responsible.both').toLocaleLowerCase('sv'),
  });

/** Input.Date: the playground draws a date picker that takes a typed YYYY-MM-DD. */
const dateInput = (card: Locator, label: string): Locator =>
  card.getByRole('combobox', { name: startsWith(label) });

/**
 * One input of a goal's slot: the goals card repeats the same labels for every goal, so the
 * first input so named after the slot's heading ("Mål 2").
 */
const goalInput = (
  card: Locator,
  slot: number,
  role: 'textbox' | 'combobox',
  label: string,
): Locator =>
  card
    .getByText(t('plan.goalNumber', { number: slot }), { exact: true })
    .locator('xpath=following::*[self::input or self::textarea]')
    .and(card.getByRole(role, { name: startsWith(label) }))
    .first();

const goalText = (card: Locator, slot: number): Locator =>
  goalInput(
    card,
    slot,
    'textbox',
    t('plan.goals.text', {
      required: t(slot === 1 ? 'plan.goals.required' : 'plan.goals.optional'),
      max: PLAN_LIMITS.goalTextMax,
    }),
  );
const goalOwnWords = (card: Locator, slot: number): Locator =>
  goalInput(
    card,
    slot,
    'textbox',
    t('plan.goals.ownWords', { name: ANNA.displayName, max: PLAN_LIMITS.goalTextMax }),
  );
const goalAreas = (card: Locator, slot: number): Locator =>
  goalInput(card, slot, 'combobox', t('plan.goals.areas'));

/**
 * A choice of a compact Input.ChoiceSet: the playground draws a combobox whose choices open
 * in a pop-up outside the card (options, or checkable menu items for a multi-select).
 */
async function choose(chat: PlaygroundChat, combobox: Locator, choice: string): Promise<void> {
  await combobox.click();
  await chat.page
    .getByRole('option', { name: choice, exact: true })
    .or(chat.page.getByRole('menuitemcheckbox', { name: choice, exact: true }))
    .click();
  // A multi-select stays open for more choices.
  if ((await combobox.getAttribute('aria-expanded')) === 'true') await combobox.press('Escape');
}

/** Nothing Anna kept to herself is anywhere on the page: on a card or in the log panel. */
async function expectNothingPrivateOn(chat: PlaygroundChat): Promise<void> {
  const page = await chat.page.locator('body').innerText();
  for (const text of Object.values(PRIVATE)) expect(page).not.toContain(text);
}

describeWithChromium(`${ANNA.displayName}'s plan, agreed in the Agents Playground`, () => {
  const serviceLog = memoryLog();
  const clock = new ShiftedClock(START);
  let pair: PlaygroundPair | undefined;
  let anna: PlaygroundChat;
  let karin: PlaygroundChat;
  const { walk } = playgroundWalk(serviceLog);

  /**
   * Karin adds an activity to a goal from the activities card: what, an everyday form of
   * learning, when it is due, both responsible. Returns the activities card showing it.
   */
  async function addActivity(
    card: Locator,
    goal: number,
    activity: { title: string; form: string; due: string; support?: string },
  ): Promise<Locator> {
    await button(card, t('plan.actions.addActivity', { number: goal })).click();
    const form = await karin.waitForCard(t('plan.activityForm.heading'));
    await form
      .getByText(t('plan.activityForm.forGoal', { number: goal }), { exact: true })
      .waitFor();
    const title = t('plan.activityForm.title', {
      required: t('plan.activityForm.titleRequired'),
      max: PLAN_LIMITS.activityTitleMax,
    });
    await form.getByRole('textbox', { name: startsWith(title) }).fill(activity.title);
    await choose(
      karin,
      form.getByRole('combobox', { name: startsWith(t('plan.activityForm.form')) }),
      formName(activity.form),
    );
    await dateInput(form, t('plan.activityForm.due')).fill(activity.due);
    await form.getByRole('radio', { name: t('plan.responsible.both'), exact: true }).check();
    if (activity.support) {
      const support = t('plan.activityForm.support', { max: PLAN_LIMITS.supportNeededMax });
      await form.getByRole('textbox', { name: startsWith(support) }).fill(activity.support);
    }
    await button(form, t('plan.actions.saveActivity')).click();
    const activities = await karin.waitForCard(t('plan.activities.heading'));
    await activities.getByText(`• ${activity.title}`, { exact: true }).waitFor();
    return activities;
  }

  /** Anna's preparation, sent: this year's plan-writing dialogue, prepared and not booked. */
  async function storeAnnasPreparation(dir: string): Promise<void> {
    const dialogue: Dialogue = {
      id: randomUUID(),
      employeeId: ANNA.id,
      managerId: KARIN.id,
      profileId: profile.id,
      dialogueTypeId: dialogueType.id,
      year: YEAR,
      status: 'prepared',
    };
    // The reflection prompts her preparation would have picked.
    const { promptIds } = startPreparation({
      id: randomUUID(),
      employeeId: ANNA.id,
      managerId: KARIN.id,
      profile,
      year: YEAR,
      now: START.toUTC().toISO() ?? '',
    });
    const shared = 'shared-with-manager' as const;
    const answer = (
      stepId: string,
      questionId: string,
      value: string | string[],
      visibility: PreparationAnswer['visibility'],
      promptId?: string,
    ): PreparationAnswer => ({
      stepId,
      questionId,
      ...(typeof value === 'string' ? { text: value } : { choiceIds: value }),
      visibility,
      ...(promptId ? { promptId } : {}),
    });
    const preparation: DialoguePreparation = {
      id: randomUUID(),
      dialogueId: dialogue.id,
      employeeId: ANNA.id,
      answers: [
        answer('current-situation', 'role-today', SHARED.roleToday, shared),
        answer('current-situation', 'going-well', PRIVATE.goingWell, 'private'),
        answer('world-and-goals', 'world-changes', SHARED.worldChanges, shared),
        answer('development-needs', 'priority-areas', [SHARED_AREA], shared),
        answer('development-needs', 'own-needs', SHARED.ownNeeds, shared),
        answer('ways-of-learning', 'learning-forms', [SHARED_FORM], shared),
        answer('principles', 'reflection-inclusive', SHARED.inclusive, shared, promptIds.inclusive),
        answer(
          'principles',
          'reflection-activating',
          PRIVATE.activating,
          'private',
          promptIds.activating,
        ),
        answer(
          'principles',
          'reflection-motivating',
          PRIVATE.motivating,
          'private',
          promptIds.motivating,
        ),
        answer(
          'principles',
          'reflection-sustainable',
          PRIVATE.sustainable,
          'private',
          promptIds.sustainable,
        ),
      ],
      skippedStepIds: [],
      updatedAt: START.toUTC().toISO() ?? '',
    };
    const db = await openDatabase({ kind: 'embedded', dataDir: dir });
    try {
      const plans = new SqlPlanStore(db);
      await plans.saveDialogue(dialogue);
      await plans.savePreparation(preparation, { expectedVersion: 0, savedBy: ANNA.id });
    } finally {
      await db.close();
    }
  }

  beforeAll(async () => {
    pair = await openPlaygroundPair(
      'kd-e2e-agreed-plan-',
      {},
      { logger: serviceLog.logger, now: clock.now },
      storeAnnasPreparation,
    );
    ({ anna, karin } = pair);
  }, PLAYGROUND_SETUP_TIMEOUT_MS);

  afterAll(() => pair?.stop(), 30_000);

  test('when Karin writes "mitt team", then her five employees are listed and no one has a current plan or a held dialogue', async () => {
    await walk('team-before', karin, async () => {
      await karin.send(t('commands.myTeam.title'));
      const card = await karin.waitForCard(t('team.overview.title'));
      await card
        .getByText(t('team.overview.intro', { count: TEAM.length, year: YEAR }), { exact: true })
        .waitFor();
      for (const name of TEAM) await card.getByText(name, { exact: true }).waitFor();
      // Anna's preparation is in; nothing is booked yet.
      await memberBlock(card, ANNA.displayName)
        .getByText(t('team.overview.cycle.preparedNotBooked'), { exact: true })
        .waitFor();
      const shown = await shownText(card);
      expect(shown).toContain(coverageLine(t('team.coverage.currentPlans'), 0));
      expect(shown).toContain(coverageLine(HELD_LABEL, 0));
    });
  });

  test("when Karin books the development dialogue on Anna's row, then the card confirms it and Anna is told when, in words", async () => {
    await walk('book', [karin, anna], async () => {
      let card = await karin.waitForCard(t('team.overview.title'));
      await button(
        memberBlock(card, ANNA.displayName),
        t('team.actions.book', { dialogue: DIALOGUE }),
      ).click();

      card = await karin.waitForCard(t('team.booking.bookTitle', { dialogue: DIALOGUE }));
      await card
        .getByText(t('team.booking.with', { name: ANNA.displayName }), { exact: true })
        .waitFor();
      await dateInput(card, t('team.booking.date')).fill(BOOKED.toISODate() ?? '');
      await card
        .getByRole('combobox', { name: startsWith(t('team.booking.time')) })
        .fill(BOOKED.toFormat('HH:mm'));
      await button(card, t('team.actions.confirmBook')).click();

      card = await karin.waitForCard(t('team.overview.title'));
      const booked = t('team.notice.booked', {
        dialogue: DIALOGUE,
        name: ANNA.displayName,
        time: inWords.time(BOOKED),
      });
      await card
        .getByText(`${booked} ${t('team.notice.delivered', { name: ANNA.displayName })}`, {
          exact: true,
        })
        .waitFor();

      // The notice in Anna's own chat, sent by the service as the booking was saved.
      await anna.focus();
      const notice = await anna.waitForCard(t('team.employee.bookedTitle'));
      await notice
        .getByText(t('team.employee.booked', { manager: KARIN.displayName }), { exact: true })
        .waitFor();
      const told = await shownText(notice);
      expect(told).toContain(`${t('team.employee.whenLabel')} ${inWords.time(BOOKED)}`);
      expect(told).toContain(`${t('team.employee.withLabel')} ${KARIN.displayName}`);
    });
  });

  test('when the dialogue has been held and Karin marks it so and writes the plan, then the first card shows what Anna shared and nothing she kept private', async () => {
    await walk('held-and-start', karin, async () => {
      // The morning of the dialogue, an hour after it began.
      clock.moveTo(BOOKED.plus({ hours: 1 }));
      let card = await karin.waitForCard(t('team.overview.title'));
      await button(card, t('team.actions.refresh')).click();
      await button(memberBlock(card, ANNA.displayName), t('team.actions.markHeld')).click();
      await card
        .getByText(t('team.notice.held', { dialogue: DIALOGUE, name: ANNA.displayName }), {
          exact: true,
        })
        .waitFor();
      await button(memberBlock(card, ANNA.displayName), t('team.actions.writePlan')).click();

      card = await karin.waitForCard(PLAN_TITLE);
      await card
        .getByText(t('plan.start.sharedIntro', { name: ANNA.displayName }), { exact: true })
        .waitFor();
      const shown = await card.innerText();
      for (const text of [...Object.values(SHARED), areaName(SHARED_AREA), formName(SHARED_FORM)]) {
        expect(shown).toContain(text);
      }
      await expectNothingPrivateOn(karin);
    });
  });

  test('when Karin writes two goals with an everyday activity each and a follow-up date, then the review notes what the principles would add, and she sends the proposal', async () => {
    await walk('write-and-propose', karin, async () => {
      let card = await karin.waitForCard(PLAN_TITLE);
      await button(card, t('plan.actions.writeGoals')).click();

      card = await karin.waitForCard(t('plan.goals.heading'));
      await goalText(card, 1).fill(PLAN.goal1);
      await goalOwnWords(card, 1).fill(PLAN.ownWords);
      await choose(karin, goalAreas(card, 1), areaName(PLAN.goal1Area));
      await button(card, t('plan.actions.addGoal')).click();

      // The same card again, the first goal saved and a slot for the second.
      await card.getByText(t('plan.goalNumber', { number: 2 }), { exact: true }).waitFor();
      expect(await goalText(card, 1).inputValue()).toBe(PLAN.goal1);
      await goalText(card, 2).fill(PLAN.goal2);
      await choose(karin, goalAreas(card, 2), areaName(PLAN.goal2Area));
      await button(card, t('plan.actions.toActivities')).click();

      card = await karin.waitForCard(t('plan.activities.heading'));
      // What Anna said about how she learns best, beside the activities.
      await card
        .getByText(t('plan.inclusive.heading', { name: ANNA.displayName }), { exact: true })
        .waitFor();
      await card.getByText(SHARED.inclusive, { exact: true }).first().waitFor();
      card = await addActivity(card, 1, { ...PLAN.activity1, due: YEAR_END });
      card = await addActivity(card, 2, { ...PLAN.activity2, due: YEAR_END });
      await dateInput(card, t('plan.activities.followUp')).fill(YEAR_END);
      await button(card, t('plan.actions.toReview')).click();

      card = await karin.waitForCard(t('plan.review.heading'));
      const review = await shownText(card);
      for (const text of [
        PLAN.goal1,
        t('plan.goal.ownWords', { text: PLAN.ownWords }),
        t('plan.goal.areas', { areas: areaName(PLAN.goal1Area) }),
        PLAN.goal2,
        t('plan.goal.areas', { areas: areaName(PLAN.goal2Area) }),
        PLAN.activity1.title,
        activityMeta(PLAN.activity1.form, YEAR_END),
        t('plan.activity.support', { text: PLAN.activity1.support }),
        PLAN.activity2.title,
        activityMeta(PLAN.activity2.form, YEAR_END),
        t('plan.followUpLine', { date: inWords.date(YEAR_END) }),
      ]) {
        expect(review).toContain(text);
      }
      // Everyday activities and a goal in her own words; nothing reaches beyond the year.
      await card.getByText(t('plan.review.principlesHeading'), { exact: true }).waitFor();
      expect(review).toContain(
        t('plan.review.gaps.sustainable', { name: ANNA.displayName, year: YEAR }),
      );
      expect(review).not.toContain(t('plan.review.gaps.motivating', { name: ANNA.displayName }));
      expect(review).not.toContain(t('plan.review.problemsHeading'));
      await button(card, t('plan.actions.propose', { name: ANNA.displayName })).click();

      card = await karin.waitForCard(t('plan.proposed.title', { name: ANNA.displayName }));
      await card
        .getByText(t('plan.proposed.delivered', { name: ANNA.displayName }), { exact: true })
        .waitFor();
    });
  });

  test('when the proposal reaches Anna and she asks for a change with a comment, then she is told Karin has it', async () => {
    await walk('ask-for-changes', anna, async () => {
      let card = await anna.waitForCard(PROPOSAL_TITLE);
      await card
        .getByText(t('plan.proposal.intro', { manager: KARIN.displayName }), { exact: true })
        .waitFor();
      const proposal = await shownText(card);
      for (const text of [
        PLAN.goal1,
        t('plan.goal.ownWords', { text: PLAN.ownWords }),
        PLAN.goal2,
        PLAN.activity1.title,
        PLAN.activity2.title,
        t('plan.followUpLine', { date: inWords.date(YEAR_END) }),
      ]) {
        expect(proposal).toContain(text);
      }
      await card
        .getByRole('textbox', {
          name: startsWith(t('plan.proposal.comment', { max: PLAN_LIMITS.changeRequestMax })),
        })
        .fill(CHANGE_REQUEST);
      await button(card, t('plan.actions.requestChanges')).click();

      card = await anna.waitForCard(t('plan.changesSent.title'));
      await card.getByText(CHANGE_REQUEST, { exact: true }).waitFor();
      await card
        .getByText(t('plan.changesSent.delivered', { manager: KARIN.displayName }), {
          exact: true,
        })
        .waitFor();
    });
  });

  test("when Karin gets Anna's comment and revises the plan, then the new proposal reaches beyond the year and goes to Anna", async () => {
    await walk('revise', karin, async () => {
      let card = await karin.waitForCard(t('plan.notice.changesTitle', { name: ANNA.displayName }));
      await card.getByText(CHANGE_REQUEST, { exact: true }).waitFor();
      await button(card, t('plan.actions.revise')).click();

      card = await karin.waitForCard(t('plan.review.heading'));
      await card
        .getByText(
          t('plan.review.changeRequested', {
            name: ANNA.displayName,
            date: inWords.day(clock.local()),
          }),
          { exact: true },
        )
        .waitFor();
      await card.getByText(CHANGE_REQUEST, { exact: true }).waitFor();
      await button(card, t('plan.actions.editActivities')).click();

      card = await karin.waitForCard(t('plan.activities.heading'));
      card = await addActivity(card, 2, { ...PLAN.activity3, due: NEXT_YEAR_DUE });
      await dateInput(card, t('plan.activities.followUp')).fill(NEXT_YEAR_FOLLOW_UP);
      await button(card, t('plan.actions.toReview')).click();

      card = await karin.waitForCard(t('plan.review.heading'));
      const review = await shownText(card);
      expect(review).toContain(PLAN.activity3.title);
      expect(review).toContain(activityMeta(PLAN.activity3.form, NEXT_YEAR_DUE));
      expect(review).toContain(t('plan.followUpLine', { date: inWords.date(NEXT_YEAR_FOLLOW_UP) }));
      // Reflection with colleagues, into next year: the principles have nothing more to add.
      expect(review).not.toContain(t('plan.review.principlesHeading'));
      await button(card, t('plan.actions.propose', { name: ANNA.displayName })).click();

      // The first proposal's card said it was sent, and so does this one.
      card = await karin.waitForCard(t('plan.proposed.title', { name: ANNA.displayName }), 2);
      await card
        .getByText(t('plan.proposed.delivered', { name: ANNA.displayName }), { exact: true })
        .waitFor();
    });
  });

  test('when Anna opens the new proposal from "min plan" and agrees, then she sees it agreed and Karin is told', async () => {
    await walk('accept', [anna, karin], async () => {
      // The new proposal arrives in her chat…
      let card = await anna.waitForCard(PROPOSAL_TITLE);
      expect(await shownText(card)).toContain(PLAN.activity3.title);
      // …and she finds it again the way she would once it has scrolled away.
      await anna.send(t('commands.myPlan.title'));
      card = await anna.waitForCard(t('myPlan.title'));
      // Her preparation, sent the day the walk began, and the plan waiting for her answer.
      const myPlan = await shownText(card);
      expect(myPlan).toContain(t('myPlan.sentOn', { date: inWords.day(START) }));
      expect(myPlan).toContain(PLAN.goal1);
      await button(card, t('plan.actions.showPlan')).click();

      card = await anna.waitForCard(PROPOSAL_TITLE, 2);
      expect(await shownText(card)).toContain(
        t('plan.followUpLine', { date: inWords.date(NEXT_YEAR_FOLLOW_UP) }),
      );
      await button(card, t('plan.actions.accept')).click();

      card = await anna.waitForCard(t('plan.employee.agreedTitle'));
      await card
        .getByText(t('plan.employee.agreedBody', { manager: KARIN.displayName }), { exact: true })
        .waitFor();
      const agreed = await shownText(card);
      expect(agreed).toContain(PLAN.activity3.title);

      await karin.focus();
      const notice = await karin.waitForCard(
        t('plan.notice.agreedTitle', { name: ANNA.displayName }),
      );
      await notice
        .getByText(t('plan.notice.agreedBody', { date: inWords.day(clock.local()) }), {
          exact: true,
        })
        .waitFor();
    });
  });

  test('when Karin writes "mitt team" again, then Anna\'s row shows the agreed plan and the coverage has moved', async () => {
    await walk('team-after', karin, async () => {
      await karin.send(t('commands.myTeam.title'));
      const card = await karin.waitForCard(t('team.overview.title'));
      const agreedOn = clock.local().startOf('day');
      const until = agreedOn.plus({ years: 1 }).minus({ days: 1 }).toISODate() ?? '';
      const current = t('team.overview.plan.currentUntil', { date: inWords.date(until) });
      await memberBlock(card, ANNA.displayName).getByText(current, { exact: true }).waitFor();
      expect(await card.getByText(current, { exact: true }).count()).toBe(1);
      const shown = await shownText(card);
      expect(shown).toContain(coverageLine(t('team.coverage.currentPlans'), 1));
      expect(shown).toContain(coverageLine(HELD_LABEL, 1));
      await expectNothingPrivateOn(karin);
    });
  });
});

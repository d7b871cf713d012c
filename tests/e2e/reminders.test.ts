import { DateTime } from 'luxon';
import demoOrganisation from '../../bot/demo/demoOrganisation.json';
import { translator } from '../../core/i18n/i18n';
import { planWritingDialogueType } from '../../core/preparation/preparation';
import { PREPARATION_STEP_COUNT } from '../../core/preparation/template';
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
 * Issue 6, "How we will check", last bullet: a dialogue scheduled for "in 2 working days" on
 * the service's clock brings the reminder card into the employee's open chat in the Agents
 * Playground, and its button starts the preparation. Karin Lindqvist books Anna Andersson's
 * dialogue through the cards, each in a real playground page of one Chromium; the real
 * service runs in this process with its reminder worker on.
 *
 * The service's clock starts in working time (tests/support/shiftedClock.ts), and the walk
 * moves it one working day on, to the reminders' due time: the worker, looking at the queue
 * every second, finds them due and sends them.
 *
 * The tests below are one walk, in order: each starts where the one before left the pages.
 */

const t = translator('sv');
const ANNA = currentUserOf('employee');
const KARIN = currentUserOf('manager');
const profile = getProfile(demoOrganisation.unit.profileId);
const policy = profile.reminderPolicy;
const dialogueType = planWritingDialogueType(profile);

/** The reminder this walk is about: the employee's last one, and the manager's only one. */
const WORKING_DAYS_BEFORE = 2;
/** Booked a working day further out, so that reminder is still to come when it is planned. */
const WORKING_DAYS_AHEAD = WORKING_DAYS_BEFORE + 1;
const START = startForBooking(DateTime.now(), WORKING_DAYS_AHEAD, policy);
const BOOKED = onWorkingDayAfter(START, WORKING_DAYS_AHEAD, { hour: 9, minute: 30 }, policy);
/** Two working days before the dialogue, at its clock time: one working day after the start. */
const REMINDERS_DUE = onWorkingDayAfter(START, 1, { hour: 9, minute: 30 }, policy);

/** "tisdag 1 december 2026 kl. 09:30": a booked time the way the cards say it. */
const timeInWords = (at: DateTime): string =>
  at.setZone(policy.timeZone).setLocale('sv').toFormat("cccc d LLLL yyyy 'kl.' HH:mm");

/** "medarbetarsamtal (utvecklingssamtal)", as a sentence or a button says it. */
const DIALOGUE_IN_SENTENCE =
  dialogueType.name.sv.charAt(0).toLocaleLowerCase('sv') + dialogueType.name.sv.slice(1);

const EMPLOYEE_REMINDER = t('reminders.employee.title', {
  dialogue: profile.wording.dialogue.sv,
  time: timeInWords(BOOKED),
});
const MANAGER_REMINDER = t('reminders.manager.title', {
  dialogue: dialogueType.name.sv,
  name: ANNA.displayName,
});
const IN_TWO_WORKING_DAYS = t('reminders.when.inWorkingDays', { count: WORKING_DAYS_BEFORE });

/** "Steg 1 av 6 – Nuläge": the heading of the preparation's first step. */
const FIRST_STEP = t('preparation.stepHeading', {
  number: 1,
  count: PREPARATION_STEP_COUNT,
  title: t('preparation.steps.current-situation.title'),
});

describeWithChromium(`${ANNA.displayName} is reminded of her dialogue in the Playground`, () => {
  const serviceLog = memoryLog();
  const clock = new ShiftedClock(START);
  let pair: PlaygroundPair | undefined;
  let anna: PlaygroundChat;
  let karin: PlaygroundChat;
  const { walk, check } = playgroundWalk(serviceLog);

  beforeAll(async () => {
    pair = await openPlaygroundPair(
      'kd-e2e-reminders-',
      { REMINDERS: 'on' },
      { logger: serviceLog.logger, now: clock.now },
    );
    ({ anna, karin } = pair);
  }, PLAYGROUND_SETUP_TIMEOUT_MS);

  afterAll(() => pair?.stop(), 30_000);

  test(`when Karin books Anna's dialogue ${WORKING_DAYS_AHEAD} working days ahead in "mitt team", then Anna is told at once`, async () => {
    await walk('book', [karin, anna], async () => {
      await karin.send(t('commands.myTeam.title'));
      let card = await karin.waitForCard(t('team.overview.title'));
      await button(
        memberBlock(card, ANNA.displayName),
        t('team.actions.book', { dialogue: DIALOGUE_IN_SENTENCE }),
      ).click();

      card = await karin.waitForCard(
        t('team.booking.bookTitle', { dialogue: DIALOGUE_IN_SENTENCE }),
      );
      await card
        .getByRole('combobox', { name: startsWith(t('team.booking.date')) })
        .fill(BOOKED.toISODate() ?? '');
      await card
        .getByRole('combobox', { name: startsWith(t('team.booking.time')) })
        .fill(BOOKED.toFormat('HH:mm'));
      await button(card, t('team.actions.confirmBook')).click();

      card = await karin.waitForCard(t('team.overview.title'));
      const booked = t('team.notice.booked', {
        dialogue: DIALOGUE_IN_SENTENCE,
        name: ANNA.displayName,
        time: timeInWords(BOOKED),
      });
      await card
        .getByText(`${booked} ${t('team.notice.delivered', { name: ANNA.displayName })}`, {
          exact: true,
        })
        .waitFor();
      await anna.focus();
      const notice = await anna.waitForCard(t('team.employee.bookedTitle'));
      await notice
        .getByText(t('team.employee.booked', { manager: KARIN.displayName }), { exact: true })
        .waitFor();
    });
  });

  test(`when a working day has passed and the dialogue is ${WORKING_DAYS_BEFORE} working days away, then the reminder card comes into Anna's open chat, naming the dialogue and its time`, async () => {
    await walk('reminder-due', anna, async () => {
      clock.moveTo(REMINDERS_DUE.plus({ minutes: 1 }));

      const card = await anna.waitForCard(EMPLOYEE_REMINDER);
      const shown = await shownText(card);
      expect(shown).toContain(IN_TWO_WORKING_DAYS);
      expect(shown).toContain(t('reminders.employee.prepare'));
      await button(card, t('actions.prepare')).waitFor();
      // The reminder ten working days before was past at the booking, so never planned.
      expect(await anna.cards(EMPLOYEE_REMINDER).count()).toBe(1);
    });
  });

  test('then Karin has her reminder too, saying Anna has not sent a preparation', async () => {
    await check('manager-reminder', karin, async () => {
      await karin.focus();
      const card = await karin.waitForCard(MANAGER_REMINDER);
      const shown = await shownText(card);
      expect(shown).toContain(`${timeInWords(BOOKED)} · ${IN_TWO_WORKING_DAYS}`);
      expect(shown).toContain(t('reminders.manager.noPreparation', { name: ANNA.displayName }));
    });
  });

  test("when Anna presses the reminder's button, then her preparation starts at its first step", async () => {
    await walk('prepare-from-reminder', anna, async () => {
      const card = await anna.waitForCard(EMPLOYEE_REMINDER);
      await button(card, t('actions.prepare')).click();
      await anna.waitForCard(FIRST_STEP);
    });
  });
});

import type { Person } from '../../core/ports/directory';
import { FakeDirectory } from '../fakes/fakeDirectory';
import { adaptiveCardProblems } from '../support/adaptiveCards';
import {
  PersonalChat,
  PREPARATION_STEPS,
  VALID_ANSWERS,
  cardActions,
  cardInputs,
  cardTexts,
  headingOf,
  invokeCard,
  type CardJson,
} from '../support/personalChat';
import { useServiceWithConnector } from '../support/serviceWithConnector';
import {
  FlakyMessenger,
  TEXTS,
  clock,
  coverageFacts,
  fill,
  memberBlock,
  newTeam,
  type Lang,
} from './teamSupport';

const directory = new FakeDirectory();
const messenger = new FlakyMessenger();
const running = useServiceWithConnector({}, { messenger, directory, now: clock.now });

beforeEach(() => {
  clock.reset();
  messenger.clear();
  running.connector.clear();
});

const chatAs = (person: Person, lang: Lang = 'sv') =>
  new PersonalChat(() => running.service, running.connector, {
    userId: person.id,
    locale: lang === 'sv' ? 'sv-SE' : 'en-US',
  });

/** A new VGR manager with two reports, known to the directory from now on. */
function freshTeam(profileId = 'vgr') {
  const team = newTeam({ profileId });
  directory.add(...team.people);
  const [employee, colleague] = team.reports as [Person, Person];
  return { ...team, employee, colleague };
}

const MEETING = {
  sv: 'medarbetarsamtal (utvecklingssamtal)',
  en: 'development dialogue',
} as const;
const WHEN = {
  sv: 'tisdag 8 december 2026 kl. 09:30',
  en: 'Tuesday 8 December 2026 at 09:30',
} as const;
const SHORT_WHEN = { sv: 'tis 8 dec. kl. 09:30', en: 'Tue 8 Dec at 09:30' } as const;

const myTeam = (lang: Lang) => (lang === 'sv' ? 'mitt team' : 'my team');

/** The manager's chat at the booking card of the employee's next dialogue. */
async function openBooking(manager: Person, employee: Person, lang: Lang = 'sv') {
  const chat = chatAs(manager, lang);
  const team = await chat.say(myTeam(lang));
  const [button] = memberBlock(team, employee.displayName).buttons;
  return { chat, booking: await chat.click(team, String(button?.title)) };
}

/** Books 8 December 09:30 and returns the team card that comes back. */
async function book(manager: Person, employee: Person, lang: Lang = 'sv') {
  const { chat, booking } = await openBooking(manager, employee, lang);
  const team = await chat.click(booking, TEXTS[lang].team.actions.confirmBook, {
    date: '2026-12-08',
    time: '09:30',
  });
  return { chat, team };
}

/** The element right after the input `id` in the card's body: where its error is said. */
function afterInput(card: CardJson, id: string): CardJson | undefined {
  const body = card.body as CardJson[];
  return body[body.findIndex((element) => element.id === id) + 1];
}

/** The one card the employee was sent, checked against Adaptive Cards 1.5. */
function sentTo(employee: Person) {
  const messages = messenger.recording.delivered(employee.id);
  expect(messages).toHaveLength(1);
  const message = messages[0] as { card: CardJson; fallbackText: string };
  expect(adaptiveCardProblems(message.card)).toEqual([]);
  return message;
}

describe('booking a dialogue', () => {
  it.each(['sv', 'en'] as const)(
    '(%s) when the manager books a valid date and time, then the team card says so, the person shows as booked, and the employee is told in Stockholm time',
    async (lang) => {
      const t = TEXTS[lang];
      const { manager, employee } = freshTeam();
      const { chat, booking } = await openBooking(manager, employee, lang);
      expect(headingOf(booking)).toBe(fill(t.team.booking.bookTitle, { dialogue: MEETING[lang] }));
      expect(cardTexts(booking)).toContain(
        fill(t.team.booking.with, { name: employee.displayName }),
      );
      expect(cardInputs(booking).get('date')).toMatchObject({
        type: 'Input.Date',
        min: '2026-11-20',
      });
      expect(cardInputs(booking).get('time')).toMatchObject({ type: 'Input.Time' });
      expect(cardInputs(booking).get('date')?.value).toBeUndefined();

      const team = await chat.click(booking, t.team.actions.confirmBook, {
        date: '2026-12-08',
        time: '09:30',
      });
      expect(headingOf(team)).toBe(t.team.overview.title);
      const name = employee.displayName;
      expect(cardTexts(team)).toContain(
        `${fill(t.team.notice.booked, { dialogue: MEETING[lang], name, time: WHEN[lang] })} ${fill(t.team.notice.delivered, { name })}`,
      );
      expect(memberBlock(team, name).facts[0]?.[1]).toBe(
        fill(t.team.overview.cycle.planned, { time: SHORT_WHEN[lang] }),
      );
      expect(memberBlock(team, name).buttons.map((b) => b.title)).toEqual([
        t.team.actions.changeBooking,
      ]);

      const { card, fallbackText } = sentTo(employee);
      expect(headingOf(card)).toBe(t.team.employee.bookedTitle);
      expect(cardTexts(card)).toEqual(
        expect.arrayContaining([
          fill(t.team.employee.booked, { manager: manager.displayName }),
          t.team.employee.whenLabel,
          WHEN[lang],
        ]),
      );
      expect(fallbackText).toContain(WHEN[lang]);
      expect(cardActions(card).map((a) => [a.title, (a.data as CardJson).command])).toEqual([
        [t.actions.prepare, 'prepare'],
        [t.team.actions.myPlan, 'myPlan'],
        [t.actions.showHelp, 'help'],
      ]);
      // Nobody else was told anything.
      expect(messenger.recording.attempts.map((a) => a.personId)).toEqual([employee.id]);
    },
  );

  it('when the employee presses "Förbered mitt samtal" on the message, then the preparation opens', async () => {
    const { manager, employee } = freshTeam();
    await book(manager, employee);
    const { card } = sentTo(employee);
    const step = await chatAs(employee).click(card, TEXTS.sv.actions.prepare);
    expect(headingOf(step)).toBe(
      fill(TEXTS.sv.preparation.stepHeading, {
        number: 1,
        count: 6,
        title: TEXTS.sv.preparation.steps['current-situation'].title,
      }),
    );
  });

  it('when the manager\'s Teams has no Universal Actions, then "Boka" as Action.Submit books too', async () => {
    const { manager, employee } = freshTeam();
    const { chat, booking } = await openBooking(manager, employee);
    const team = await chat.submitFallback(booking, TEXTS.sv.team.actions.confirmBook, {
      date: '2026-12-08',
      time: '09:30',
    });
    expect(memberBlock(team, employee.displayName).facts[0]?.[1]).toBe(
      fill(TEXTS.sv.team.overview.cycle.planned, { time: SHORT_WHEN.sv }),
    );
    expect(messenger.recording.delivered(employee.id)).toHaveLength(1);
  });

  const invalid: ReadonlyArray<[string, Lang, string, string, 'date' | 'time', string]> = [
    ['no date', 'sv', '', '09:30', 'date', 'required'],
    ['no time', 'sv', '2026-12-08', '', 'time', 'required'],
    ['a date that does not exist', 'sv', '2026-02-30', '09:30', 'date', 'invalid-date'],
    ['a date written another way', 'sv', '8/12/2026', '09:30', 'date', 'invalid-date'],
    ['a time written another way', 'sv', '2026-12-08', '9.30', 'time', 'invalid-time'],
    ['an hour past the day', 'sv', '2026-12-08', '24:00', 'time', 'invalid-time'],
    ['a time the clocks skip in March', 'sv', '2027-03-28', '02:30', 'time', 'no-such-time'],
    ['a day that has passed', 'sv', '2026-11-19', '10:00', 'date', 'in-the-past'],
    ['a time earlier today', 'sv', '2026-11-20', '09:59', 'time', 'in-the-past'],
    ['a day next year', 'sv', '2027-01-12', '09:30', 'date', 'other-year'],
    ['a time the clocks skip in March', 'en', '2027-03-28', '02:30', 'time', 'no-such-time'],
    ['a date that does not exist', 'en', '2026-02-30', '09:30', 'date', 'invalid-date'],
  ];

  it.each(invalid)(
    'when the manager sends %s (%s), then the error is said next to the input, both values are kept, and nothing is booked',
    async (_what, lang, date, time, input, problem) => {
      const t = TEXTS[lang];
      const { manager, employee } = freshTeam();
      const { chat, booking } = await openBooking(manager, employee, lang);
      const again = await chat.click(booking, t.team.actions.confirmBook, { date, time });

      expect(headingOf(again)).toBe(headingOf(booking));
      expect(cardTexts(again)).toContain(t.team.booking.fixBelow);
      const errors = t.team.booking.errors as Record<string, string>;
      expect(afterInput(again, input)).toMatchObject({
        text: fill(errors[problem] ?? '', { year: 2026 }),
        color: 'Attention',
      });
      const other = input === 'date' ? 'time' : 'date';
      expect(afterInput(again, other)?.color).not.toBe('Attention');
      const inputs = cardInputs(again);
      expect(inputs.get('date')?.value).toBe(date || undefined);
      expect(inputs.get('time')?.value).toBe(time || undefined);

      expect(messenger.recording.attempts).toEqual([]);
      const team = await chat.say(myTeam(lang));
      expect(memberBlock(team, employee.displayName).facts[0]?.[1]).toBe(
        t.team.overview.cycle['not-planned'],
      );
    },
  );

  it('when a time the clocks pass twice in October is booked, then it means the first, summer-time one', async () => {
    clock.set('2026-10-01T08:00:00Z');
    const { manager, employee } = freshTeam();
    const { chat, booking } = await openBooking(manager, employee);
    await chat.click(booking, TEXTS.sv.team.actions.confirmBook, {
      date: '2026-10-25',
      time: '02:30',
    });
    expect(cardTexts(sentTo(employee).card)).toContain('söndag 25 oktober 2026 kl. 02:30');
    // 02:30 summer time is 00:30 UTC, the winter-time one 01:30 UTC: at 00:45 the first has passed.
    clock.set('2026-10-25T00:45:00Z');
    const team = await chat.say('mitt team');
    expect(memberBlock(team, employee.displayName).buttons.map((b) => b.title)).toEqual([
      TEXTS.sv.team.actions.markHeld,
    ]);
  });

  it('when the same "Boka" is clicked twice, then it books once, tells the employee once, and the second click shows the booking with the values kept', async () => {
    const { manager, employee } = freshTeam();
    const { chat, booking } = await openBooking(manager, employee);
    const values = { date: '2026-12-08', time: '09:30' };
    await chat.click(booking, TEXTS.sv.team.actions.confirmBook, values);
    const second = await chat.click(booking, TEXTS.sv.team.actions.confirmBook, {
      date: '2026-12-09',
      time: '10:00',
    });
    expect(headingOf(second)).toBe(fill(TEXTS.sv.team.booking.moveTitle, { dialogue: MEETING.sv }));
    expect(cardTexts(second)).toEqual(
      expect.arrayContaining([
        TEXTS.sv.team.booking.stale,
        fill(TEXTS.sv.team.booking.current, { time: WHEN.sv }),
      ]),
    );
    expect(cardInputs(second).get('date')?.value).toBe('2026-12-09');
    expect(cardInputs(second).get('time')?.value).toBe('10:00');
    expect(messenger.recording.attempts).toHaveLength(1);

    // Pressed again on the card that now shows the booking, the typed time is booked.
    const team = await chat.click(second, TEXTS.sv.team.actions.confirmMove, {
      date: '2026-12-09',
      time: '10:00',
    });
    expect(memberBlock(team, employee.displayName).facts[0]?.[1]).toBe(
      fill(TEXTS.sv.team.overview.cycle.planned, { time: 'ons 9 dec. kl. 10:00' }),
    );
  });

  it('when a booking is made for a Västerbotten prestationssamtal, then the employee gets no preparation button but the way to the plan', async () => {
    const { manager, employee } = freshTeam('vasterbotten');
    const chat = chatAs(manager);
    const booking = await invokeCard(
      running.service,
      chat.options,
      {
        verb: 'team.schedule',
        data: {
          verb: 'team.schedule',
          employeeId: employee.id,
          dialogueTypeId: 'prestationssamtal',
        },
      },
      {},
    );
    expect(headingOf(booking)).toBe(
      fill(TEXTS.sv.team.booking.bookTitle, { dialogue: 'prestationssamtal' }),
    );
    const team = await chat.click(booking, TEXTS.sv.team.actions.confirmBook, {
      date: '2026-12-08',
      time: '09:30',
    });
    expect(memberBlock(team, employee.displayName).facts.map(([, value]) => value)).toEqual([
      TEXTS.sv.team.overview.cycle['not-planned'],
      fill(TEXTS.sv.team.overview.cycle.planned, { time: SHORT_WHEN.sv }),
      TEXTS.sv.team.overview.cycle['not-planned'],
      TEXTS.sv.team.overview.plan.none,
    ]);
    const { card } = sentTo(employee);
    expect(cardActions(card).map((a) => a.title)).toEqual([
      TEXTS.sv.team.actions.myPlan,
      TEXTS.sv.actions.showHelp,
    ]);
  });

  it('when a forged card names a dialogue type the profile does not have, then nothing is booked and the team is shown as it is', async () => {
    const { manager, employee } = freshTeam();
    const card = await invokeCard(
      running.service,
      chatAs(manager).options,
      {
        verb: 'team.book',
        data: { verb: 'team.book', employeeId: employee.id, dialogueTypeId: 'lonesamtal' },
      },
      { date: '2026-12-08', time: '09:30' },
    );
    expect(headingOf(card)).toBe(TEXTS.sv.team.overview.title);
    expect(cardTexts(card)).toContain(TEXTS.sv.team.notice.stale);
    expect(messenger.recording.attempts).toEqual([]);
  });

  it('when the employee moves to another manager while the booking card is open, then "Boka" is refused and nothing is stored', async () => {
    const { manager, employee } = freshTeam();
    const other = freshTeam();
    const { chat, booking } = await openBooking(manager, employee);
    directory.moveTo(employee.id, other.manager.id);
    try {
      const card = await chat.click(booking, TEXTS.sv.team.actions.confirmBook, {
        date: '2026-12-08',
        time: '09:30',
      });
      expect(headingOf(card)).toBe(TEXTS.sv.notYours.title);
      expect(cardTexts(card).join('\n')).not.toContain(employee.displayName);
      expect(messenger.recording.attempts).toEqual([]);
      // The new manager sees nothing booked.
      const team = await chatAs(other.manager).say('mitt team');
      expect(memberBlock(team, employee.displayName).facts[0]?.[1]).toBe(
        TEXTS.sv.team.overview.cycle['not-planned'],
      );
    } finally {
      directory.moveTo(employee.id, manager.id);
    }
  });
});

describe('when the employee cannot be told', () => {
  const outcomes: ReadonlyArray<
    [string, Lang, 'not-installed' | 'unreachable', (id: string) => void]
  > = [
    [
      'has not opened the app',
      'sv',
      'not-installed',
      (id) => void messenger.recording.answerFor(id, { status: 'not-installed' }),
    ],
    [
      'has blocked the bot',
      'sv',
      'unreachable',
      (id) => void messenger.recording.answerFor(id, { status: 'unreachable', reason: '403' }),
    ],
    [
      'cannot be reached over the network',
      'sv',
      'unreachable',
      (id) => void messenger.failing.add(id),
    ],
    [
      'cannot be reached over the network',
      'en',
      'unreachable',
      (id) => void messenger.failing.add(id),
    ],
  ];

  it.each(outcomes)(
    'when the employee %s (%s), then the booking stands and the manager is asked to tell them',
    async (_what, lang, notice, arrange) => {
      const t = TEXTS[lang];
      const { manager, employee } = freshTeam();
      arrange(employee.id);
      const { team } = await book(manager, employee, lang);
      const name = employee.displayName;
      expect(cardTexts(team)).toContain(
        `${fill(t.team.notice.booked, { dialogue: MEETING[lang], name, time: WHEN[lang] })} ${fill(t.team.notice[notice], { name })}`,
      );
      expect(messenger.recording.delivered(employee.id)).toEqual([]);
      const again = await chatAs(manager, lang).say(myTeam(lang));
      expect(memberBlock(again, name).facts[0]?.[1]).toBe(
        fill(t.team.overview.cycle.planned, { time: SHORT_WHEN[lang] }),
      );
    },
  );
});

describe('moving and cancelling', () => {
  it('when the manager moves a booking, then the card opens with the booked time, the dialogue moves, and the employee is told the new time', async () => {
    const { manager, employee } = freshTeam();
    const { chat, team } = await book(manager, employee);
    messenger.clear();
    const booking = await chat.click(team, TEXTS.sv.team.actions.changeBooking);
    expect(headingOf(booking)).toBe(
      fill(TEXTS.sv.team.booking.moveTitle, { dialogue: MEETING.sv }),
    );
    expect(cardTexts(booking)).toContain(fill(TEXTS.sv.team.booking.current, { time: WHEN.sv }));
    expect(cardInputs(booking).get('date')?.value).toBe('2026-12-08');
    expect(cardInputs(booking).get('time')?.value).toBe('09:30');

    const moved = await chat.click(booking, TEXTS.sv.team.actions.confirmMove, {
      date: '2026-12-10',
      time: '14:00',
    });
    const newTime = 'torsdag 10 december 2026 kl. 14:00';
    const name = employee.displayName;
    expect(cardTexts(moved)).toContain(
      `${fill(TEXTS.sv.team.notice.moved, { dialogue: MEETING.sv, name, time: newTime })} ${fill(TEXTS.sv.team.notice.delivered, { name })}`,
    );
    const { card } = sentTo(employee);
    expect(headingOf(card)).toBe(TEXTS.sv.team.employee.movedTitle);
    expect(cardTexts(card)).toContain(newTime);

    // One dialogue, moved: cancelling it leaves nothing booked.
    const again = await chat.click(moved, TEXTS.sv.team.actions.changeBooking);
    const confirm = await chat.click(again, TEXTS.sv.team.actions.cancelBooking);
    const cancelled = await chat.click(confirm, TEXTS.sv.team.actions.confirmCancel);
    expect(memberBlock(cancelled, name).facts[0]?.[1]).toBe(
      TEXTS.sv.team.overview.cycle['not-planned'],
    );
  });

  it.each(['sv', 'en'] as const)(
    '(%s) when the manager cancels, then it is asked once more, "No" keeps it, "Yes" cancels and the employee is told',
    async (lang) => {
      const t = TEXTS[lang];
      const { manager, employee } = freshTeam();
      const { chat, team } = await book(manager, employee, lang);
      messenger.clear();
      const name = employee.displayName;
      const booking = await chat.click(team, t.team.actions.changeBooking);
      const confirm = await chat.click(booking, t.team.actions.cancelBooking);
      expect(headingOf(confirm)).toBe(
        fill(t.team.confirmCancel.title, { dialogue: MEETING[lang], name }),
      );
      expect(cardTexts(confirm)).toContain(
        fill(t.team.confirmCancel.body, { time: WHEN[lang], name }),
      );
      expect(chat.button(booking, t.team.actions.cancelBooking).associatedInputs).toBe('none');

      const kept = await chat.click(confirm, t.team.actions.keepBooking);
      expect(headingOf(kept)).toBe(fill(t.team.booking.moveTitle, { dialogue: MEETING[lang] }));
      expect(messenger.recording.attempts).toEqual([]);

      const cancelled = await chat.click(confirm, t.team.actions.confirmCancel);
      expect(cardTexts(cancelled)).toContain(
        `${fill(t.team.notice.cancelled, { dialogue: MEETING[lang], name })} ${fill(t.team.notice.delivered, { name })}`,
      );
      expect(memberBlock(cancelled, name).facts[0]?.[1]).toBe(t.team.overview.cycle['not-planned']);
      const { card } = sentTo(employee);
      expect(headingOf(card)).toBe(t.team.employee.cancelledTitle);
      expect(cardTexts(card)).toEqual(
        expect.arrayContaining([t.team.employee.wasLabel, WHEN[lang]]),
      );
      expect(cardActions(card).map((a) => a.title)).not.toContain(t.actions.prepare);
    },
  );

  it('when "Ja, avboka" is clicked again after the cancellation, then nothing changes, nobody is told twice, and the current state is shown', async () => {
    const { manager, employee } = freshTeam();
    const { chat, team } = await book(manager, employee);
    const confirm = await chat.click(
      await chat.click(team, TEXTS.sv.team.actions.changeBooking),
      TEXTS.sv.team.actions.cancelBooking,
    );
    await chat.click(confirm, TEXTS.sv.team.actions.confirmCancel);
    messenger.clear();
    const again = await chat.click(confirm, TEXTS.sv.team.actions.confirmCancel);
    expect(cardTexts(again)).toContain(TEXTS.sv.team.notice.stale);
    expect(memberBlock(again, employee.displayName).facts[0]?.[1]).toBe(
      TEXTS.sv.team.overview.cycle['not-planned'],
    );
    expect(messenger.recording.attempts).toEqual([]);
  });

  it('when a cancel card is clicked after the booking was moved, then the moved booking stands', async () => {
    const { manager, employee } = freshTeam();
    const { chat, team } = await book(manager, employee);
    const booking = await chat.click(team, TEXTS.sv.team.actions.changeBooking);
    const confirm = await chat.click(booking, TEXTS.sv.team.actions.cancelBooking);
    await chat.click(booking, TEXTS.sv.team.actions.confirmMove, {
      date: '2026-12-10',
      time: '14:00',
    });
    messenger.clear();
    for (const card of [booking, confirm]) {
      const title =
        card === booking
          ? TEXTS.sv.team.actions.cancelBooking
          : TEXTS.sv.team.actions.confirmCancel;
      const again = await chat.click(card, title);
      expect(cardTexts(again)).toContain(TEXTS.sv.team.notice.stale);
      expect(memberBlock(again, employee.displayName).facts[0]?.[1]).toBe(
        fill(TEXTS.sv.team.overview.cycle.planned, { time: 'tors 10 dec. kl. 14:00' }),
      );
    }
    expect(messenger.recording.attempts).toEqual([]);
  });
});

describe('marking a dialogue held', () => {
  it('when a booked time has passed, then the manager marks it held, coverage moves, and the next step is the plan', async () => {
    const { manager, employee } = freshTeam();
    await book(manager, employee);
    const chat = chatAs(manager);
    const held = TEXTS.sv.team.coverage.held;
    const share = TEXTS.sv.team.coverage.share;
    const heldRow = fill(held, { dialogue: 'Medarbetarsamtal (utvecklingssamtal)' });

    // Before the time, there is nothing to mark.
    const before = await chat.say('mitt team');
    expect(() => chat.button(before, TEXTS.sv.team.actions.markHeld)).toThrow();

    clock.set('2026-12-08T09:45:00Z');
    const team = await chat.say('mitt team');
    const name = employee.displayName;
    expect(memberBlock(team, name).facts[0]?.[1]).toBe(
      fill(TEXTS.sv.team.overview.cycle.passed, { time: SHORT_WHEN.sv }),
    );
    expect(coverageFacts(team)).toContainEqual([
      heldRow,
      fill(share, { part: 0, whole: 2, percent: 0 }),
    ]);

    const after = await chat.click(team, TEXTS.sv.team.actions.markHeld);
    expect(cardTexts(after)).toContain(
      fill(TEXTS.sv.team.notice.held, { dialogue: MEETING.sv, name }),
    );
    expect(memberBlock(after, name).facts[0]?.[1]).toBe(
      fill(TEXTS.sv.team.overview.cycle.heldOn, { date: '8 december' }),
    );
    expect(coverageFacts(after)).toContainEqual([
      heldRow,
      fill(share, { part: 1, whole: 2, percent: 50 }),
    ]);
    expect(memberBlock(after, name).buttons).toEqual([
      expect.objectContaining({
        title: TEXTS.sv.team.actions.writePlan,
        data: { verb: 'plan.start', employeeId: employee.id },
      }),
    ]);
    // Marking is between the manager and the app: the employee gets no message.
    expect(messenger.recording.attempts).toHaveLength(1);

    // A held dialogue is not booked again: its booking card says so and offers no "Boka".
    const schedule = {
      verb: 'team.schedule',
      employeeId: employee.id,
      dialogueTypeId: 'medarbetarsamtal',
    };
    const heldCard = await invokeCard(
      running.service,
      chat.options,
      { verb: schedule.verb, data: schedule },
      {},
    );
    expect(headingOf(heldCard)).toBe('Medarbetarsamtal (utvecklingssamtal)');
    expect(cardTexts(heldCard)).toEqual(
      expect.arrayContaining([
        TEXTS.sv.team.booking.held,
        fill(TEXTS.sv.team.booking.heldAt, { time: WHEN.sv }),
      ]),
    );
    expect(cardInputs(heldCard).size).toBe(0);
    expect(cardActions(heldCard).map((a) => a.title)).toEqual([
      TEXTS.sv.team.actions.backToTeam,
      TEXTS.sv.actions.showHelp,
    ]);

    // The old card's button again: already held, nothing changes.
    const again = await chat.click(team, TEXTS.sv.team.actions.markHeld);
    expect(cardTexts(again)).toContain(TEXTS.sv.team.notice.stale);
    expect(coverageFacts(again)).toContainEqual([
      heldRow,
      fill(share, { part: 1, whole: 2, percent: 50 }),
    ]);
  });

  it('when "mark held" is forged before the booked time, then nothing changes', async () => {
    const { manager, employee } = freshTeam();
    const { chat } = await book(manager, employee);
    const forged = {
      verb: 'team.markHeld',
      employeeId: employee.id,
      dialogueTypeId: 'medarbetarsamtal',
      bookedAt: '2026-12-08T09:30:00+01:00',
    };
    const card = await invokeCard(
      running.service,
      chat.options,
      { verb: forged.verb, data: forged },
      {},
    );
    expect(cardTexts(card)).toContain(TEXTS.sv.team.notice.stale);
    expect(memberBlock(card, employee.displayName).facts[0]?.[1]).toBe(
      fill(TEXTS.sv.team.overview.cycle.planned, { time: SHORT_WHEN.sv }),
    );
  });
});

describe('a dialogue the employee has prepared', () => {
  it('when the employee prepared before a time was set, then booking uses that dialogue, and cancelling keeps the preparation', async () => {
    const { manager, employee } = freshTeam();
    const employeeChat = chatAs(employee);
    let card = await employeeChat.say('förbered mitt samtal');
    for (const [step, button] of PREPARATION_STEPS)
      card = await employeeChat.click(card, button, VALID_ANSWERS[step]);
    await employeeChat.click(card, TEXTS.sv.preparation.actions.send);
    messenger.clear();

    const { chat, booking } = await openBooking(manager, employee);
    const name = employee.displayName;
    expect(cardTexts(booking)).toContain(fill(TEXTS.sv.team.booking.prepared, { name }));
    const team = await chat.click(booking, TEXTS.sv.team.actions.confirmBook, {
      date: '2026-12-08',
      time: '09:30',
    });
    messenger.clear();
    expect(memberBlock(team, name).facts[0]?.[1]).toBe(
      fill(TEXTS.sv.team.overview.cycle.prepared, { time: SHORT_WHEN.sv }),
    );

    const confirm = await chat.click(
      await chat.click(team, TEXTS.sv.team.actions.changeBooking),
      TEXTS.sv.team.actions.cancelBooking,
    );
    expect(cardTexts(confirm)).toContain(
      fill(TEXTS.sv.team.confirmCancel.preparationKept, { name }),
    );
    const after = await chat.click(confirm, TEXTS.sv.team.actions.confirmCancel);
    expect(memberBlock(after, name).facts[0]?.[1]).toBe(
      TEXTS.sv.team.overview.cycle.preparedNotBooked,
    );
    expect(headingOf(sentTo(employee).card)).toBe(TEXTS.sv.team.employee.cancelledTitle);
  });
});

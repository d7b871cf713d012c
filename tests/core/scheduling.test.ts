import { DialogueSchema, type DialogueStatus } from '../../core';
import {
  bookDialogue,
  cancelDialogue,
  formatDialogueTime,
  localDateAndTime,
  markDialogueHeld,
  scheduledInstant,
  type ScheduleProblem,
} from '../../core/cycle/scheduling';
import { dialogue } from './planBuilders';

const ZONE = 'Europe/Stockholm';
/** Well before every time the tests book. */
const NEW_YEAR = new Date('2026-01-01T00:00:00Z');

describe('reading the date and time a manager picks', () => {
  it.each([
    ['a winter day', '2026-12-08', '09:30', '2026-12-08T09:30:00+01:00'],
    ['a summer day', '2026-06-16', '09:30', '2026-06-16T09:30:00+02:00'],
    ['midnight', '2026-12-08', '00:00', '2026-12-08T00:00:00+01:00'],
    ['the last minute of the day', '2026-12-08', '23:59', '2026-12-08T23:59:00+01:00'],
    ['the minute before the clocks go forward', '2027-03-28', '01:59', '2027-03-28T01:59:00+01:00'],
    [
      'the first minute after they went forward',
      '2027-03-28',
      '03:00',
      '2027-03-28T03:00:00+02:00',
    ],
    ['a leap day', '2028-02-29', '13:15', '2028-02-29T13:15:00+01:00'],
  ])('when it is %s, then it is stored with the offset of that day', (_c, date, time, instant) => {
    expect(scheduledInstant(date, time, ZONE, NEW_YEAR)).toEqual({
      ok: true,
      scheduledAt: instant,
    });
  });

  it('when the time was booked, then the stored instant is the same moment as in UTC', () => {
    const result = scheduledInstant('2026-06-16', '09:30', ZONE, NEW_YEAR);
    if (!result.ok) throw new Error(result.problem);
    expect(new Date(result.scheduledAt).toISOString()).toBe('2026-06-16T07:30:00.000Z');
  });

  it.each([
    ['02:30 on the last Sunday of March 2027', '2027-03-28', '02:30'],
    ['02:00, the first skipped minute', '2027-03-28', '02:00'],
    ['02:59, the last skipped minute', '2027-03-28', '02:59'],
    ['02:30 on the last Sunday of March 2026', '2026-03-29', '02:30'],
  ])('when it is %s, which the clocks skip, then there is no such time', (_c, date, time) => {
    expect(scheduledInstant(date, time, ZONE, NEW_YEAR)).toEqual({
      ok: false,
      problem: 'no-such-time',
    });
  });

  it.each([
    ['02:00', '2026-10-25T02:00:00+02:00', '2026-10-25T00:00:00.000Z'],
    ['02:30', '2026-10-25T02:30:00+02:00', '2026-10-25T00:30:00.000Z'],
    ['02:59', '2026-10-25T02:59:00+02:00', '2026-10-25T00:59:00.000Z'],
  ])(
    'when it is %s on the last Sunday of October, which happens twice, then it is the first, summer-time one',
    (time, instant, utc) => {
      const result = scheduledInstant('2026-10-25', time, ZONE, NEW_YEAR);
      expect(result).toEqual({ ok: true, scheduledAt: instant });
      if (result.ok) expect(new Date(result.scheduledAt).toISOString()).toBe(utc);
    },
  );

  it.each([
    ['01:59', '2026-10-25T01:59:00+02:00'],
    ['03:00', '2026-10-25T03:00:00+01:00'],
  ])('when it is %s around the repeated hour, then it happens once', (time, instant) => {
    expect(scheduledInstant('2026-10-25', time, ZONE, NEW_YEAR)).toEqual({
      ok: true,
      scheduledAt: instant,
    });
  });

  it.each<[string, string, string, ScheduleProblem]>([
    ['a thirteenth month', '2026-13-01', '09:30', 'invalid-date'],
    ['the 30th of February', '2026-02-30', '09:30', 'invalid-date'],
    ['the 29th of February outside a leap year', '2027-02-29', '09:30', 'invalid-date'],
    ['an empty date', '', '09:30', 'invalid-date'],
    ['a date without zero padding', '2026-12-8', '09:30', 'invalid-date'],
    ['a Swedish-style date', '8/12/2026', '09:30', 'invalid-date'],
    ['a date with a time in it', '2026-12-08T09:30', '09:30', 'invalid-date'],
    ['hour 25', '2026-12-08', '25:00', 'invalid-time'],
    ['hour 24', '2026-12-08', '24:00', 'invalid-time'],
    ['minute 60', '2026-12-08', '09:60', 'invalid-time'],
    ['an empty time', '2026-12-08', '', 'invalid-time'],
    ['an hour without zero padding', '2026-12-08', '9:30', 'invalid-time'],
    ['seconds', '2026-12-08', '09:30:00', 'invalid-time'],
    ['a time with a dot', '2026-12-08', '09.30', 'invalid-time'],
    ['both wrong: the date is named first', '2026-13-01', '25:00', 'invalid-date'],
  ])('when given %s (%j %j), then it is refused as %s', (_c, date, time, problem) => {
    expect(scheduledInstant(date, time, ZONE, NEW_YEAR)).toEqual({ ok: false, problem });
  });

  it('when the time zone is unknown, then it refuses instead of blaming the manager’s time', () => {
    expect(() => scheduledInstant('2026-12-08', '09:30', 'Europe/Atlantis', NEW_YEAR)).toThrow(
      /Unknown time zone "Europe\/Atlantis"/,
    );
  });

  // 09:30 in Stockholm on 8 December is 08:30 UTC; each case places "now" around it.
  it.each([
    ['a minute ago', '2026-12-08T08:31:00Z', false],
    ['a millisecond ago', '2026-12-08T08:30:00.001Z', false],
    ['exactly now', '2026-12-08T08:30:00Z', false],
    ['a year ago', '2027-12-08T08:30:00Z', false],
    ['in a millisecond', '2026-12-08T08:29:59.999Z', true],
    ['in a minute', '2026-12-08T08:29:00Z', true],
  ])('when 09:30 on 8 December is %s, then it is accepted: %s', (_c, now, accepted) => {
    expect(scheduledInstant('2026-12-08', '09:30', ZONE, new Date(now))).toEqual(
      accepted
        ? { ok: true, scheduledAt: '2026-12-08T09:30:00+01:00' }
        : { ok: false, problem: 'in-the-past' },
    );
  });
});

describe('showing a booked time again', () => {
  it.each([
    ['2026-12-08', '09:30'],
    ['2026-06-16', '17:45'],
    ['2026-10-25', '02:30'],
    ['2027-03-28', '03:00'],
    ['2026-12-31', '23:59'],
    ['2027-01-01', '00:00'],
  ])('when %s %s was booked, then the card shows the same date and time', (date, time) => {
    const result = scheduledInstant(date, time, ZONE, NEW_YEAR);
    if (!result.ok) throw new Error(result.problem);
    expect(localDateAndTime(result.scheduledAt, ZONE)).toEqual({ date, time });
  });

  it('when the instant was stored in UTC, then the card shows it in Stockholm time', () => {
    expect(localDateAndTime('2026-12-31T23:30:00Z', ZONE)).toEqual({
      date: '2027-01-01',
      time: '00:30',
    });
  });

  it.each([
    ['sv', '2026-12-08T09:30:00+01:00', ['tisdag', '8', 'december', '2026', 'kl.', '09:30']],
    ['en', '2026-12-08T09:30:00+01:00', ['Tuesday', '8', 'December', '2026', '09:30']],
    ['sv', '2026-06-16T09:30:00+02:00', ['tisdag', '16', 'juni', '2026', 'kl.', '09:30']],
    ['en', '2026-06-16T09:30:00+02:00', ['Tuesday', '16', 'June', '2026', '09:30']],
    ['sv', '2026-10-03T07:15:00Z', ['lördag', '3', 'oktober', '09:15']],
    ['en', '2026-10-03T07:15:00Z', ['Saturday', '3', 'October', '09:15']],
  ] as const)('when shown in %s, then %s reads in that language', (language, instant, words) => {
    const shown = formatDialogueTime(instant, ZONE, language);
    for (const word of words) expect(shown.split(' ')).toContain(word);
  });

  it.each([
    ['sv', ['Tuesday', 'December', 'at']],
    ['en', ['tisdag', 'december', 'kl.']],
  ] as const)(
    'when shown in %s, then no word of the other language slips in',
    (language, foreign) => {
      const shown = formatDialogueTime('2026-12-08T09:30:00+01:00', ZONE, language);
      for (const word of foreign) expect(shown.split(' ')).not.toContain(word);
    },
  );

  it('when shown in Swedish, then it reads as the card says it', () => {
    expect(formatDialogueTime('2026-12-08T09:30:00+01:00', ZONE, 'sv')).toBe(
      'tisdag 8 december 2026 kl. 09:30',
    );
  });
});

describe('booking, cancelling and holding a dialogue', () => {
  const at = '2026-12-08T09:30:00+01:00';

  it.each<[DialogueStatus, DialogueStatus]>([
    ['planned', 'planned'],
    ['cancelled', 'planned'],
    ['prepared', 'prepared'],
    ['held', 'held'],
  ])('when a %s dialogue is booked or moved, then it is %s at the new time', (from, to) => {
    const before = dialogue({ status: from });
    const booked = bookDialogue(before, at);
    expect(booked).toEqual({ ...before, status: to, scheduledAt: at });
    expect(DialogueSchema.safeParse(booked).success).toBe(true);
  });

  it('when a dialogue not yet booked gets a time, then it has one', () => {
    const unbooked = dialogue({ status: 'prepared' });
    delete unbooked.scheduledAt;
    expect(bookDialogue(unbooked, at)).toEqual({ ...unbooked, scheduledAt: at });
  });

  it.each<DialogueStatus>(['planned', 'prepared'])(
    'when a %s dialogue is cancelled, then it is cancelled and keeps its time',
    (status) => {
      const before = dialogue({ status });
      expect(cancelDialogue(before)).toEqual({ ...before, status: 'cancelled' });
    },
  );

  it.each<DialogueStatus>(['planned', 'prepared'])(
    'when a %s dialogue is marked held, then it is held and keeps its time',
    (status) => {
      const before = dialogue({ status });
      expect(markDialogueHeld(before)).toEqual({ ...before, status: 'held' });
    },
  );

  it('when a dialogue changes, then the one it came from is left as it was', () => {
    const before = dialogue({ status: 'planned' });
    const copy = structuredClone(before);
    bookDialogue(before, at);
    cancelDialogue(before);
    markDialogueHeld(before);
    expect(before).toEqual(copy);
  });
});

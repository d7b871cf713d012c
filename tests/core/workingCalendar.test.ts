import { DateTime } from 'luxon';
import { defaultReminderPolicy, type ReminderPolicy } from '../../core/profiles/profileSchema';
import {
  firstWorkingDayAfter,
  firstWorkingDayFrom,
  isWithinWorkingTime,
  isWorkingDay,
  nextWorkingInstant,
  spreadTimeOfDay,
  workingDaysAfter,
  workingDaysBefore,
} from '../../core/reminders/workingCalendar';

const policy = defaultReminderPolicy();

/** An instant as people in Stockholm read it, offset included, so DST shows in the table. */
const stockholm = (instant: Date): string | null =>
  DateTime.fromJSDate(instant, { zone: 'Europe/Stockholm' }).toISO({
    suppressMilliseconds: true,
  });

describe('which days are working days', () => {
  it.each([
    ['a Tuesday', '2026-03-10', true],
    ['a Saturday', '2026-03-14', false],
    ['a Sunday', '2026-03-15', false],
    ['skärtorsdagen (a working day)', '2026-04-02', true],
    ['långfredagen', '2026-04-03', false],
    ['påskafton, a Saturday', '2026-04-04', false],
    ['annandag påsk', '2026-04-06', false],
    ['the Tuesday after Easter', '2026-04-07', true],
    ['valborgsmässoafton (a working day)', '2026-04-30', true],
    ['första maj', '2026-05-01', false],
    ['Kristi himmelsfärdsdag', '2026-05-14', false],
    ['the Friday after Kristi himmelsfärd (a working day)', '2026-05-15', true],
    ['nationaldagen on a Friday in 2025', '2025-06-06', false],
    ['the Thursday before midsommar', '2026-06-18', true],
    ['midsommarafton (a bank holiday)', '2026-06-19', false],
    ['dagen före julafton', '2026-12-23', true],
    ['julafton', '2026-12-24', false],
    ['juldagen', '2026-12-25', false],
    ['the Monday after Christmas', '2026-12-28', true],
    ['nyårsafton', '2026-12-31', false],
    ['nyårsdagen', '2027-01-01', false],
    ['trettondedag jul', '2027-01-06', false],
    ['a leap day', '2028-02-29', true],
  ])('when it is %s (%s), then working day is %s', (_case, date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it.each([['2026-02-30'], ['26-03-10'], ['2026-3-10'], ['']])(
    'when the date is %p, then it is refused',
    (date) => {
      expect(() => isWorkingDay(date)).toThrow(RangeError);
    },
  );

  it.each([
    ['a working day', '2026-03-10', '2026-03-10', '2026-03-11'],
    ['a Saturday', '2026-03-14', '2026-03-16', '2026-03-16'],
    ['långfredagen', '2026-04-03', '2026-04-07', '2026-04-07'],
    ['skärtorsdagen', '2026-04-02', '2026-04-02', '2026-04-07'],
    ['midsommarafton', '2026-06-19', '2026-06-22', '2026-06-22'],
    ['dagen före julafton', '2026-12-23', '2026-12-23', '2026-12-28'],
    ['nyårsafton', '2026-12-31', '2027-01-04', '2027-01-04'],
  ])(
    'when it is %s (%s), then the first working day from it is %s and after it %s',
    (_case, date, from, after) => {
      expect(firstWorkingDayFrom(date)).toBe(from);
      expect(firstWorkingDayAfter(date)).toBe(after);
    },
  );
});

describe('whether an instant is within working time', () => {
  it.each([
    ['08:00 on a Tuesday, the start', '2026-03-10T08:00:00+01:00', true],
    ['a second before the start', '2026-03-10T07:59:59+01:00', false],
    ['a second before the end', '2026-03-10T16:59:59+01:00', true],
    ['17:00, the end', '2026-03-10T17:00:00+01:00', false],
    ['midday on a Saturday', '2026-03-14T12:00:00+01:00', false],
    ['midday on långfredagen', '2026-04-03T12:00:00+02:00', false],
    ['midday on midsommarafton', '2026-06-19T12:00:00+02:00', false],
    [
      '15:30 UTC on the Friday before the spring change (16:30 local)',
      '2026-03-27T15:30:00Z',
      true,
    ],
    ['15:30 UTC on the Monday after it (17:30 local)', '2026-03-30T15:30:00Z', false],
    [
      '06:30 UTC on the Friday before the autumn change (08:30 local)',
      '2026-10-23T06:30:00Z',
      true,
    ],
    ['06:30 UTC on the Monday after it (07:30 local)', '2026-10-26T06:30:00Z', false],
    ['23:30 UTC on a Friday, already Saturday in Stockholm', '2026-03-13T23:30:00Z', false],
  ])('when it is %s, then it is %s', (_case, instant, expected) => {
    expect(isWithinWorkingTime(new Date(instant), policy)).toBe(expected);
  });

  it('when the profile works 07:00–15:00, then 15:30 is outside and 07:30 within', () => {
    const early: ReminderPolicy = { ...policy, workingHours: { start: '07:00', end: '15:00' } };
    expect(isWithinWorkingTime(new Date('2026-03-10T15:30:00+01:00'), early)).toBe(false);
    expect(isWithinWorkingTime(new Date('2026-03-10T07:30:00+01:00'), early)).toBe(true);
  });
});

describe('the next working instant', () => {
  it.each([
    ['within working time', '2026-03-10T10:15:30+01:00', '2026-03-10T10:15:30+01:00'],
    ['early on a working day', '2026-03-10T06:45:00+01:00', '2026-03-10T08:00:00+01:00'],
    [
      'just after midnight on a working day',
      '2026-03-10T00:30:00+01:00',
      '2026-03-10T08:00:00+01:00',
    ],
    ['at the end of a Thursday', '2026-03-12T17:00:00+01:00', '2026-03-13T08:00:00+01:00'],
    ['a Friday evening', '2026-03-13T21:00:00+01:00', '2026-03-16T08:00:00+01:00'],
    ['a Saturday', '2026-03-14T12:00:00+01:00', '2026-03-16T08:00:00+01:00'],
    ['skärtorsdagen evening', '2026-04-02T17:30:00+02:00', '2026-04-07T08:00:00+02:00'],
    ['annandag påsk', '2026-04-06T09:00:00+02:00', '2026-04-07T08:00:00+02:00'],
    ['midsommarafton', '2026-06-19T10:00:00+02:00', '2026-06-22T08:00:00+02:00'],
    ['dagen före julafton, evening', '2026-12-23T18:00:00+01:00', '2026-12-28T08:00:00+01:00'],
    ['the spring change weekend', '2026-03-28T12:00:00+01:00', '2026-03-30T08:00:00+02:00'],
    ['the autumn change weekend', '2026-10-24T12:00:00+02:00', '2026-10-26T08:00:00+01:00'],
  ])('when it is %s, then it is %s → %s', (_case, instant, expected) => {
    expect(stockholm(nextWorkingInstant(new Date(instant), policy))).toBe(expected);
  });

  it('when the instant is within working time, then the very same instant comes back', () => {
    const instant = new Date('2026-03-10T10:15:30.250+01:00');
    expect(nextWorkingInstant(instant, policy)).toBe(instant);
  });
});

describe('counting working days before an instant', () => {
  it.each([
    ['2 before a Thursday', '2026-03-12T09:30:00+01:00', 2, '2026-03-10T09:30:00+01:00'],
    [
      '2 before a Tuesday, over a weekend',
      '2026-03-10T09:30:00+01:00',
      2,
      '2026-03-06T09:30:00+01:00',
    ],
    [
      '1 before the Tuesday after Easter',
      '2026-04-07T10:00:00+02:00',
      1,
      '2026-04-02T10:00:00+02:00',
    ],
    [
      '2 before the Wednesday after Easter',
      '2026-04-08T10:00:00+02:00',
      2,
      '2026-04-02T10:00:00+02:00',
    ],
    [
      '10 before a dialogue after Easter, across the spring change',
      '2026-04-14T09:30:00+02:00',
      10,
      '2026-03-27T09:30:00+01:00',
    ],
    [
      '1 before the Monday after midsommar',
      '2026-06-22T13:00:00+02:00',
      1,
      '2026-06-18T13:00:00+02:00',
    ],
    [
      '2 before the Monday after Christmas',
      '2026-12-28T09:00:00+01:00',
      2,
      '2026-12-22T09:00:00+01:00',
    ],
    [
      '2 before the Tuesday after the spring change',
      '2026-03-31T09:30:00+02:00',
      2,
      '2026-03-27T09:30:00+01:00',
    ],
    [
      '2 before the Tuesday after the autumn change',
      '2026-10-27T09:30:00+01:00',
      2,
      '2026-10-23T09:30:00+02:00',
    ],
    ['1 before a Saturday', '2026-03-14T10:00:00+01:00', 1, '2026-03-13T10:00:00+01:00'],
    ['0 before a Tuesday', '2026-03-10T09:30:00+01:00', 0, '2026-03-10T09:30:00+01:00'],
    ['0 before a Saturday', '2026-03-14T10:00:00+01:00', 0, '2026-03-13T10:00:00+01:00'],
    [
      '2 before an early dialogue (clamped to the start)',
      '2026-03-12T07:15:00+01:00',
      2,
      '2026-03-10T08:00:00+01:00',
    ],
    [
      '2 before a dialogue at 16:59 (kept)',
      '2026-03-12T16:59:00+01:00',
      2,
      '2026-03-10T16:59:00+01:00',
    ],
    [
      '2 before a dialogue at 17:00 (half an hour before the end)',
      '2026-03-12T17:00:00+01:00',
      2,
      '2026-03-10T16:30:00+01:00',
    ],
    ['2 before an evening dialogue', '2026-03-12T18:45:00+01:00', 2, '2026-03-10T16:30:00+01:00'],
  ])('when it is %s, then %s minus %i working days is %s', (_case, instant, days, expected) => {
    expect(stockholm(workingDaysBefore(new Date(instant), days, policy))).toBe(expected);
  });

  it('when the local clock time is kept across the spring change, then the UTC hour differs', () => {
    const dialogueAt = new Date('2026-03-31T07:30:00Z');
    expect(workingDaysBefore(dialogueAt, 2, policy).toISOString()).toBe('2026-03-27T08:30:00.000Z');
  });

  it('when the working day is shorter than half an hour, then an evening time lands at the start', () => {
    const short: ReminderPolicy = { ...policy, workingHours: { start: '08:00', end: '08:15' } };
    const result = workingDaysBefore(new Date('2026-03-12T18:00:00+01:00'), 2, short);
    expect(stockholm(result)).toBe('2026-03-10T08:00:00+01:00');
  });
});

describe('counting working days after an instant', () => {
  it.each([
    ['1 after a Tuesday', '2026-03-10T09:30:00+01:00', 1, '2026-03-11T09:30:00+01:00'],
    ['1 after skärtorsdagen', '2026-04-02T14:00:00+02:00', 1, '2026-04-07T14:00:00+02:00'],
    [
      '1 after the Thursday before midsommar',
      '2026-06-18T15:00:00+02:00',
      1,
      '2026-06-22T15:00:00+02:00',
    ],
    ['1 after dagen före julafton', '2026-12-23T10:00:00+01:00', 1, '2026-12-28T10:00:00+01:00'],
    [
      '1 after the day before nyårsafton',
      '2026-12-30T10:00:00+01:00',
      1,
      '2027-01-04T10:00:00+01:00',
    ],
    [
      '1 after the Friday before the spring change',
      '2026-03-27T09:30:00+01:00',
      1,
      '2026-03-30T09:30:00+02:00',
    ],
    [
      '1 after the Friday before the autumn change',
      '2026-10-23T09:30:00+02:00',
      1,
      '2026-10-26T09:30:00+01:00',
    ],
    ['1 after an evening dialogue', '2026-03-10T19:00:00+01:00', 1, '2026-03-11T16:30:00+01:00'],
    ['1 after an early dialogue', '2026-03-10T07:00:00+01:00', 1, '2026-03-11T08:00:00+01:00'],
    ['0 after a Saturday', '2026-03-14T10:00:00+01:00', 0, '2026-03-16T10:00:00+01:00'],
  ])('when it is %s, then %s plus %i working days is %s', (_case, instant, days, expected) => {
    expect(stockholm(workingDaysAfter(new Date(instant), days, policy))).toBe(expected);
  });

  it.each([[-1], [1.5], [Number.NaN]])('when the days are %p, then they are refused', (days) => {
    const instant = new Date('2026-03-10T09:30:00+01:00');
    expect(() => workingDaysAfter(instant, days, policy)).toThrow(RangeError);
    expect(() => workingDaysBefore(instant, days, policy)).toThrow(RangeError);
  });
});

describe("a person's own time of day", () => {
  const people = Array.from({ length: 2000 }, (_, i) => `person-${i}`);

  it('when 2,000 people get a time, then each lies between 08:00 and 16:00', () => {
    const minutes = people.map((person) => spreadTimeOfDay(person, policy));
    expect(Math.min(...minutes)).toBeGreaterThanOrEqual(8 * 60);
    expect(Math.max(...minutes)).toBeLessThan(16 * 60);
  });

  it('when 2,000 people get a time, then every hour of the window gets a fair share', () => {
    const perHour = new Map<number, number>();
    for (const person of people) {
      const hour = Math.floor(spreadTimeOfDay(person, policy) / 60);
      perHour.set(hour, (perHour.get(hour) ?? 0) + 1);
    }
    // Eight hours, 250 each if perfectly even.
    expect([...perHour.keys()].sort((a, b) => a - b)).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
    for (const count of perHour.values()) {
      expect(count).toBeGreaterThan(150);
      expect(count).toBeLessThan(350);
    }
  });

  it('when the same person is asked about under another profile, then the time follows its hours', () => {
    const early: ReminderPolicy = { ...policy, workingHours: { start: '06:00', end: '10:00' } };
    const minutes = people.map((person) => spreadTimeOfDay(person, early));
    expect(Math.min(...minutes)).toBeGreaterThanOrEqual(6 * 60);
    expect(Math.max(...minutes)).toBeLessThan(9 * 60);
  });

  it('when working hours are under an hour, then everyone gets the start', () => {
    const short: ReminderPolicy = { ...policy, workingHours: { start: '08:00', end: '08:30' } };
    expect(new Set(people.map((person) => spreadTimeOfDay(person, short)))).toEqual(
      new Set([8 * 60]),
    );
  });
});

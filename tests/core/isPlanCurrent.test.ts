import { isPlanCurrent } from '../../core';

describe('whether a plan is current', () => {
  const agreedAt = '2026-03-15T10:00:00+01:00';

  it.each([
    ['the day before it was agreed', '2026-03-14', false],
    ['the day it was agreed', '2026-03-15', true],
    ['half a year later', '2026-09-15', true],
    ['the last day of the twelve months', '2027-03-14', true],
    ['a year to the day later', '2027-03-15', false],
    ['two years later', '2028-03-15', false],
  ])('when asked %s, then it is %s', (_case, today, expected) => {
    expect(isPlanCurrent({ agreedAt }, today)).toBe(expected);
  });

  it('when the plan has never been agreed, then it is not current', () => {
    expect(isPlanCurrent({ agreedAt: undefined }, '2026-06-01')).toBe(false);
  });

  it('when agreed just after midnight in Stockholm, then that Stockholm date counts, not UTC’s', () => {
    // 00:30 in Stockholm is still the previous day in UTC.
    const plan = { agreedAt: '2026-03-15T00:30:00+01:00' };
    expect(isPlanCurrent(plan, '2027-03-14')).toBe(true);
    expect(isPlanCurrent(plan, '2026-03-14')).toBe(false);
  });

  it('when agreed on a leap day, then it lasts until the end of February the next year', () => {
    const plan = { agreedAt: '2024-02-29T09:00:00+01:00' };
    expect(isPlanCurrent(plan, '2025-02-27')).toBe(true);
    expect(isPlanCurrent(plan, '2025-02-28')).toBe(false);
  });

  it('when agreed on New Year’s Eve, then it runs out at the end of the next year', () => {
    const plan = { agreedAt: '2025-12-31T15:00:00+01:00' };
    expect(isPlanCurrent(plan, '2026-12-30')).toBe(true);
    expect(isPlanCurrent(plan, '2026-12-31')).toBe(false);
  });

  it('when the date asked about is not a date, then it refuses instead of guessing', () => {
    expect(() => isPlanCurrent({ agreedAt }, '2026-3-1')).toThrow(RangeError);
    expect(() => isPlanCurrent({ agreedAt }, '2026-02-30')).toThrow(/not a date/);
  });
});

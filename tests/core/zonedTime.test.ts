import { dateAt, yearAt } from '../../core/time/zonedTime';

describe('yearAt', () => {
  it.each([
    // New Year's night: already the new year in Stockholm (UTC+1), still the old one in UTC.
    ['2026-12-31T23:30:00Z', 'Europe/Stockholm', 2027],
    ['2026-12-31T22:59:59Z', 'Europe/Stockholm', 2026],
    ['2026-12-31T23:30:00Z', 'UTC', 2026],
    ['2026-07-01T12:00:00Z', 'Europe/Stockholm', 2026],
  ])('%s in %s is in %i', (instant, zone, year) => {
    expect(yearAt(new Date(instant), zone)).toBe(year);
  });
});

describe('dateAt', () => {
  it.each([
    ['2026-03-29T22:30:00Z', 'Europe/Stockholm', '2026-03-30'],
    ['2026-03-29T21:59:00Z', 'Europe/Stockholm', '2026-03-29'],
    ['2026-10-25T22:59:00Z', 'Europe/Stockholm', '2026-10-25'],
    ['2026-10-25T23:00:00Z', 'Europe/Stockholm', '2026-10-26'],
  ])('%s in %s is %s', (instant, zone, date) => {
    expect(dateAt(new Date(instant), zone)).toBe(date);
  });
});

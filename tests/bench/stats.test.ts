import { percentile, roundMs, summarize } from '../../bench/stats';

const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

describe('benchmark percentiles (nearest rank)', () => {
  it.each([
    [0, 1],
    [1, 1],
    [50, 50],
    [95, 95],
    [99, 99],
    [99.5, 100],
    [100, 100],
  ])('when asked for p%s of 1…100, then it is %s', (p, expected) => {
    expect(percentile(oneToHundred, p)).toBe(expected);
  });

  it('when there are fewer samples than the percentile needs, then it answers a measured value, never an interpolated one', () => {
    expect(percentile([3, 7, 20], 50)).toBe(7);
    expect(percentile([3, 7, 20], 95)).toBe(20);
    expect(percentile([10, 20], 50)).toBe(10);
  });

  it('when there is a single sample, then every percentile is that sample', () => {
    expect([0, 50, 99, 100].map((p) => percentile([4.2], p))).toEqual([4.2, 4.2, 4.2, 4.2]);
  });

  it('when there are no samples or the percentile is outside 0–100, then it refuses instead of guessing', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('a latency summary', () => {
  it('when the samples arrive unsorted, then the summary is the same as for sorted ones', () => {
    const shuffled = [...oneToHundred].sort((a, b) => ((a * 37) % 101) - ((b * 37) % 101));
    expect(summarize(shuffled)).toEqual({
      count: 100,
      p50: 50,
      p95: 95,
      p99: 99,
      max: 100,
      mean: 50.5,
    });
  });

  it('when a few turns are very slow, then p99 and max show them and p50 does not', () => {
    const samples = [...Array.from({ length: 98 }, () => 5), 900, 1200];
    const summary = summarize(samples);
    expect(summary.p50).toBe(5);
    expect(summary.p95).toBe(5);
    expect(summary.p99).toBe(900);
    expect(summary.max).toBe(1200);
  });

  it('when samples are fractional milliseconds, then they sort numerically, not as text', () => {
    expect(summarize([10.5, 9.25, 100.1, 2]).max).toBe(100.1);
    expect(summarize([10.5, 9.25, 100.1, 2]).p50).toBe(9.25);
  });

  it('when nothing was measured, then the summary says so with nulls', () => {
    expect(summarize([])).toEqual({
      count: 0,
      p50: null,
      p95: null,
      p99: null,
      max: null,
      mean: null,
    });
  });

  it('when rounding for the report, then milliseconds keep one decimal and null stays null', () => {
    expect(roundMs(12.345)).toBe(12.3);
    expect(roundMs(0.05)).toBe(0.1);
    expect(roundMs(null)).toBeNull();
  });
});

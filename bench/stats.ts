/** Latency statistics for the benchmarks: nearest-rank percentiles over every sample kept. */

export interface LatencySummary {
  count: number;
  /** Milliseconds; null when there were no samples. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  mean: number | null;
}

/**
 * The nearest-rank percentile of values sorted ascending: the smallest value with at least
 * `p` per cent of the values at or below it. No interpolation, so the answer is always a
 * latency that was measured. p = 0 gives the minimum, p = 100 the maximum.
 */
export function percentile(sortedAscending: readonly number[], p: number): number {
  if (sortedAscending.length === 0) throw new RangeError('percentile of no values');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside 0–100`);
  const rank = Math.max(1, Math.ceil((p / 100) * sortedAscending.length));
  return sortedAscending[rank - 1] as number;
}

export function summarize(values: readonly number[]): LatencySummary {
  if (values.length === 0) {
    return { count: 0, p50: null, p95: null, p99: null, max: null, mean: null };
  }
  const sorted = Float64Array.from(values).sort();
  const asArray = Array.from(sorted);
  let sum = 0;
  for (const value of asArray) sum += value;
  return {
    count: asArray.length,
    p50: percentile(asArray, 50),
    p95: percentile(asArray, 95),
    p99: percentile(asArray, 99),
    max: asArray[asArray.length - 1] as number,
    mean: sum / asArray.length,
  };
}

/** A number for a table or a JSON line: milliseconds to one decimal, null kept as null. */
export function roundMs(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

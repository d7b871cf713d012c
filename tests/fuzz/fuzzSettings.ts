import fc from 'fast-check';

/**
 * How much the fuzz tests generate. `npm test` runs a fixed seed and a bounded count, so a
 * failure there is the same failure on every machine. `npm run fuzz` sets FUZZ_RUNS to a
 * larger count and draws a random seed, printed so a failure can be replayed with FUZZ_SEED.
 */
const FIXED_SEED = 20_261_126;

function positiveInteger(value: string | undefined): number | undefined {
  const parsed = Number(value);
  return value !== undefined && Number.isInteger(parsed) && parsed > 0 ? parsed : undefined;
}

function integer(value: string | undefined): number | undefined {
  const parsed = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isInteger(parsed)
    ? parsed
    : undefined;
}

const longRuns = positiveInteger(process.env.FUZZ_RUNS);
const chosenSeed = integer(process.env.FUZZ_SEED);

export const FUZZ_SEED =
  chosenSeed ?? (longRuns === undefined ? FIXED_SEED : (Math.random() * 2 ** 31) | 0);

if (longRuns !== undefined || chosenSeed !== undefined) {
  // The one thing a long run must say before anything can fail: how to replay it.
  process.stdout.write(
    `fuzz: seed ${FUZZ_SEED}, ${longRuns ?? 'default'} runs a property (replay: FUZZ_SEED=${FUZZ_SEED})\n`,
  );
}

/**
 * The number of runs a property gets: its default in `npm test`, FUZZ_RUNS in a long run, at
 * most `longRunsCap` for a property whose runs are slow by design (a request left to time out).
 */
export function runsOf(defaultRuns: number, longRunsCap = Number.POSITIVE_INFINITY): number {
  return longRuns === undefined ? defaultRuns : Math.min(longRuns, longRunsCap);
}

/**
 * fast-check's parameters for one property. Each property gets its own seed derived from the
 * run's, so adding a property does not change what the others generate.
 */
export function fuzzParameters<T>(
  property: string,
  defaultRuns: number,
  longRunsCap?: number,
): fc.Parameters<T> {
  let hash = FUZZ_SEED;
  for (const char of property) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return { seed: hash, numRuns: runsOf(defaultRuns, longRunsCap) };
}

/** Whether this is the long `npm run fuzz` run (heavier inputs, bigger batches). */
export const LONG_RUN = longRuns !== undefined;

import fc from 'fast-check';
import { LONG_RUN } from './fuzzSettings';

/**
 * Values a careless or hostile client sends where something else belongs: every JSON type,
 * odd strings (control characters, lone surrogates, markup, prototype keys), numbers at the
 * edges, deep and wide structures, and now and then a huge string.
 */

/** Strings that have broken parsers before: empty, blank, control, markup, injection, paths. */
export const nastyString = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\n\r\t',
  '\uD800',
  '\u202Eevil',
  '🙂'.repeat(50),
  '<script>alert(1)</script>',
  "'; drop table individual_plans; --",
  '${7*7}{{7*7}}',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'NaN',
  'null',
  'undefined',
  '-1',
  '1e309',
  '2026-02-30',
  '9999-12-31T23:59:59Z',
  'sv-SE',
  'en',
  'x'.repeat(201),
);

/** A string several kilobytes to (in a long run) a hundred kilobytes long. */
export const hugeString = fc
  .tuple(
    fc.constantFrom('x', 'å', '🙂', '<a>', '\\u0000'),
    fc.integer({ min: 2_000, max: LONG_RUN ? 60_000 : 8_000 }),
  )
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)));

export const anyString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: hugeString },
);

const edgeNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE),
);

/** Any JSON value, strings and numbers from the sets above, with prototype-looking keys. */
export const garbage: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: anyString },
    { weight: 2, arbitrary: edgeNumber },
    { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 5 }) },
    {
      weight: 1,
      arbitrary: fc.dictionary(
        fc.oneof(
          fc.string({ maxLength: 12 }),
          fc.constantFrom('__proto__', 'constructor', 'verb', 'type', 'id'),
        ),
        tie('value'),
        { maxKeys: 5 },
      ),
    },
  ),
})).value;

/** Garbage, or the field left out (undefined is dropped by JSON). */
export const garbageOrMissing = fc.oneof(garbage, fc.constant(undefined));

/**
 * A seeded corpus of EventBridge patterns and events for the differential test: every operator
 * (valid and malformed forms), `$or`, nested objects, and events with arrays, arrays of objects
 * and nested arrays. Names and values come from small pools so that patterns and events meet.
 */
import fc from 'fast-check';

const NAMES = ['a', 'b', 'c'];

const STRINGS = [
  'abc',
  'ABC',
  'Abc',
  'abd',
  'ab',
  '',
  'a*c',
  'a\\c',
  'xyz',
  'flight.delay.major',
  'Flight.Delay.MAJOR',
  'é',
  'É',
  'null',
  'true',
  '5',
  '10.0.0.1',
  '10.0.0.255',
  '10.1.2.3',
  '192.168.1.7',
  '0.0.0.0',
  '255.255.255.255',
  '2001:db8::1',
  '2001:DB8:0:0:0:0:0:1',
  '2001:db9::',
  '::1',
  '::',
  'fe80::1:2',
  'a00::1',
  '::ffff:a00:1',
  '10:30',
  '1::2::3',
  '10.0.1',
];

const NUMBERS = [0, 1, -1, 5, 5.5, 10, 30, 120, 121, -0.5, 1000, 1e6, 0.25, 99.99];

const stringValue = fc.constantFrom(...STRINGS);
const numberValue = fc.oneof(fc.constantFrom(...NUMBERS), fc.integer({ min: -200, max: 200 }));
const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: stringValue },
  { weight: 3, arbitrary: numberValue },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
);

/** Event values: scalars, objects, arrays of scalars, arrays of objects, nested arrays. */
const eventValue: fc.Memo<unknown> = fc.memo((depth) =>
  depth <= 1
    ? scalar
    : fc.oneof(
        { weight: 5, arbitrary: scalar },
        { weight: 2, arbitrary: eventObject(depth - 1) },
        { weight: 2, arbitrary: fc.array(eventValue(depth - 1), { maxLength: 3 }) },
      ),
);

function eventObject(depth: number): fc.Arbitrary<Record<string, unknown>> {
  return fc.dictionary(fc.constantFrom(...NAMES), eventValue(depth), { minKeys: 1, maxKeys: 3 });
}

export const eventArbitrary = eventObject(4);

const prefixes = fc.constantFrom('a', 'ab', 'AB', 'flight.', 'x', '', '10.', 'é', '1');
const suffixes = fc.constantFrom('c', 'bc', 'BC', '.major', 'z', '', '::1', 'É', '5');
const goodWildcards = ['a*', '*c', 'a*c', '*', 'a\\*c', 'a\\\\c', 'flight.*.major', '*.*', ''];
const badWildcards = ['a**c', 'a\\b', 'abc\\'];
const goodCidrs = [
  '10.0.0.0/8',
  '10.0.0.0/24',
  '10.0.0.1/31',
  '192.168.0.0/16',
  '0.0.0.0/0',
  '2001:db8::/32',
  '2001:db8::1/127',
  '::/0',
  'fe80::/10',
  '::ffff:a00:0/104',
];
const badCidrs = [
  '10.0.0.0/32',
  '2001:db8::/128',
  '10.0.0.0',
  '10.0.0.0/-1',
  '10.0.0.0/x',
  'x/8',
  '1::2::3/64',
];

/** The pieces of a pattern; with `invalid`, malformed forms are mixed in. */
function conditions(invalid: boolean) {
  const pick = <T>(good: T[], bad: T[]) => fc.constantFrom(...(invalid ? [...good, ...bad] : good));
  const wildcards = pick(goodWildcards, badWildcards);
  const numericExpression = fc.oneof(
    fc.tuple(fc.constantFrom('=', '<', '<=', '>', '>='), numberValue),
    fc
      .tuple(fc.constantFrom('>', '>='), numberValue, fc.constantFrom('<', '<='), numberValue)
      .filter(([, low, , high]) => invalid || low < high),
    ...(invalid
      ? [
          fc.constantFrom(
            [],
            [5],
            ['=', '5'],
            ['<', 5, '>', 1],
            ['>', 1, '<'],
            ['>', 1, '<', 5, 6],
            ['!=', 5],
            ['=', 5, 6],
            ['>', 5, 5],
          ),
        ]
      : []),
  );
  const anythingBut = fc
    .oneof(
      stringValue,
      numberValue,
      fc.array(stringValue, { minLength: 1, maxLength: 3 }),
      fc.array(numberValue, { minLength: 1, maxLength: 3 }),
      fc.record({ prefix: fc.oneof(prefixes, fc.array(prefixes, { minLength: 1, maxLength: 2 })) }),
      fc.record({ suffix: fc.oneof(suffixes, fc.array(suffixes, { minLength: 1, maxLength: 2 })) }),
      fc.record({
        'equals-ignore-case': fc.oneof(
          stringValue,
          fc.array(stringValue, { minLength: 1, maxLength: 2 }),
        ),
      }),
      fc.record({
        wildcard: fc.oneof(wildcards, fc.array(wildcards, { minLength: 1, maxLength: 1 })),
      }),
      ...(invalid
        ? [
            fc.constantFrom(
              [],
              ['a', 1],
              [null],
              null,
              true,
              {},
              { regex: 'a' },
              { prefix: 5 },
              { suffix: ['a', 1] },
            ),
          ]
        : []),
    )
    .filter((value) => invalid || !isEmptyAffix(value));
  const condition: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 5, arbitrary: scalar },
    { weight: 2, arbitrary: fc.record({ prefix: prefixes }) },
    { weight: 1, arbitrary: fc.record({ prefix: fc.record({ 'equals-ignore-case': prefixes }) }) },
    { weight: 2, arbitrary: fc.record({ suffix: suffixes }) },
    { weight: 1, arbitrary: fc.record({ suffix: fc.record({ 'equals-ignore-case': suffixes }) }) },
    { weight: 2, arbitrary: fc.record({ 'equals-ignore-case': stringValue }) },
    { weight: 2, arbitrary: fc.record({ wildcard: wildcards }) },
    { weight: 3, arbitrary: fc.record({ numeric: numericExpression }) },
    { weight: 4, arbitrary: fc.record({ 'anything-but': anythingBut }) },
    { weight: 3, arbitrary: fc.record({ exists: fc.boolean() }) },
    { weight: 3, arbitrary: fc.record({ cidr: pick(goodCidrs, badCidrs) }) },
    { weight: 1, arbitrary: fc.record({ exactly: stringValue }) },
    ...(invalid
      ? [
          {
            weight: 2,
            arbitrary: fc.constantFrom<unknown>(
              {},
              { numeric: [] },
              { foo: 1 },
              { prefix: 5 },
              { exists: 'yes' },
              { prefix: 'a', suffix: 'c' },
              { numeric: ['>', 1], exists: true },
              { 'anything-but': 'a', prefix: 'b' },
              { cidr: 10 },
              { wildcard: 1 },
              [],
              ['a'],
              { prefix: {} },
              { prefix: { wildcard: 'a' } },
              { suffix: { 'equals-ignore-case': 1 } },
            ),
          },
        ]
      : []),
  );
  return fc.array(condition, { minLength: 1, maxLength: 3 });
}

/** `anything-but` prefix or suffix "" is refused; a clean pattern leaves it out. */
function isEmptyAffix(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).some((v) => v === '' || (Array.isArray(v) && v.includes('')));
}

/**
 * Alternatives of one `$or` never share a condition on the same field: event-ruler merges such
 * alternatives and loses the other conditions of the wider one (with `$or: [{c: [{prefix: "x"}]},
 * {c: [{prefix: "x"}, {suffix: "1"}]}]`, `{c: "a1"}` matches nothing there), which is neither
 * EventBridge's documented meaning nor ours.
 */
function alternativesApart(alternatives: Record<string, unknown>[]): boolean {
  const seen = new Set<string>();
  for (const alternative of alternatives) {
    const own = new Set(conditionKeys(alternative, ''));
    for (const key of own) if (seen.has(key)) return false;
    for (const key of own) seen.add(key);
  }
  return true;
}

function conditionKeys(pattern: unknown, path: string): string[] {
  if (Array.isArray(pattern)) return pattern.map((c) => `${path}=${JSON.stringify(c)}`);
  if (typeof pattern !== 'object' || pattern === null) return [];
  return Object.entries(pattern).flatMap(([name, value]) =>
    name === '$or' && Array.isArray(value)
      ? value.flatMap((alternative) => conditionKeys(alternative, path))
      : conditionKeys(value, `${path}.${name}`),
  );
}

/** Patterns: nested objects of field conditions, sometimes `$or`, sometimes malformed. */
function patternObject(invalid: boolean): fc.Memo<Record<string, unknown>> {
  const fieldConditions = conditions(invalid);
  const memo: fc.Memo<Record<string, unknown>> = fc.memo((depth) => {
    const value: fc.Arbitrary<unknown> =
      depth <= 1
        ? fieldConditions
        : fc.oneof(
            { weight: 4, arbitrary: fieldConditions },
            { weight: 2, arbitrary: memo(depth - 1) },
            ...(invalid
              ? [{ weight: 1, arbitrary: fc.constantFrom<unknown>('a', 5, [], {}, null) }]
              : []),
          );
    const fields = fc.dictionary(fc.constantFrom(...NAMES), value, { minKeys: 1, maxKeys: 2 });
    if (depth <= 1) return fields;
    const alternatives = fc.array(memo(depth - 1), { minLength: invalid ? 1 : 2, maxLength: 3 });
    return fc.oneof(
      { weight: 6, arbitrary: fields },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fields, alternatives.filter(alternativesApart))
          .map(([f, or]) => ({ ...f, $or: or })),
      },
      ...(invalid
        ? [
            {
              weight: 1,
              arbitrary: fc.constantFrom<Record<string, unknown>>(
                {},
                { $or: {} },
                { $or: [{ a: ['x'] }, 5] },
                { $or: [{ a: ['x'] }, { prefix: ['x'] }] },
                { $or: [{ a: ['x'] }, { b: { numeric: [5] } }] },
              ),
            },
          ]
        : []),
    );
  });
  return memo;
}

/** Four in five patterns are well formed; the rest may hold any malformed piece. */
export const patternArbitrary = fc.oneof(
  { weight: 4, arbitrary: patternObject(false)(3) },
  { weight: 1, arbitrary: patternObject(true)(3) },
);

export interface CorpusPair {
  pattern: unknown;
  event: Record<string, unknown>;
}

/** `patterns` patterns, each paired with `eventsPerPattern` events, reproducible from `seed`. */
export function generateCorpus(
  seed: number,
  patterns: number,
  eventsPerPattern: number,
): CorpusPair[] {
  const pairs = fc.sample(
    fc.tuple(
      patternArbitrary,
      fc.array(eventArbitrary, { minLength: eventsPerPattern, maxLength: eventsPerPattern }),
    ),
    { seed, numRuns: patterns },
  );
  return pairs.flatMap(([pattern, events]) => events.map((event) => ({ pattern, event })));
}

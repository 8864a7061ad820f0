/**
 * Validates an EventBridge event pattern and compiles it into branches: one per combination of
 * `$or` alternatives, each a map from a flattened field path (`detail.flight_id`) to the value
 * conditions any of which that field must meet. Invalid patterns are refused with the reason
 * EventBridge gives (the wording of AWS's event-ruler, which EventBridge reports).
 */
import { InvalidPatternError } from './invalid-pattern-error.ts';
import { ipAddressHex, looksLikeIpAddress } from './ip-address.ts';
import { isObject, type JsonObject } from './json-object.ts';
import { compileMatchExpression } from './match-expression.ts';
import type { ValueMatcher } from './value-matchers.ts';

export type Branch = Map<string, ValueMatcher[]>;

export interface CompiledPattern {
  readonly branches: readonly Branch[];
}

export type EventPattern = { [field: string]: unknown };

/** A field name that may not appear inside `$or`: EventBridge reserves it for operators. */
const RESERVED_IN_OR = new Set([
  'exactly',
  'equals-ignore-case',
  'prefix',
  'suffix',
  'anything-but',
  'exists',
  'wildcard',
  'numeric',
  'cidr',
  '=',
  '<',
  '<=',
  '>',
  '>=',
  'regex',
  'not-wildcard',
  'not-equals-ignore-case',
  'date-after',
  'date-on-or-after',
  'date-before',
  'date-on-or-before',
  'in-date-range',
  'ip-address-in-range',
  'ip-address-not-in-range',
]);

/**
 * @example
 * compilePattern({ 'detail-type': [{ prefix: 'flight.delay.' }] }).branches.length; // 1
 * compilePattern({}); // throws InvalidPatternError('Empty objects are not allowed')
 */
export function compilePattern(pattern: unknown): CompiledPattern {
  if (!isObject(pattern)) throw new InvalidPatternError('Filter is not an object');
  const branches: Branch[] = [];
  compileObject(branches, [], pattern, false);
  markNumberDigits(branches);
  return { branches };
}

function compileObject(branches: Branch[], path: string[], object: JsonObject, inOr: boolean) {
  const entries = Object.entries(object);
  for (const [name, value] of entries) {
    if (name === '$or') {
      compileOr(branches, path, value);
      continue;
    }
    if (inOr && RESERVED_IN_OR.has(name)) {
      throw new InvalidPatternError(
        `${name} is Ruler reserved fieldName which cannot be used inside $or.`,
      );
    }
    if (isObject(value)) {
      compileObject(branches, [...path, name], value, inOr);
    } else if (Array.isArray(value)) {
      addCondition(branches, [...path, name].join('.'), compileValues(value));
    } else {
      throw new InvalidPatternError(`"${name}" must be an object or an array`);
    }
  }
  if (entries.length === 0) throw new InvalidPatternError('Empty objects are not allowed');
}

/** Each `$or` alternative forks every branch so far; later fields apply to all of them. */
function compileOr(branches: Branch[], path: string[], alternatives: unknown): void {
  if (!Array.isArray(alternatives)) {
    throw new InvalidPatternError('It must be an Array followed with $or.');
  }
  const before = branches.map((b) => new Map(b));
  branches.length = 0;
  for (const alternative of alternatives) {
    if (!isObject(alternative)) {
      throw new InvalidPatternError('Only JSON object is allowed in array of $or relationship.');
    }
    const forked = before.length > 0 ? before.map((b) => new Map(b)) : [new Map()];
    compileObject(forked, path, alternative, true);
    branches.push(...forked);
  }
  if (alternatives.length < 2) {
    throw new InvalidPatternError('There must have at least 2 Objects in $or relationship.');
  }
}

/**
 * EventBridge reads a number's digits against address conditions only on a field with no
 * numeric condition (otherwise the number is read as a number). Its automaton keeps one value
 * matcher per field and position: `$or` branches share it when the fields before it (in path
 * order) carry the same conditions, so a numeric condition in one such branch counts for all.
 */
function markNumberDigits(branches: Branch[]): void {
  const automatonKey = (branch: Branch, path: string) =>
    JSON.stringify(
      [...branch.keys()]
        .sort()
        .filter((p) => p < path)
        .map((p) => [p, conditionKey(branch.get(p) ?? [])]),
    ) + path;
  const keyed = branches.map((branch) =>
    [...branch].map(([path, matchers]) => ({ path, matchers, key: automatonKey(branch, path) })),
  );
  const numeric = new Set(
    keyed.flat().flatMap(({ matchers, key }) => (matchers.some(isNumericCondition) ? [key] : [])),
  );
  for (const [i, branch] of branches.entries()) {
    for (const { path, matchers, key } of keyed[i] ?? []) {
      const numberDigits = !numeric.has(key);
      branch.set(
        path,
        matchers.map((m) => (m.kind === 'address-range' ? { ...m, numberDigits } : m)),
      );
    }
  }
}

function conditionKey(matchers: readonly ValueMatcher[]): string {
  return JSON.stringify(matchers, (_, value: unknown) =>
    value instanceof RegExp ? String(value) : value instanceof Set ? [...value] : value,
  );
}

function isNumericCondition(matcher: ValueMatcher): boolean {
  return (
    matcher.kind === 'number' ||
    matcher.kind === 'range' ||
    (matcher.kind === 'anything-but' && matcher.numbers.length > 0)
  );
}

/** A later condition on the same path replaces an earlier one, as in EventBridge. */
function addCondition(branches: Branch[], path: string, matchers: ValueMatcher[]): void {
  if (branches.length === 0) branches.push(new Map());
  for (const branch of branches) branch.set(path, matchers);
}

function compileValues(values: unknown[]): ValueMatcher[] {
  const matchers: ValueMatcher[] = [];
  for (const value of values) {
    if (isObject(value)) {
      matchers.push(compileMatchExpression(value));
    } else if (typeof value === 'string') {
      matchers.push(compileLiteralString(value));
    } else if (typeof value === 'number' && Number.isFinite(value)) {
      matchers.push({ kind: 'number', value });
    } else if (value === null || typeof value === 'boolean') {
      matchers.push({ kind: 'literal', text: String(value) as 'true' | 'false' | 'null' });
    } else {
      throw new InvalidPatternError('Match value must be String, number, true, false, or null');
    }
  }
  if (matchers.length === 0) throw new InvalidPatternError('Empty arrays are not allowed');
  return matchers;
}

/** A literal that is an IP address matches the address however the event spells it. */
function compileLiteralString(text: string): ValueMatcher {
  if (looksLikeIpAddress(text)) {
    const range = singleAddressRange(text);
    if (range) return range;
  }
  return { kind: 'exact', text };
}

function singleAddressRange(text: string): ValueMatcher | undefined {
  const hex = ipAddressHex(text);
  return hex === undefined ? undefined : { kind: 'address-range', low: hex, high: hex };
}

/**
 * EventBridge event-pattern matching with EventBridge's semantics, checked against AWS's own
 * matcher (event-ruler) by a differential test over generated patterns and events:
 * - every field of the pattern must match; a field's array lists alternatives; `$or` forks;
 * - an array in the event matches when any element does, for every operator (`anything-but`
 *   included: `["a","b"]` is anything-but `"a"` because `"b"` is);
 * - fields inside an array of objects must match within one element;
 * - `exists` looks at leaf values only: an object or an empty array does not exist;
 * - patterns are validated first and refused with EventBridge's reason.
 */
import { type Branch, type CompiledPattern, compilePattern } from './compile-pattern.ts';
import {
  type ArrayMembership,
  type EventField,
  flattenEvent,
  mergeMemberships,
} from './flatten-event.ts';
import { matchesValue, type ValueMatcher } from './value-matchers.ts';

export type { CompiledPattern, EventPattern } from './compile-pattern.ts';
export { compilePattern } from './compile-pattern.ts';
export { flattenEvent } from './flatten-event.ts';
export { InvalidPatternError } from './invalid-pattern-error.ts';

const compiledByPattern = new WeakMap<object, CompiledPattern>();

/**
 * @example
 * matchesPattern({ 'detail-type': [{ prefix: 'flight.delay.' }] }, { 'detail-type': 'flight.delay.minor' }); // true
 */
export function matchesPattern(pattern: object, event: unknown): boolean {
  let compiled = compiledByPattern.get(pattern);
  if (!compiled) {
    compiled = compilePattern(pattern);
    compiledByPattern.set(pattern, compiled);
  }
  return matchesCompiled(compiled, event);
}

export function matchesCompiled(compiled: CompiledPattern, event: unknown): boolean {
  return matchesFlattened(compiled, flattenEvent(event));
}

/** Against an event flattened once (`flattenEvent`), as a bus does for all its rules. */
export function matchesFlattened(
  compiled: CompiledPattern,
  fields: Map<string, EventField[]>,
): boolean {
  return compiled.branches.some((branch) => matchesBranch(branch, fields));
}

/**
 * Fields are taken in sorted path order, as EventBridge walks them; each choice of event value
 * narrows which array elements later fields may come from, and `exists: false` holds when no
 * value of the path is left in those elements.
 */
function matchesBranch(branch: Branch, fields: Map<string, EventField[]>): boolean {
  const paths = [...branch.keys()].sort();
  const walk = (step: number, membership: ArrayMembership): boolean => {
    const path = paths[step];
    if (path === undefined) return true;
    const matchers = branch.get(path) as ValueMatcher[];
    const candidates: { field: EventField; merged: ArrayMembership }[] = [];
    for (const field of fields.get(path) ?? []) {
      const merged = mergeMemberships(membership, field.membership);
      if (merged) candidates.push({ field, merged });
    }
    const absent = matchers.some((m) => m.kind === 'exists' && !m.exists);
    if (absent && candidates.length === 0 && walk(step + 1, membership)) return true;
    return candidates.some(
      ({ field, merged }) =>
        matchers.some((m) => matchesValue(m, field.value)) && walk(step + 1, merged),
    );
  };
  return walk(0, new Map());
}

/**
 * The compiled form of one value condition of an event pattern, and how it tests one leaf value
 * of an event. As in EventBridge, every string condition applies to strings only, numeric
 * conditions to numbers only, and `anything-but` accepts any leaf value it does not exclude.
 */
import { ipAddressHex } from './ip-address.ts';

/** A leaf of the event: a string, a number, or `true`/`false`/`null`. */
export type LeafValue =
  | { kind: 'string'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'literal'; text: 'true' | 'false' | 'null' };

export type ValueMatcher =
  | { kind: 'exact'; text: string }
  | { kind: 'literal'; text: 'true' | 'false' | 'null' }
  | { kind: 'number'; value: number }
  | { kind: 'address-range'; low: string; high: string; numberDigits?: boolean }
  | { kind: 'prefix'; text: string; ignoreCase: boolean }
  | { kind: 'suffix'; text: string; ignoreCase: boolean }
  | { kind: 'equals-ignore-case'; text: string }
  | { kind: 'wildcard'; pattern: RegExp }
  | { kind: 'range'; low?: number; lowOpen: boolean; high?: number; highOpen: boolean }
  | { kind: 'exists'; exists: boolean }
  | { kind: 'anything-but'; strings: ReadonlySet<string>; numbers: readonly number[] }
  | { kind: 'anything-but-ignore-case'; texts: readonly string[] }
  | { kind: 'anything-but-prefix'; texts: readonly string[] }
  | { kind: 'anything-but-suffix'; texts: readonly string[] }
  | { kind: 'anything-but-wildcard'; patterns: readonly RegExp[] };

/** Whether a present leaf value satisfies the condition (`exists: false` never does). */
export function matchesValue(matcher: ValueMatcher, value: LeafValue): boolean {
  const text = value.kind === 'string' ? value.text : undefined;
  switch (matcher.kind) {
    case 'exact':
      return text === matcher.text;
    case 'literal':
      return value.kind === 'literal' && value.text === matcher.text;
    case 'number':
      return value.kind === 'number' && value.value === matcher.value;
    case 'address-range':
      return inAddressRange(addressDigits(value, matcher.numberDigits === true), matcher);
    case 'prefix':
      return text !== undefined && startsWith(text, matcher.text, matcher.ignoreCase);
    case 'suffix':
      return text !== undefined && endsWith(text, matcher.text, matcher.ignoreCase);
    case 'equals-ignore-case':
      return text !== undefined && equalsIgnoringCase(matcher.text, text);
    case 'wildcard':
      return text !== undefined && matcher.pattern.test(text);
    case 'range':
      return value.kind === 'number' && inRange(value.value, matcher);
    case 'exists':
      return matcher.exists;
    default:
      return !excludedByAnythingBut(matcher, text, value);
  }
}

function excludedByAnythingBut(
  matcher: Extract<ValueMatcher, { kind: `anything-but${string}` }>,
  text: string | undefined,
  value: LeafValue,
): boolean {
  if (matcher.kind === 'anything-but') {
    if (value.kind === 'number') return matcher.numbers.includes(value.value);
    return text !== undefined && matcher.strings.has(text);
  }
  // An empty list of exclusions accepts nothing, as in EventBridge.
  const exclusions = matcher.kind === 'anything-but-wildcard' ? matcher.patterns : matcher.texts;
  if (exclusions.length === 0) return true;
  if (text === undefined) return false;
  switch (matcher.kind) {
    case 'anything-but-ignore-case':
      return matcher.texts.some((t) => equalsIgnoringCase(t, text));
    case 'anything-but-prefix':
      return matcher.texts.some((t) => text.startsWith(t));
    case 'anything-but-suffix':
      return matcher.texts.some((t) => text.endsWith(t));
    case 'anything-but-wildcard':
      return matcher.patterns.some((p) => p.test(text));
  }
}

function inRange(
  value: number,
  range: { low?: number; lowOpen: boolean; high?: number; highOpen: boolean },
): boolean {
  const { low, high } = range;
  if (low !== undefined && (range.lowOpen ? value <= low : value < low)) return false;
  if (high !== undefined && (range.highOpen ? value >= high : value > high)) return false;
  return true;
}

/**
 * The hex digits an address condition reads: an IP address string's bytes; and, as EventBridge
 * does when no numeric condition shares the field, a JSON number's own digits.
 */
function addressDigits(value: LeafValue, numberDigits: boolean): string | undefined {
  if (value.kind === 'string') return ipAddressHex(value.text);
  if (value.kind === 'number' && numberDigits) return JSON.stringify(value.value);
  return undefined;
}

/**
 * Digit by digit, as EventBridge's automaton reads a range: the value matches as soon as its
 * digits so far put every continuation inside the range — so an IPv4 address can fall in an
 * IPv6 range, and an IPv6 address in an IPv4 range by its first 32 bits.
 */
function inAddressRange(digits: string | undefined, range: { low: string; high: string }): boolean {
  if (digits === undefined) return false;
  const { low, high } = range;
  let onLow = true;
  let onHigh = true;
  for (let i = 0; i < digits.length && i < low.length; i++) {
    const digit = digits[i] as string;
    if (!HEX_DIGIT.test(digit)) return false;
    if ((onLow && digit < (low[i] as string)) || (onHigh && digit > (high[i] as string))) {
      return false;
    }
    onLow &&= digit === low[i];
    onHigh &&= digit === high[i];
    if (i === low.length - 1 || (!onLow && !onHigh)) return true;
  }
  return false;
}

const HEX_DIGIT = /^[0-9A-F]$/;

function startsWith(text: string, prefix: string, ignoreCase: boolean): boolean {
  return ignoreCase ? caseFoldedEnds(prefix, text, 0).size > 0 : text.startsWith(prefix);
}

function endsWith(text: string, suffix: string, ignoreCase: boolean): boolean {
  if (!ignoreCase) return text.endsWith(suffix);
  for (let start = 0; start <= text.length; start++) {
    if (caseFoldedEnds(suffix, text, start).has(text.length)) return true;
  }
  return false;
}

/** Equal when each character of the pattern matches its lower- or upper-case form in turn. */
export function equalsIgnoringCase(pattern: string, text: string): boolean {
  return caseFoldedEnds(pattern, text, 0).has(text.length);
}

/** Every position in `text` where a case-insensitive reading of `pattern` from `start` can end. */
function caseFoldedEnds(pattern: string, text: string, start: number): Set<number> {
  let positions = new Set([start]);
  for (const unit of pattern.split('')) {
    const forms = caseForms(unit);
    const next = new Set<number>();
    for (const at of positions) {
      for (const form of forms) if (text.startsWith(form, at)) next.add(at + form.length);
    }
    positions = next;
    if (positions.size === 0) break;
  }
  return positions;
}

function caseForms(unit: string): string[] {
  const lower = unit.toLowerCase();
  const upper = unit.toUpperCase();
  return lower === upper ? [lower] : [lower, upper];
}

/**
 * Compiles one content filter of an event pattern (`{ "prefix": "flight." }`, `{ "numeric":
 * [">", 0] }`, …) into a value condition, refusing malformed filters with EventBridge's reason.
 * The checks run in the order EventBridge's parser meets them, so the reason is the same one.
 */
import { InvalidPatternError } from './invalid-pattern-error.ts';
import { ipAddressBytes, looksLikeIpAddress, toHex } from './ip-address.ts';
import { isObject, type JsonObject } from './json-object.ts';
import type { ValueMatcher } from './value-matchers.ts';
import { compileWildcard, WildcardSyntaxError } from './wildcard.ts';

const ONE_KEY = 'Only one key allowed in match expression';
const TOO_MANY = 'Too many elements in numeric expression';

export function compileMatchExpression(expression: JsonObject): ValueMatcher {
  const keys = Object.keys(expression);
  const operator = keys[0];
  if (operator === undefined) refuse('Match expression name not found');
  const operand = expression[operator];
  const extraKey = keys.length > 1;
  const single = (matcher: ValueMatcher, tooMany = ONE_KEY): ValueMatcher => {
    if (extraKey) refuse(tooMany);
    return matcher;
  };
  switch (operator) {
    case 'exactly':
      return single({
        kind: 'exact',
        text: stringOr(operand, 'exact match pattern must be a string'),
      });
    case 'prefix':
    case 'suffix':
      if (isObject(operand)) return single(ignoringCase(operator, operand));
      return single({
        kind: operator,
        text: stringOr(operand, `${operator} match pattern must be a string`),
        ignoreCase: false,
      });
    case 'equals-ignore-case':
      return single({
        kind: 'equals-ignore-case',
        text: stringOr(operand, 'equals-ignore-case match pattern must be a string'),
      });
    case 'wildcard':
      return single({
        kind: 'wildcard',
        pattern: wildcardOf(stringOr(operand, 'wildcard match pattern must be a string')),
      });
    case 'numeric':
      if (!Array.isArray(operand)) refuse('Value of numeric must be an array.');
      return single(compileNumeric(operand), TOO_MANY);
    case 'anything-but':
      return single(compileAnythingBut(operand), TOO_MANY);
    case 'exists':
      if (typeof operand !== 'boolean') {
        refuse('exists match pattern must be either true or false.');
      }
      return single({ kind: 'exists', exists: operand });
    case 'cidr':
      return single(compileCidr(stringOr(operand, 'prefix match pattern must be a string')));
    default:
      return refuse(`Unrecognized match type ${operator}`);
  }
}

/** `{ "prefix": { "equals-ignore-case": "…" } }` and the same for suffix. */
function ignoringCase(operator: 'prefix' | 'suffix', inner: JsonObject): ValueMatcher {
  const keys = Object.keys(inner);
  const name = operator === 'prefix' ? 'Prefix' : 'Suffix';
  const innerOperator = keys[0];
  if (innerOperator === undefined) refuse(`${name} expression name not found`);
  if (innerOperator !== 'equals-ignore-case') {
    refuse(`Unsupported ${operator} pattern: ${innerOperator}`);
  }
  const text = stringOr(inner[innerOperator], 'equals-ignore-case match pattern must be a string');
  if (keys.length > 1) refuse(ONE_KEY);
  return { kind: operator, text, ignoreCase: true };
}

/** The numeric forms EventBridge accepts: `= x`, `< x`, `<= x`, `> x`, `>= x`, and `>`/`>=` then `<`/`<=`. */
function compileNumeric(terms: unknown[]): ValueMatcher {
  const [operator, bound, upperOperator, upper] = terms;
  if (typeof operator !== 'string')
    refuse(`Invalid member in numeric match: ${tokenText(operator)}`);
  const isBound = typeof bound === 'number';
  switch (operator) {
    case '=':
      if (!isBound) refuse('Value of equals must be numeric');
      if (terms.length > 2) refuse(TOO_MANY);
      return { kind: 'number', value: bound };
    case '<':
    case '<=':
      if (!isBound) refuse(`Value of ${operator} must be numeric`);
      if (terms.length > 2) refuse(TOO_MANY);
      return { kind: 'range', high: bound, highOpen: operator === '<', lowOpen: false };
    case '>':
    case '>=': {
      if (!isBound) refuse(`Value of ${operator} must be numeric`);
      const lower = { kind: 'range', low: bound, lowOpen: operator === '>' } as const;
      if (terms.length === 2) return { ...lower, highOpen: false };
      if (typeof upperOperator !== 'string') {
        refuse(`Bad value in numeric range: ${tokenText(upperOperator)}`);
      }
      if (upperOperator !== '<' && upperOperator !== '<=') {
        refuse(`Bad numeric range operator: ${upperOperator}`);
      }
      if (typeof upper !== 'number') refuse(`Value of ${upperOperator} must be numeric`);
      if (terms.length > 4) refuse('Too many terms in numeric range expression');
      if (bound >= upper) refuse('Bottom must be less than top');
      return { ...lower, high: upper, highOpen: upperOperator === '<' };
    }
    default:
      return refuse(`Unrecognized numeric range operator: ${operator}`);
  }
}

type AnythingButKind = 'equals-ignore-case' | 'prefix' | 'suffix' | 'wildcard';
const ANYTHING_BUT_KINDS = new Set<string>(['equals-ignore-case', 'prefix', 'suffix', 'wildcard']);

function compileAnythingBut(operand: unknown): ValueMatcher {
  if (!isObject(operand)) return plainAnythingBut(operand);
  const keys = Object.keys(operand);
  const kind = keys[0];
  if (kind === undefined) refuse('Anything-But expression name not found');
  if (!ANYTHING_BUT_KINDS.has(kind)) refuse(`Unsupported anything-but pattern: ${kind}`);
  const value = operand[kind];
  checkAnythingButShape(value);
  const texts = (Array.isArray(value) ? value : [value]).map((v) =>
    anythingButText(kind as AnythingButKind, v),
  );
  const matcher = anythingButOfKind(kind as AnythingButKind, texts);
  if (keys.length > 1) refuse(TOO_MANY);
  return matcher;
}

function anythingButOfKind(kind: AnythingButKind, texts: string[]): ValueMatcher {
  switch (kind) {
    case 'equals-ignore-case':
      return { kind: 'anything-but-ignore-case', texts };
    case 'prefix':
      return { kind: 'anything-but-prefix', texts };
    case 'suffix':
      return { kind: 'anything-but-suffix', texts };
    case 'wildcard':
      return { kind: 'anything-but-wildcard', patterns: texts.map(wildcardOf) };
  }
}

function checkAnythingButShape(value: unknown): void {
  if (!Array.isArray(value) && typeof value !== 'string' && typeof value !== 'number') {
    refuse('Value of anything-but must be an array or single string/number value.');
  }
}

function anythingButText(kind: AnythingButKind, value: unknown): string {
  if (typeof value !== 'string') {
    refuse(
      kind === 'equals-ignore-case'
        ? 'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.'
        : kind === 'wildcard'
          ? 'wildcard match pattern must be a string'
          : 'prefix/suffix match pattern must be a string',
    );
  }
  if ((kind === 'prefix' || kind === 'suffix') && value === '') {
    refuse('Null prefix/suffix not allowed');
  }
  return value;
}

/** `anything-but` with one value or a list: all strings or all numbers. */
function plainAnythingBut(operand: unknown): ValueMatcher {
  checkAnythingButShape(operand);
  const values = Array.isArray(operand) ? operand : [operand];
  for (const value of values) {
    if (typeof value !== 'string' && typeof value !== 'number') {
      refuse('Inside anything but list, start|null|boolean is not supported.');
    }
  }
  const strings = values.filter((v): v is string => typeof v === 'string');
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (strings.length > 0 === numbers.length > 0) {
    refuse(
      'Inside anything but list, either all values are number or string, mixed type is not supported',
    );
  }
  return { kind: 'anything-but', strings: new Set(strings), numbers };
}

/** `cidr`: an IPv4 or IPv6 network; the host bits need not be zero. */
function compileCidr(cidr: string): ValueMatcher {
  const parts = cidr.split('/');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  const [address = '', bitsText = ''] = parts;
  if (parts.length !== 2) refuse("Malformed CIDR, one '/' required");
  const bits = /^[+-]?\d+$/.test(bitsText) ? Number(bitsText) : Number.NaN;
  if (!Number.isSafeInteger(bits) || Math.abs(bits) > 2 ** 31 - 1) {
    refuse('Malformed CIDR, mask bits must be an integer');
  }
  if (bits < 0) refuse('Malformed CIDR, mask bits must not be negative');
  if (!looksLikeIpAddress(address)) refuse(`Nonstandard IP address: ${address}`);
  const bytes = ipAddressBytes(address);
  if (!bytes) refuse(`Invalid IP address: ${address}`);
  if (bytes.length === 4 && bits > 31) refuse('IPv4 mask bits must be < 32');
  if (bytes.length === 16 && bits > 127) refuse('IPv6 mask bits must be < 128');
  const low: number[] = [];
  const high: number[] = [];
  bytes.forEach((byte, i) => {
    const variable = Math.min(8, Math.max(0, bytes.length * 8 - bits - (bytes.length - 1 - i) * 8));
    const hostMask = (1 << variable) - 1;
    low.push(byte & ~hostMask & 0xff);
    high.push(byte | hostMask);
  });
  return { kind: 'address-range', low: toHex(low), high: toHex(high) };
}

function wildcardOf(text: string): RegExp {
  try {
    return compileWildcard(text);
  } catch (error) {
    if (error instanceof WildcardSyntaxError) refuse(error.message);
    throw error;
  }
}

function stringOr(value: unknown, message: string): string {
  if (typeof value !== 'string') refuse(message);
  return value;
}

/** How EventBridge's parser prints the token it stopped at. */
function tokenText(value: unknown): string {
  if (value === undefined) return ']';
  if (Array.isArray(value)) return '[';
  if (isObject(value)) return '{';
  return JSON.stringify(value);
}

function refuse(reason: string): never {
  throw new InvalidPatternError(reason);
}

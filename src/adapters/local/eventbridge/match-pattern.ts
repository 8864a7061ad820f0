/**
 * EventBridge event-pattern matching, following the documented semantics: every field of the
 * pattern must match; a field's array lists alternatives; an array in the event matches when
 * any of its elements does; content filters (prefix, suffix, anything-but, numeric, exists,
 * equals-ignore-case, wildcard, cidr) and `$or` are supported.
 */
export type EventPattern = { [field: string]: unknown };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * @example
 * matchesPattern({ 'detail-type': [{ prefix: 'flight.delay.' }] }, { 'detail-type': 'flight.delay.minor' }); // true
 */
export function matchesPattern(pattern: EventPattern, event: unknown): boolean {
  return matchObject(pattern, event);
}

function matchObject(pattern: EventPattern, value: unknown): boolean {
  const object = isPlainObject(value) ? value : undefined;
  for (const [field, rule] of Object.entries(pattern)) {
    if (field === '$or') {
      if (!Array.isArray(rule) || !rule.some((alt) => matchObject(alt as EventPattern, value))) {
        return false;
      }
      continue;
    }
    const fieldValue = object?.[field];
    if (Array.isArray(rule)) {
      if (!matchLeaf(rule as Json[], fieldValue)) return false;
    } else if (isPlainObject(rule)) {
      if (!matchObject(rule, fieldValue)) return false;
    } else {
      throw new InvalidPatternError(`field "${field}" must be an array or an object`);
    }
  }
  return true;
}

function matchLeaf(alternatives: Json[], value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  return alternatives.some((alternative) =>
    isPlainObject(alternative)
      ? matchFilter(alternative, value, values)
      : values.some((v) => v !== undefined && equalsLiteral(alternative, v)),
  );
}

function equalsLiteral(literal: Json, value: unknown): boolean {
  if (typeof literal === 'number' && typeof value === 'number') return literal === value;
  return literal === value;
}

function matchFilter(filter: { [key: string]: Json }, raw: unknown, values: unknown[]): boolean {
  const [operator, operand] = singleEntry(filter);
  switch (operator) {
    case 'exists':
      return operand === (raw !== undefined && !(Array.isArray(raw) && raw.length === 0));
    case 'prefix':
      return values.some((v) => matchStringFilter(operand, v, (s, p) => s.startsWith(p)));
    case 'suffix':
      return values.some((v) => matchStringFilter(operand, v, (s, p) => s.endsWith(p)));
    case 'equals-ignore-case':
      return values.some(
        (v) => typeof v === 'string' && v.toLowerCase() === String(operand).toLowerCase(),
      );
    case 'wildcard':
      return values.some((v) => typeof v === 'string' && wildcardRegExp(String(operand)).test(v));
    case 'numeric':
      return values.some((v) => typeof v === 'number' && matchNumeric(operand, v));
    case 'cidr':
      return values.some((v) => typeof v === 'string' && matchCidr(String(operand), v));
    case 'anything-but':
      return raw !== undefined && values.every((v) => !matchAnythingBut(operand, v));
    default:
      throw new InvalidPatternError(`unsupported filter "${operator}"`);
  }
}

/** True when `value` is among what anything-but excludes. */
function matchAnythingBut(operand: Json, value: unknown): boolean {
  if (Array.isArray(operand)) return operand.some((o) => equalsLiteral(o, value));
  if (isPlainObject(operand)) return matchFilter(operand, value, [value]);
  return equalsLiteral(operand, value);
}

function matchStringFilter(
  operand: Json,
  value: unknown,
  test: (value: string, operand: string) => boolean,
): boolean {
  if (typeof value !== 'string') return false;
  if (isPlainObject(operand)) {
    const [operator, inner] = singleEntry(operand);
    if (operator !== 'equals-ignore-case') {
      throw new InvalidPatternError(`unsupported nested filter "${operator}"`);
    }
    return test(value.toLowerCase(), String(inner).toLowerCase());
  }
  return test(value, String(operand));
}

function matchNumeric(operand: Json, value: number): boolean {
  if (!Array.isArray(operand) || operand.length % 2 !== 0) {
    throw new InvalidPatternError('numeric takes operator/number pairs');
  }
  for (let i = 0; i < operand.length; i += 2) {
    const operator = operand[i];
    const bound = operand[i + 1];
    if (typeof bound !== 'number') throw new InvalidPatternError('numeric bound must be a number');
    const ok =
      operator === '='
        ? value === bound
        : operator === '<'
          ? value < bound
          : operator === '<='
            ? value <= bound
            : operator === '>'
              ? value > bound
              : operator === '>='
                ? value >= bound
                : undefined;
    if (ok === undefined) throw new InvalidPatternError(`unknown numeric operator "${operator}"`);
    if (!ok) return false;
  }
  return true;
}

function wildcardRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 's');
}

function matchCidr(cidr: string, address: string): boolean {
  const [network, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  const net = ipv4ToInt(network ?? '');
  const ip = ipv4ToInt(address);
  if (net === undefined || ip === undefined || !(bits >= 0 && bits <= 32)) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (net & mask) >>> 0 === (ip & mask) >>> 0;
}

function ipv4ToInt(address: string): number | undefined {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) {
    return undefined;
  }
  return parts.reduce((acc, p) => ((acc << 8) | p) >>> 0, 0);
}

function singleEntry(filter: { [key: string]: Json }): [string, Json] {
  const entries = Object.entries(filter);
  const first = entries[0];
  if (entries.length !== 1 || !first) {
    throw new InvalidPatternError('a content filter has exactly one operator');
  }
  return first;
}

function isPlainObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class InvalidPatternError extends Error {
  override name = 'InvalidPatternError';
}

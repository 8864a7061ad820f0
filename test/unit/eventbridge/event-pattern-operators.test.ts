import { describe, expect, it } from 'vitest';
import { LocalBus } from '../../../src/adapters/local/eventbridge/local-bus.ts';
import {
  compilePattern,
  InvalidPatternError,
  matchesPattern,
} from '../../../src/adapters/local/eventbridge/match-pattern.ts';
import { WorkTracker } from '../../../src/adapters/local/work-tracker.ts';

const matches = (pattern: object, event: object) => matchesPattern(pattern, event);

function refusal(pattern: unknown): string {
  try {
    compilePattern(pattern);
  } catch (error) {
    if (error instanceof InvalidPatternError) return error.message;
    throw error;
  }
  throw new Error(`pattern accepted: ${JSON.stringify(pattern)}`);
}

describe('prefix, suffix, equals-ignore-case, wildcard', () => {
  it('apply to strings only', () => {
    expect(matches({ a: [{ prefix: '12' }] }, { a: 123 })).toBe(false);
    expect(matches({ a: [{ prefix: '12' }] }, { a: '123' })).toBe(true);
    expect(matches({ a: [{ suffix: '23' }] }, { a: '123' })).toBe(true);
    expect(matches({ a: [{ wildcard: '*' }] }, { a: 5 })).toBe(false);
  });

  it('ignore case when asked, character by character', () => {
    expect(matches({ a: [{ 'equals-ignore-case': 'éT' }] }, { a: 'Ét' })).toBe(true);
    expect(matches({ a: [{ prefix: { 'equals-ignore-case': 'FL' } }] }, { a: 'flight' })).toBe(
      true,
    );
    expect(matches({ a: [{ suffix: { 'equals-ignore-case': 'HT' } }] }, { a: 'flight' })).toBe(
      true,
    );
    expect(matches({ a: [{ suffix: { 'equals-ignore-case': 'HX' } }] }, { a: 'flight' })).toBe(
      false,
    );
  });

  it('reads wildcard escapes and refuses double stars and unknown escapes', () => {
    expect(matches({ a: [{ wildcard: 'a\\*c' }] }, { a: 'a*c' })).toBe(true);
    expect(matches({ a: [{ wildcard: 'a\\*c' }] }, { a: 'abc' })).toBe(false);
    expect(matches({ a: [{ wildcard: 'a\\\\*' }] }, { a: 'a\\bc' })).toBe(true);
    expect(matches({ a: [{ wildcard: '' }] }, { a: '' })).toBe(true);
    expect(refusal({ a: [{ wildcard: 'a**' }] })).toBe('Consecutive wildcard characters at pos 2');
    expect(refusal({ a: [{ wildcard: 'a\\b' }] })).toBe('Invalid escape character at pos 2');
  });
});

describe('anything-but', () => {
  it('matches when any element of an array is not excluded', () => {
    expect(matches({ a: [{ 'anything-but': 'x' }] }, { a: ['x', 'y'] })).toBe(true);
    expect(matches({ a: [{ 'anything-but': 'x' }] }, { a: ['x'] })).toBe(false);
  });

  it('accepts any leaf it does not exclude, numbers, null and booleans included', () => {
    expect(matches({ a: [{ 'anything-but': 'x' }] }, { a: null })).toBe(true);
    expect(matches({ a: [{ 'anything-but': [1, 2] }] }, { a: 2.0 })).toBe(false);
    expect(matches({ a: [{ 'anything-but': [1, 2] }] }, { a: '2' })).toBe(true);
    expect(matches({ a: [{ 'anything-but': 'x' }] }, {})).toBe(false);
  });

  it('excludes by prefix, suffix, ignoring case and wildcard, one value or a list', () => {
    expect(matches({ a: [{ 'anything-but': { prefix: ['fl', 'x'] } }] }, { a: 'flight' })).toBe(
      false,
    );
    expect(matches({ a: [{ 'anything-but': { suffix: 'ht' } }] }, { a: 'flight' })).toBe(false);
    expect(
      matches({ a: [{ 'anything-but': { 'equals-ignore-case': ['FLIGHT'] } }] }, { a: 'flight' }),
    ).toBe(false);
    expect(matches({ a: [{ 'anything-but': { wildcard: 'f*t' } }] }, { a: 'flight' })).toBe(false);
    expect(matches({ a: [{ 'anything-but': { wildcard: 'x*' } }] }, { a: 'flight' })).toBe(true);
  });

  it('refuses mixed lists, empty prefixes and unsupported forms with EventBridge’s reasons', () => {
    expect(refusal({ a: [{ 'anything-but': ['a', 1] }] })).toBe(
      'Inside anything but list, either all values are number or string, mixed type is not supported',
    );
    expect(refusal({ a: [{ 'anything-but': { prefix: '' } }] })).toBe(
      'Null prefix/suffix not allowed',
    );
    expect(refusal({ a: [{ 'anything-but': { numeric: ['>', 1] } }] })).toBe(
      'Unsupported anything-but pattern: numeric',
    );
    expect(refusal({ a: [{ 'anything-but': null }] })).toBe(
      'Value of anything-but must be an array or single string/number value.',
    );
  });
});

describe('numeric', () => {
  it('matches numbers in the range, whatever their spelling', () => {
    expect(matches({ a: [{ numeric: ['>', 0, '<=', 5] }] }, { a: 5.0 })).toBe(true);
    expect(matches({ a: [{ numeric: ['>', 0, '<=', 5] }] }, { a: 0 })).toBe(false);
    expect(matches({ a: [{ numeric: ['=', 3.5] }] }, { a: 3.5 })).toBe(true);
    expect(matches({ a: [{ numeric: ['<', 10] }] }, { a: '5' })).toBe(false);
    expect(matches({ a: [5] }, { a: 5.0 })).toBe(true);
  });

  it('accepts only EventBridge’s forms', () => {
    expect(refusal({ a: [{ numeric: [] }] })).toBe('Invalid member in numeric match: ]');
    expect(refusal({ a: [{ numeric: ['<', 5, '>', 1] }] })).toBe(
      'Too many elements in numeric expression',
    );
    expect(refusal({ a: [{ numeric: ['>', 5, '<', 5] }] })).toBe('Bottom must be less than top');
    expect(refusal({ a: [{ numeric: ['!=', 5] }] })).toBe(
      'Unrecognized numeric range operator: !=',
    );
  });
});

describe('exists', () => {
  it('sees leaf values only: an object or an empty array does not exist', () => {
    expect(matches({ a: [{ exists: true }] }, { a: null })).toBe(true);
    expect(matches({ a: [{ exists: true }] }, { a: { b: 1 } })).toBe(false);
    expect(matches({ a: [{ exists: false }] }, { a: { b: 1 } })).toBe(true);
    expect(matches({ a: [{ exists: false }] }, { a: [] })).toBe(true);
  });
});

describe('cidr', () => {
  it('matches IPv4 and IPv6 networks, however the address is written', () => {
    expect(matches({ ip: [{ cidr: '10.0.0.0/24' }] }, { ip: '10.0.0.17' })).toBe(true);
    expect(matches({ ip: [{ cidr: '10.0.0.0/24' }] }, { ip: '10.0.1.17' })).toBe(false);
    expect(matches({ ip: [{ cidr: '2001:db8::/32' }] }, { ip: '2001:DB8:0:0:0:0:0:1' })).toBe(true);
    expect(matches({ ip: [{ cidr: '2001:db8::/32' }] }, { ip: '2001:db9::1' })).toBe(false);
    expect(matches({ ip: [{ cidr: '10.0.0.0/8' }] }, { ip: '::ffff:10.0.0.1' })).toBe(false);
    expect(matches({ ip: [{ cidr: '10.0.0.0/8' }] }, { ip: '::ffff:a00:1' })).toBe(true);
  });

  it('matches an address literal as an address', () => {
    expect(matches({ ip: ['2001:db8::1'] }, { ip: '2001:0DB8:0000::0001' })).toBe(true);
    expect(matches({ ip: [{ exactly: '2001:db8::1' }] }, { ip: '2001:0DB8:0000::0001' })).toBe(
      false,
    );
  });

  it('refuses malformed networks', () => {
    expect(refusal({ ip: [{ cidr: '10.0.0.0' }] })).toBe("Malformed CIDR, one '/' required");
    expect(refusal({ ip: [{ cidr: '10.0.0.0/32' }] })).toBe('IPv4 mask bits must be < 32');
    expect(refusal({ ip: [{ cidr: 'x/8' }] })).toBe('Nonstandard IP address: x');
    expect(refusal({ ip: [{ cidr: '1::2::3/8' }] })).toBe('Invalid IP address: 1::2::3');
  });
});

describe('arrays', () => {
  const event = {
    bookings: [
      { tier: 'A-LIST', seat: '1A' },
      { tier: 'MEMBER', seat: '2B' },
    ],
    legs: [
      ['HOU', 'DEN'],
      ['DEN', 'SEA'],
    ],
  };

  it('requires the fields of an array of objects to match within one element', () => {
    expect(matches({ bookings: { tier: ['A-LIST'], seat: ['1A'] } }, event)).toBe(true);
    expect(matches({ bookings: { tier: ['A-LIST'], seat: ['2B'] } }, event)).toBe(false);
  });

  it('searches nested arrays', () => {
    expect(matches({ legs: ['SEA'] }, event)).toBe(true);
    expect(matches({ legs: [{ prefix: 'X' }] }, event)).toBe(false);
  });
});

describe('$or and pattern structure', () => {
  it('matches when any alternative does, together with the other fields', () => {
    const pattern = { a: ['x'], $or: [{ b: ['1'] }, { c: [{ exists: true }] }] };
    expect(matches(pattern, { a: 'x', c: 0 })).toBe(true);
    expect(matches(pattern, { a: 'y', c: 0 })).toBe(false);
  });

  it('refuses invalid patterns instead of matching everything', () => {
    expect(refusal({})).toBe('Empty objects are not allowed');
    expect(refusal({ a: [] })).toBe('Empty arrays are not allowed');
    expect(refusal({ a: 'x' })).toBe('"a" must be an object or an array');
    expect(refusal({ a: [{}] })).toBe('Match expression name not found');
    expect(refusal({ a: [{ regex: '.*' }] })).toBe('Unrecognized match type regex');
    expect(refusal({ $or: [{ a: ['x'] }] })).toBe(
      'There must have at least 2 Objects in $or relationship.',
    );
    expect(refusal({ $or: [{ a: ['x'] }, { prefix: ['x'] }] })).toBe(
      'prefix is Ruler reserved fieldName which cannot be used inside $or.',
    );
  });

  it('refuses a bad rule when the local bus loads it', () => {
    const load = () =>
      new LocalBus({
        busName: 'bus',
        rules: [
          { name: 'broken', description: '', eventBusName: 'bus', eventPattern: {}, targets: [] },
        ],
        deliver: async () => {},
        tracker: new WorkTracker(),
        clock: { now: () => '2025-01-15T10:00:00.000Z' },
      });
    expect(load).toThrow(
      'Rule broken: event pattern is not valid. Reason: Empty objects are not allowed',
    );
  });
});

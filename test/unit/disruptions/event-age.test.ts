import { describe, expect, it } from 'vitest';
import { eventAgeProblem, instantOf } from '../../../src/domain/disruptions/event-age.ts';

const now = '2026-11-30T12:00:00.000Z';

describe('eventAgeProblem', () => {
  it('accepts an event of an hour ago and one stamped an hour ahead', () => {
    expect(eventAgeProblem('2026-11-30T11:00:00Z', now)).toBeUndefined();
    expect(eventAgeProblem('2026-11-30T13:00:00+00:00', now)).toBeUndefined();
  });

  it('reads a timestamp without an offset as UTC', () => {
    expect(instantOf('2026-11-30T11:00:00.123456')).toBe(Date.parse('2026-11-30T11:00:00.123Z'));
    expect(eventAgeProblem('2026-11-30T11:59:00', now)).toBeUndefined();
  });

  it('dead-letters an event more than 24 h in the future, naming why', () => {
    expect(eventAgeProblem('9999-12-31T23:59:59Z', now)).toMatch(/more than 24 h in the future/);
    expect(eventAgeProblem('2026-12-01T12:00:01Z', now)).toMatch(/future/);
  });

  it('dead-letters an event older than the configured age (7 days by default)', () => {
    expect(eventAgeProblem('1970-01-01T00:00:00Z', now)).toMatch(/older than 168 h/);
    expect(eventAgeProblem('2026-11-23T11:59:59Z', now)).toMatch(/older than 168 h/);
    expect(eventAgeProblem('2026-11-23T12:00:01Z', now)).toBeUndefined();
    expect(eventAgeProblem('2026-11-30T09:00:00Z', now, 2)).toMatch(/older than 2 h/);
  });
});

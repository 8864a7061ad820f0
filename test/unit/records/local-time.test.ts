import { describe, expect, it } from 'vitest';
import { shiftLocalTime, toUtc } from '../../../src/domain/records/local-time.ts';

describe('shiftLocalTime', () => {
  it('adds minutes and keeps the airport offset', () => {
    expect(shiftLocalTime('2025-01-15T08:00:00-06:00', 25)).toBe('2025-01-15T08:25:00-06:00');
    expect(shiftLocalTime('2025-01-15T23:30:00-08:00', 150)).toBe('2025-01-16T02:00:00-08:00');
    expect(shiftLocalTime('2025-01-15T10:00:00Z', 60)).toBe('2025-01-15T11:00:00Z');
    expect(shiftLocalTime('2025-01-15T10:00:00+05:30', 30)).toBe('2025-01-15T10:30:00+05:30');
  });

  it('normalises to UTC so times compare as strings', () => {
    expect(toUtc('2025-01-15T08:00:00-06:00')).toBe('2025-01-15T14:00:00.000Z');
  });
});

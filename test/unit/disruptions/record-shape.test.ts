import { describe, expect, it } from 'vitest';
import { recordShapeProblem } from '../../../src/domain/disruptions/record-shape.ts';

describe('recordShapeProblem', () => {
  it('passes an ordinary event', () => {
    const raw = JSON.stringify({ event_id: 'e', payload: { list: [1, 2, 3], text: '[[[{{' } });
    expect(recordShapeProblem(raw, raw.length)).toBeUndefined();
  });

  it('names a record over the size limit with its size', () => {
    expect(recordShapeProblem('{}', 300_000)).toBe(
      'record of 300000 bytes exceeds the 262144-byte limit',
    );
  });

  it('names JSON nested too deep, ignoring brackets inside strings', () => {
    expect(recordShapeProblem('['.repeat(40) + ']'.repeat(40), 80)).toMatch(/deeper than 32/);
    const quoted = JSON.stringify({ s: '['.repeat(100) });
    expect(recordShapeProblem(quoted, quoted.length)).toBeUndefined();
  });

  it('names an array that is too long', () => {
    const raw = JSON.stringify({ payload: { list: Array.from({ length: 1500 }, () => 0) } });
    expect(recordShapeProblem(raw, raw.length)).toMatch(/longer than 1000 elements/);
  });
});

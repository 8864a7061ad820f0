import { describe, expect, it } from 'vitest';
import {
  categorizeDelay,
  delayDetailType,
} from '../../../src/domain/disruptions/categorize-delay.ts';

describe('categorizeDelay', () => {
  it.each([
    [1, 'MINOR'],
    [25, 'MINOR'],
    [29, 'MINOR'],
    [30, 'MAJOR'],
    [90, 'MAJOR'],
    [120, 'MAJOR'],
    [121, 'SEVERE'],
    [600, 'SEVERE'],
  ] as const)('categorises a %i-minute delay as %s', (minutes, category) => {
    expect(categorizeDelay(minutes)).toBe(category);
  });

  it('names the detail type after the category', () => {
    expect(delayDetailType('MAJOR')).toBe('flight.delay.major');
  });
});

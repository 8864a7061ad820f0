import { describe, expect, it } from 'vitest';
import { murmur2, partitionForKey } from '../../../src/adapters/kafka/murmur2.ts';

describe('murmur2', () => {
  // Reference values from Apache Kafka's own tests of Utils.murmur2.
  it.each([
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ])('hashes "%s" as Kafka does', (text, hash) => {
    expect(murmur2(new TextEncoder().encode(text))).toBe(hash);
  });

  it('keeps one flight on one partition', () => {
    expect(partitionForKey('SW1234', 3)).toBe(partitionForKey('SW1234', 3));
    expect(partitionForKey('SW1234', 3)).toBeLessThan(3);
  });
});

import { describe, expect, it } from 'vitest';
import { bookingBatchCount, bookingBatches } from '../../../src/domain/workflows/task-functions.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `B${String(i).padStart(3, '0')}`);
/** Bookings whose passenger ids say which booking they belong to. */
const refs = (n: number) => ids(n).map((id) => ({ booking_id: id, passenger_id: `P-${id}` }));
const sizes = (batches: Array<{ booking_ids: string[] }>) =>
  batches.map((b) => b.booking_ids.length);

describe('bookingBatches', () => {
  it('makes the first batch small and the rest full, every booking once in order', () => {
    const batches = bookingBatches(refs(125), 50, 10);
    expect(sizes(batches)).toEqual([10, 50, 50, 15]);
    expect(batches.flatMap((b) => b.booking_ids)).toEqual(ids(125));
    // Each booking's passenger beside it, in the same order.
    expect(batches.flatMap((b) => b.passenger_ids)).toEqual(ids(125).map((id) => `P-${id}`));
    expect(bookingBatchCount(125, 50, 10)).toBe(4);
  });

  it('never makes the first batch bigger than the others, and nothing of no bookings', () => {
    expect(sizes(bookingBatches(refs(7), 3, 10))).toEqual([3, 3, 1]);
    expect(sizes(bookingBatches(refs(4), 50, 10))).toEqual([4]);
    expect(bookingBatches([], 50, 10)).toEqual([]);
    expect([7, 4, 0].map((n) => bookingBatchCount(n, n === 7 ? 3 : 50, 10))).toEqual([3, 1, 0]);
  });
});

import { describe, expect, it } from 'vitest';
import { createGetAffectedBookings } from '../../../src/handlers/get-affected-bookings.ts';
import { createMarkBookingsForRebooking } from '../../../src/handlers/mark-bookings-for-rebooking.ts';
import { FixedClock, InMemoryStores } from '../../support/fakes.ts';
import { sample } from '../../support/fixtures.ts';
import { sampleEvent } from '../../support/sample-events.ts';

const bookingsOn = (flightId: string) =>
  sample.bookings.filter((b) => b.flight_id === flightId).map((b) => b.booking_id);

describe('GetAffectedBookings task', () => {
  it("splits the flight's bookings into batches of the configured size", async () => {
    const stores = new InMemoryStores();
    const task = createGetAffectedBookings({ flights: stores, batchSize: 3 });

    const result = await task(sampleEvent('step-functions', 'get-affected-bookings'));

    const expected = bookingsOn('SW9012');
    expect(result.count).toBe(expected.length);
    expect(result.batches.map((b) => b.booking_ids.length)).toEqual(
      expected.length > 3 ? [3, expected.length - 3] : [expected.length],
    );
    expect(result.batches.flatMap((b) => b.booking_ids).sort()).toEqual(expected.sort());
  });

  it('rejects a malformed flight id instead of querying with it', async () => {
    const task = createGetAffectedBookings({ flights: new InMemoryStores(), batchSize: 50 });
    await expect(task({ flight_id: 'not a flight' })).rejects.toThrow(/flight/i);
  });
});

describe('MarkBookingsForRebooking task', () => {
  it('marks each confirmed booking once; a second run changes nothing', async () => {
    const stores = new InMemoryStores();
    const task = createMarkBookingsForRebooking({ bookings: stores, clock: new FixedClock() });
    const input = sampleEvent<{ booking_ids: string[] }>(
      'step-functions',
      'mark-bookings-for-rebooking',
    );
    const markable = input.booking_ids.filter((id) =>
      ['CONFIRMED', 'CHECKED_IN'].includes(stores.bookings.get(id)?.booking_status ?? ''),
    );

    const first = await task(input);
    const second = await task(input);

    expect(first).toEqual({
      marked: markable.length,
      unchanged: input.booking_ids.length - markable.length,
    });
    expect(second).toEqual({ marked: 0, unchanged: input.booking_ids.length });
    for (const id of markable)
      expect(stores.bookings.get(id)?.booking_status).toBe('NEEDS_REBOOKING');
  });
});

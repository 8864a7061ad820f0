import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DirectoryObjectStore } from '../../../src/adapters/local/s3/directory-object-store.ts';
import { createGetAffectedBookings } from '../../../src/handlers/get-affected-bookings.ts';
import { createMarkBookingsForRebooking } from '../../../src/handlers/mark-bookings-for-rebooking.ts';
import { FixedClock, InMemoryStores } from '../../support/fakes.ts';
import { sample } from '../../support/fixtures.ts';
import { sampleEvent } from '../../support/sample-events.ts';

const bookingsOn = (flightId: string) =>
  sample.bookings.filter((b) => b.flight_id === flightId).map((b) => b.booking_id);

describe('GetAffectedBookings task', () => {
  it("writes the flight's bookings as a manifest of batches and returns only where it is", async () => {
    const stores = new InMemoryStores();
    const objects = new DirectoryObjectStore(mkdtempSync(join(tmpdir(), 'objects-')));
    const task = createGetAffectedBookings({
      ...{ flights: stores, batchSize: 3, objects, bucket: 'manifests' },
    });

    const result = await task(sampleEvent('step-functions', 'get-affected-bookings'));

    const expected = bookingsOn('SW9012');
    expect(result).toEqual({
      flight_id: 'SW9012',
      count: expected.length,
      batches: Math.ceil(expected.length / 3),
      manifest: { bucket: 'manifests', key: 'manifests/SW9012/cancellation-evt-sw9012-001.json' },
    });
    const batches = JSON.parse(
      await objects.get('manifests', result.manifest?.key ?? ''),
    ) as Array<{
      booking_ids: string[];
    }>;
    expect(batches.map((b) => b.booking_ids.length)).toEqual(
      expected.length > 3 ? [3, expected.length - 3] : [expected.length],
    );
    expect(batches.flatMap((b) => b.booking_ids).sort()).toEqual(expected.sort());
  });

  it('writes no manifest for a flight nobody is booked on', async () => {
    const objects = { put: vi.fn(), get: vi.fn() };
    const task = createGetAffectedBookings({
      ...{ flights: new InMemoryStores(), batchSize: 50, objects, bucket: 'b' },
    });
    expect(await task({ flight_id: 'SW4242', run: 'r1' })).toEqual({
      flight_id: 'SW4242',
      count: 0,
      batches: 0,
      manifest: null,
    });
    expect(objects.put).not.toHaveBeenCalled();
  });

  it('rejects a malformed flight id instead of querying with it', async () => {
    const task = createGetAffectedBookings({
      ...{ flights: new InMemoryStores(), batchSize: 50, objects: {} as never, bucket: 'b' },
    });
    await expect(task({ flight_id: 'not a flight', run: 'r1' })).rejects.toThrow(/flight/i);
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

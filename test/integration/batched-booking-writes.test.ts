import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchWrite } from '../../src/adapters/dynamodb/batch-write.ts';
import { DynamoDbBookingStore } from '../../src/adapters/dynamodb/dynamodb-booking-store.ts';
import { DynamoDbFlightStore } from '../../src/adapters/dynamodb/dynamodb-flight-store.ts';
import { DynamoDbRebookingBookings } from '../../src/adapters/dynamodb/dynamodb-rebooking-bookings.ts';
import {
  airlineItems,
  bookingItems,
  flightItem,
} from '../../src/adapters/dynamodb/table/table-items.ts';
import { createMarkBookingsForRebooking } from '../../src/handlers/mark-bookings-for-rebooking.ts';
import { countOperations } from '../../src/runtime/count-operations.ts';
import { type EmbeddedTable, startEmbeddedTable } from '../support/embedded-table.ts';
import { FixedClock } from '../support/fakes.ts';
import { booking, flight } from '../support/fixtures.ts';

const TABLE = 'BatchedBookingWrites';

describe('a batch of conditional booking writes, on the embedded store', () => {
  let store: EmbeddedTable;
  /** The store's calls by operation, cleared once a test has written what it starts from. */
  let calls: Map<string, number>;
  beforeAll(async () => {
    store = await startEmbeddedTable(TABLE);
    calls = countOperations(store.client);
  });
  afterAll(() => store.close());

  it('marks 120 bookings for rebooking in transactions of 100, the refused one retried without and left as it was', async () => {
    const template = booking('B001');
    const ids = Array.from({ length: 120 }, (_, i) => `B9${String(i).padStart(3, '0')}`);
    const bookings = ids.map((id, i) => ({
      ...template,
      booking_id: id,
      // Already cancelled: NEEDS_REBOOKING is refused for it, and must not hold the others back.
      booking_status: i === 7 ? ('CANCELLED' as const) : ('CONFIRMED' as const),
    }));
    await batchWrite(
      store.doc,
      TABLE,
      bookings.flatMap((b) => bookingItems(b)),
    );
    calls.clear();

    await new DynamoDbRebookingBookings(store.table).markNeedsRebooking(
      ids,
      '2026-12-01T05:00:00Z',
    );

    // 100 and 20 together; the 100 cancelled for B9007's condition, and sent again without it.
    expect(Object.fromEntries(calls)).toEqual({ TransactWriteItems: 3 });
    const after = await new DynamoDbBookingStore(store.table).getBookings(ids);
    const status = new Map(after.map((b) => [b.booking_id, b.booking_status]));
    expect(status.get('B9007')).toBe('CANCELLED');
    expect([...status.values()].filter((s) => s === 'NEEDS_REBOOKING')).toHaveLength(119);
  });

  it("marks a workflow batch's 100 bookings in one transaction, and changes nothing when run again", async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `B7${String(i).padStart(3, '0')}`);
    await batchWrite(
      store.doc,
      TABLE,
      ids.flatMap((id, i) =>
        bookingItems({
          ...booking('B001'),
          booking_id: id,
          booking_status: i === 42 ? 'CANCELLED' : 'CONFIRMED',
        }),
      ),
    );
    const task = createMarkBookingsForRebooking({
      bookings: new DynamoDbBookingStore(store.table),
      clock: new FixedClock('2026-12-01T05:00:00Z'),
    });
    calls.clear();

    expect(await task({ booking_ids: ids })).toEqual({ marked: 99, unchanged: 1 });
    // All 100 in one call, cancelled for B7042's condition, then the 99 again without it.
    expect(Object.fromEntries(calls)).toEqual({ TransactWriteItems: 2 });

    calls.clear();
    expect(await task({ booking_ids: ids })).toEqual({ marked: 0, unchanged: 100 });
    // Every condition fails in the one call, and each refusal is answered from it.
    expect(Object.fromEntries(calls)).toEqual({ TransactWriteItems: 1 });
    const after = await new DynamoDbBookingStore(store.table).getBookings(ids);
    const statuses = after.map((b) => b.booking_status);
    expect(statuses.filter((s) => s === 'NEEDS_REBOOKING')).toHaveLength(99);
    expect(after.find((b) => b.booking_id === 'B7042')?.booking_status).toBe('CANCELLED');
  });

  it("adds a rebooked booking to its new flight once, and to the flight's count where it keeps one", async () => {
    const rebooked = { ...booking('B001'), booking_id: 'B8001' };
    const counted = { ...flight('SW1234'), flight_id: 'SW8001' };
    const uncounted = { ...flight('SW1234'), flight_id: 'SW8002' };
    await batchWrite(store.doc, TABLE, [
      // SW8001 is stored with its count (no bookings yet), SW8002 as a flight written without one.
      // The flight items themselves are never touched: workflows update them outside any transaction.
      ...airlineItems({ flights: [counted], passengers: [], bookings: [rebooked] }),
      flightItem(uncounted),
    ]);
    const writes = new DynamoDbRebookingBookings(store.table);
    const flights = new DynamoDbFlightStore(store.table);
    const countOf = async (id: string) => (await flights.keptBookingCounts([id])).get(id);

    await writes.rebook(['B8001'], ['SW8001', 'SW8002'], '2026-12-01T06:00:00Z');
    // Done again, as a retried rebooking would: the records are there, nothing counts twice.
    await writes.rebook(['B8001'], ['SW8001', 'SW8002'], '2026-12-01T06:00:00Z');

    // B8001 was first booked on SW1234 (not stored here), so SW8001 held none before.
    expect(await countOf('SW8001')).toBe(1);
    expect(await flights.countFlightBookings('SW8001')).toBe(1);
    expect(await countOf('SW8002')).toBeUndefined();
    expect(await flights.countFlightBookings('SW8002')).toBe(1);
    expect(await flights.getFlight('SW8001')).toEqual(counted);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchWrite } from '../../src/adapters/dynamodb/batch-write.ts';
import { DynamoDbBookingStore } from '../../src/adapters/dynamodb/dynamodb-booking-store.ts';
import { bookingItems, passengerItem } from '../../src/adapters/dynamodb/table/table-items.ts';
import { readKnownRecipients } from '../../src/handlers/get-passenger-details.ts';
import { countOperations } from '../../src/runtime/count-operations.ts';
import { type EmbeddedTable, startEmbeddedTable } from '../support/embedded-table.ts';
import { booking, passenger } from '../support/fixtures.ts';

const TABLE = 'GatheredBookingReads';
const ids = Array.from({ length: 60 }, (_, i) => String(i).padStart(3, '0'));
const recipientsOf = (part: string[]) =>
  part.map((n) => ({ booking_id: `B6${n}`, passenger_id: `P6${n}` }));

describe("a batch's bookings and passengers, read on the embedded store", () => {
  let store: EmbeddedTable;
  let calls: Map<string, number>;
  beforeAll(async () => {
    store = await startEmbeddedTable(TABLE);
    await batchWrite(
      store.doc,
      TABLE,
      ids.flatMap((n) => [
        passengerItem({ ...passenger('P001'), passenger_id: `P6${n}` }),
        ...bookingItems({ ...booking('B001'), booking_id: `B6${n}`, passenger_id: `P6${n}` }),
      ]),
    );
    calls = countOperations(store.client);
  });
  afterAll(() => store.close());

  it('reads two batches asked side by side, bookings and passengers, in one call', async () => {
    calls.clear();
    const bookings = new DynamoDbBookingStore(store.table);

    const [first, second] = await Promise.all([
      readKnownRecipients(bookings, recipientsOf(ids.slice(0, 20))),
      readKnownRecipients(bookings, recipientsOf(ids.slice(20, 45))),
    ]);

    // 20 + 25 bookings and as many passengers: 90 keys, under the 100 of one BatchGetItem.
    expect(Object.fromEntries(calls)).toEqual({ BatchGetItem: 1 });
    expect(first?.map((r) => [r.booking.booking_id, r.passenger.passenger_id])).toEqual(
      recipientsOf(ids.slice(0, 20)).map((r) => [r.booking_id, r.passenger_id]),
    );
    expect(second?.map((r) => r.passenger.passenger_id)).toEqual(
      ids.slice(20, 45).map((n) => `P6${n}`),
    );
  });

  it('reads each key once, 100 a call, and leaves out what is not there', async () => {
    calls.clear();
    const bookings = new DynamoDbBookingStore(store.table);

    const found = await Promise.all([
      bookings.getBookings([...ids.map((n) => `B6${n}`), 'B6000', 'B6999']),
      bookings.getPassengers(ids.map((n) => `P6${n}`)),
    ]);

    // 61 booking keys and 60 passenger keys: a full call of 100, then the other 21.
    expect(Object.fromEntries(calls)).toEqual({ BatchGetItem: 2 });
    expect(found[0].map((b) => b.booking_id)).toEqual(ids.map((n) => `B6${n}`));
    expect(found[1]).toHaveLength(60);
  });
});

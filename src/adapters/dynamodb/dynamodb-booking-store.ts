import { type Booking, BookingSchema, type BookingStatus } from '../../domain/records/booking.ts';
import { type Passenger, PassengerSchema } from '../../domain/records/passenger.ts';
import type { BookingRef, BookingStore, Page, PageRequest } from '../../ports.ts';
import { CoalescingReader } from './coalescing-reader.ts';
import type { SingleTable } from './single-table.ts';
import { GSI2, keys, prefixes, type TableKey, withoutKeys } from './table/table-keys.ts';

export class DynamoDbBookingStore implements BookingStore {
  private readonly table: SingleTable;
  private readonly reads: CoalescingReader;

  constructor(table: SingleTable) {
    this.table = table;
    this.reads = new CoalescingReader(table.doc, table.name);
  }

  async getBooking(bookingId: string): Promise<Booking | undefined> {
    return this.table.get(keys.booking(bookingId), BookingSchema);
  }

  async getPassenger(passengerId: string): Promise<Passenger | undefined> {
    return this.table.get(keys.passenger(passengerId), PassengerSchema);
  }

  async getBookings(bookingIds: string[]): Promise<Booking[]> {
    const items = await this.readAll(bookingIds, keys.booking);
    return items.map((i) => BookingSchema.parse(withoutKeys(i)));
  }

  async getPassengers(passengerIds: string[]): Promise<Passenger[]> {
    const items = await this.readAll(passengerIds, keys.passenger);
    return items.map((i) => PassengerSchema.parse(withoutKeys(i)));
  }

  /**
   * The items that exist, each id read once. Reads asked in the same turn share BatchGetItem
   * calls: a batch's bookings and its passengers, asked side by side, cost one call, not two.
   */
  private async readAll(
    ids: string[],
    keyOf: (id: string) => TableKey,
  ): Promise<Record<string, unknown>[]> {
    const items = await Promise.all([...new Set(ids)].map((id) => this.reads.get(keyOf(id))));
    return items.filter((item) => item !== undefined);
  }

  async listPassengerBookings(passengerId: string): Promise<BookingRef[]> {
    const items = await this.table.all({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.passenger(passengerId).PK, ':sk': prefixes.booking },
    });
    return items.map((i) => ({
      booking_id: String(i.booking_id),
      flight_id: String(i.flight_id),
      passenger_id: passengerId,
    }));
  }

  async pagePassengerBookings(passengerId: string, page?: PageRequest): Promise<Page<BookingRef>> {
    const result = await this.table.page(
      {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: {
          ':pk': keys.passenger(passengerId).PK,
          ':sk': prefixes.booking,
        },
      },
      page,
    );
    return {
      ...result,
      items: result.items.map((i) => ({
        booking_id: String(i.booking_id),
        flight_id: String(i.flight_id),
        passenger_id: passengerId,
      })),
    };
  }

  async listBookingsByStatus(status: BookingStatus, page?: PageRequest): Promise<Page<Booking>> {
    const result = await this.table.page(
      {
        IndexName: GSI2,
        KeyConditionExpression: 'GSI2PK = :status',
        ExpressionAttributeValues: { ':status': status },
      },
      page,
    );
    return { ...result, items: result.items.map((i) => BookingSchema.parse(withoutKeys(i))) };
  }

  /**
   * A conditional write, gathered with the others asked in the same turn (a batch's bookings) into
   * TransactWriteItems calls of up to 100: one call where there were as many UpdateItem calls.
   */
  markNeedsRebooking(bookingId: string, at: string): Promise<boolean> {
    return this.table.writeIf({
      Update: {
        TableName: this.table.name,
        Key: keys.booking(bookingId),
        UpdateExpression: 'SET booking_status = :needs, GSI2PK = :needs, updated_at = :at',
        // Only live bookings are marked; a second run of the same workflow changes nothing.
        ConditionExpression: 'booking_status IN (:confirmed, :checkedIn)',
        ExpressionAttributeValues: {
          ':needs': 'NEEDS_REBOOKING',
          ':confirmed': 'CONFIRMED',
          ':checkedIn': 'CHECKED_IN',
          ':at': at,
        },
      },
    });
  }
}

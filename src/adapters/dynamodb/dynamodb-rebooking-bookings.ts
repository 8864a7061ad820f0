import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RebookingBookings } from '../../ports/rebooking-ports.ts';
import { DynamoDbBookingStore } from './dynamodb-booking-store.ts';
import type { SingleTable } from './single-table.ts';
import { keys } from './table/table-keys.ts';

/** The booking writes of a rebooking: offer links, REBOOKED with the old flight kept, refunds. */
export class DynamoDbRebookingBookings implements RebookingBookings {
  private readonly table: SingleTable;
  private readonly bookings: DynamoDbBookingStore;

  constructor(table: SingleTable) {
    this.table = table;
    this.bookings = new DynamoDbBookingStore(table);
  }

  async linkOffer(bookingIds: string[], offerId: string): Promise<void> {
    await Promise.all(
      bookingIds.map((id) =>
        this.update(id, 'SET offer_id = :offer', { ':offer': offerId }, 'attribute_exists(PK)'),
      ),
    );
  }

  async markNeedsRebooking(bookingIds: string[], at: string): Promise<void> {
    await Promise.all(bookingIds.map((id) => this.bookings.markNeedsRebooking(id, at)));
  }

  /**
   * REBOOKED on the first new flight; the flight it left stays as `original_flight_id` (kept from
   * the first rebooking if there were two), and the new flights get their lookup records.
   */
  async rebook(bookingIds: string[], flightIds: string[], at: string): Promise<void> {
    const first = flightIds[0] as string;
    for (const id of bookingIds) {
      await this.update(
        id,
        'SET original_flight_id = if_not_exists(original_flight_id, flight_id), flight_id = :flight, rebooked_flight_ids = :flights, rebooked_at = :at, booking_status = :rebooked, GSI2PK = :rebooked, updated_at = :at',
        { ':flight': first, ':flights': flightIds, ':at': at, ':rebooked': 'REBOOKED' },
        'attribute_exists(PK)',
      );
      const { Item } = await this.table.doc.send(
        new GetCommand({ TableName: this.table.name, Key: keys.booking(id) }),
      );
      if (!Item) continue;
      for (const flightId of flightIds) await this.addToFlight(flightId, id, Item.passenger_id);
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: {
            ...keys.passengerBooking(String(Item.passenger_id), id),
            booking_id: id,
            flight_id: first,
          },
        }),
      );
    }
  }

  async cancel(bookingIds: string[], at: string): Promise<void> {
    await Promise.all(
      bookingIds.map((id) =>
        this.update(
          id,
          'SET booking_status = :cancelled, GSI2PK = :cancelled, updated_at = :at',
          { ':cancelled': 'CANCELLED', ':at': at },
          'attribute_exists(PK)',
        ),
      ),
    );
  }

  /**
   * The flight's lookup record of the booking, put only if absent, and one more on the flight's
   * kept booking count in the same transaction, so a rebooking done again counts once. A flight
   * without a kept count gets the record alone (ingest counts its records).
   */
  private async addToFlight(flightId: string, bookingId: string, passengerId: unknown) {
    const Item = {
      ...keys.flightBooking(flightId, bookingId),
      booking_id: bookingId,
      passenger_id: passengerId,
    };
    const outcome = await this.table.writeTogether([
      {
        Put: { TableName: this.table.name, Item, ConditionExpression: 'attribute_not_exists(PK)' },
      },
      {
        Update: {
          TableName: this.table.name,
          Key: keys.flightBookingCount(flightId),
          UpdateExpression: 'ADD booking_count :one',
          ConditionExpression: 'attribute_exists(booking_count)',
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
    ]);
    if (!outcome.written && outcome.failedAt === 1)
      await this.table.doc.send(new PutCommand({ TableName: this.table.name, Item }));
  }

  /** A booking already in the target state (or gone) is left as it is. */
  private async update(
    bookingId: string,
    expression: string,
    values: Record<string, unknown>,
    condition: string,
  ): Promise<void> {
    await this.table.writeIf({
      Update: {
        TableName: this.table.name,
        Key: keys.booking(bookingId),
        UpdateExpression: expression,
        ConditionExpression: condition,
        ExpressionAttributeValues: values,
      },
    });
  }
}

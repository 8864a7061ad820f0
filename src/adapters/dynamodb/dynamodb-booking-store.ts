import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Booking, BookingSchema, type BookingStatus } from '../../domain/booking.ts';
import { type Passenger, PassengerSchema } from '../../domain/passenger.ts';
import { GSI2, keys, prefixes, withoutKeys } from '../../domain/table-keys.ts';
import type { BookingRef, BookingStore, Page, PageRequest } from '../../ports.ts';
import { batchGet } from './batch-get.ts';
import { queryAll, queryPage } from './query-pages.ts';

export class DynamoDbBookingStore implements BookingStore {
  private readonly doc: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(doc: DynamoDBDocumentClient, tableName: string) {
    this.doc = doc;
    this.tableName = tableName;
  }

  async getBooking(bookingId: string): Promise<Booking | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.booking(bookingId) }),
    );
    return Item ? BookingSchema.parse(withoutKeys(Item)) : undefined;
  }

  async getPassenger(passengerId: string): Promise<Passenger | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.passenger(passengerId) }),
    );
    return Item ? PassengerSchema.parse(withoutKeys(Item)) : undefined;
  }

  async getBookings(bookingIds: string[]): Promise<Booking[]> {
    const items = await batchGet(this.doc, this.tableName, bookingIds.map(keys.booking));
    return items.map((i) => BookingSchema.parse(withoutKeys(i)));
  }

  async getPassengers(passengerIds: string[]): Promise<Passenger[]> {
    const items = await batchGet(this.doc, this.tableName, passengerIds.map(keys.passenger));
    return items.map((i) => PassengerSchema.parse(withoutKeys(i)));
  }

  async listPassengerBookings(passengerId: string): Promise<BookingRef[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.passenger(passengerId).PK, ':sk': prefixes.booking },
    });
    return items.map((i) => ({
      booking_id: String(i.booking_id),
      flight_id: String(i.flight_id),
      passenger_id: passengerId,
    }));
  }

  async listBookingsByStatus(status: BookingStatus, page?: PageRequest): Promise<Page<Booking>> {
    const result = await queryPage(
      this.doc,
      {
        TableName: this.tableName,
        IndexName: GSI2,
        KeyConditionExpression: 'GSI2PK = :status',
        ExpressionAttributeValues: { ':status': status },
      },
      page,
    );
    return { ...result, items: result.items.map((i) => BookingSchema.parse(withoutKeys(i))) };
  }

  async markNeedsRebooking(bookingId: string, at: string): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
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
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

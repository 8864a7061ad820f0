import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  FLIGHT_STATUSES,
  type Flight,
  FlightSchema,
  type FlightStatus,
} from '../../domain/records/flight.ts';
import type { FlightWeather } from '../../domain/weather/flight-weather.ts';
import type { Waiver } from '../../domain/weather/flight-weather-record.ts';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../../pagination/cursor.ts';
import type {
  BookingRef,
  FlightStore,
  FlightWeatherStore,
  Page,
  PageRequest,
} from '../../ports.ts';
import { batchGet } from './batch-get.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './query-pages.ts';
import type { SingleTable } from './single-table.ts';
import { GSI1, keys, prefixes, withoutKeys } from './table/table-keys.ts';

export class DynamoDbFlightStore implements FlightStore, FlightWeatherStore {
  private readonly table: SingleTable;

  constructor(table: SingleTable) {
    this.table = table;
  }

  /** Sets the flight's weather attribute only; status and times stay the workflows' to change. */
  async saveWeather(flightId: string, weather: FlightWeather): Promise<void> {
    await this.table.doc.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: keys.flight(flightId),
        UpdateExpression: 'SET weather = :weather',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':weather': weather },
      }),
    );
  }

  /** The waiver is claimed by a conditional write, so two agents issuing at once get one waiver. */
  async saveWaiver(flightId: string, waiver: Waiver): Promise<Waiver> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.flight(flightId),
          UpdateExpression: 'SET waiver = :waiver',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(waiver)',
          ExpressionAttributeValues: { ':waiver': waiver },
        }),
      );
      return waiver;
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      const existing = (await this.getFlight(flightId))?.waiver;
      if (!existing) throw new Error(`flight ${flightId} not found`);
      return existing;
    }
  }

  async getFlight(flightId: string): Promise<Flight | undefined> {
    return this.table.get(keys.flight(flightId), FlightSchema);
  }

  async getFlights(flightIds: string[]): Promise<Flight[]> {
    const items = await batchGet(this.table.doc, this.table.name, flightIds.map(keys.flight));
    return items.map((item) => FlightSchema.parse(withoutKeys(item)));
  }

  async keptBookingCounts(flightIds: string[]): Promise<Map<string, number>> {
    const keysOf = flightIds.map(keys.flightBookingCount);
    const items = await batchGet(this.table.doc, this.table.name, keysOf);
    return new Map(items.map((item) => [String(item.flight_id), Number(item.booking_count)]));
  }

  async listFlightsByStatus(status: FlightStatus, page?: PageRequest): Promise<Page<Flight>> {
    const result = await this.table.page(
      {
        IndexName: GSI1,
        KeyConditionExpression: 'GSI1PK = :status',
        ExpressionAttributeValues: { ':status': status },
      },
      page,
    );
    return { ...result, items: result.items.map((i) => FlightSchema.parse(withoutKeys(i))) };
  }

  /**
   * Flights status by status (GSI1, one query per status), reading only the page: the cursor is
   * the index key where the page stopped, or `{ GSI1PK: status }` for the start of a status.
   */
  async listFlights(page?: PageRequest): Promise<Page<Flight>> {
    const limit = Math.min(page?.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const cursor = decodeCursor(page?.cursor);
    let index = cursor ? FLIGHT_STATUSES.indexOf(cursor.GSI1PK as FlightStatus) : 0;
    if (index < 0) throw new InvalidCursorError('cursor is not one this API issued');
    let resume = cursor && 'PK' in cursor ? page?.cursor : undefined;
    const items: Flight[] = [];
    while (index < FLIGHT_STATUSES.length && items.length < limit) {
      const result = await this.listFlightsByStatus(FLIGHT_STATUSES[index] as FlightStatus, {
        limit: limit - items.length,
        ...(resume ? { cursor: resume } : {}),
      });
      items.push(...result.items);
      if (result.nextCursor) return { items, nextCursor: result.nextCursor };
      index++;
      resume = undefined;
    }
    const next = FLIGHT_STATUSES[index];
    return { items, ...(next ? { nextCursor: encodeCursor({ GSI1PK: next }) as string } : {}) };
  }

  async listFlightBookings(flightId: string): Promise<BookingRef[]> {
    const items = await this.table.all({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.flight(flightId).PK, ':sk': prefixes.booking },
    });
    return items.map((i) => ({
      booking_id: String(i.booking_id),
      passenger_id: String(i.passenger_id),
      flight_id: flightId,
    }));
  }

  async pageFlightBookings(flightId: string, page?: PageRequest): Promise<Page<BookingRef>> {
    const result = await this.table.page(
      {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': keys.flight(flightId).PK, ':sk': prefixes.booking },
      },
      page,
    );
    return {
      ...result,
      items: result.items.map((i) => ({
        booking_id: String(i.booking_id),
        passenger_id: String(i.passenger_id),
        flight_id: flightId,
      })),
    };
  }

  async countFlightBookings(flightId: string): Promise<number> {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const result = await this.table.doc.send(
        new QueryCommand({
          TableName: this.table.name,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': keys.flight(flightId).PK, ':sk': prefixes.booking },
          Select: 'COUNT',
          ExclusiveStartKey: start,
        }),
      );
      count += result.Count ?? 0;
      start = result.LastEvaluatedKey;
    } while (start);
    return count;
  }
}

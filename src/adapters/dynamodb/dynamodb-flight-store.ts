import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  FLIGHT_STATUSES,
  type Flight,
  FlightSchema,
  type FlightStatus,
} from '../../domain/records/flight.ts';
import type { FlightWeather } from '../../domain/weather/flight-weather.ts';
import { decodeCursor, encodeCursor } from '../../pagination/cursor.ts';
import type {
  BookingRef,
  FlightStore,
  FlightWeatherStore,
  Page,
  PageRequest,
} from '../../ports.ts';
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

  async getFlight(flightId: string): Promise<Flight | undefined> {
    return this.table.get(keys.flight(flightId), FlightSchema);
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

  async listFlights(page?: PageRequest): Promise<Page<Flight>> {
    // Flights carry GSI1PK = status; listing every status keeps this a set of queries, not a scan.
    const all = await Promise.all(FLIGHT_STATUSES.map((s) => this.listAllByStatus(s)));
    const flights = all
      .flat()
      .sort((a, b) => a.scheduled_departure.localeCompare(b.scheduled_departure));
    const start = Number(decodeCursor(page?.cursor)?.offset ?? 0);
    const limit = Math.min(page?.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const items = flights.slice(start, start + limit);
    const next =
      start + limit < flights.length ? encodeCursor({ offset: String(start + limit) }) : undefined;
    return { items, ...(next ? { nextCursor: next } : {}) };
  }

  private async listAllByStatus(status: FlightStatus): Promise<Flight[]> {
    const items = await this.table.all({
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :status',
      ExpressionAttributeValues: { ':status': status },
    });
    return items.map((i) => FlightSchema.parse(withoutKeys(i)));
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

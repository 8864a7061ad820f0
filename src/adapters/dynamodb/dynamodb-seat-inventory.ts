import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { CABINS } from '../../domain/rebooking/cabin.ts';
import type { ScheduledFlight } from '../../domain/rebooking/rebooking-types.ts';
import { scheduledFlight } from '../../domain/rebooking/scheduled-flight.ts';
import { freeSeats } from '../../domain/rebooking/seat-inventory.ts';
import { FlightSchema } from '../../domain/records/flight.ts';
import type { SeatInventory, SeatRequest } from '../../ports/rebooking-ports.ts';
import type { SingleTable } from './single-table.ts';
import { GSI1, keys } from './table/table-keys.ts';

/** How one seat operation moves the counters of a cabin, and whether it needs free seats. */
interface Move {
  free: number;
  held: number;
  booked: number;
  /** Condition: the cabin must have this counter ≥ the seats moved. */
  needs?: 'free' | 'held';
}
const HOLD: Move = { free: -1, held: 1, booked: 0, needs: 'free' };
const RELEASE: Move = { free: 1, held: -1, booked: 0, needs: 'held' };
const BOOK_FREE: Move = { free: -1, held: 0, booked: 1, needs: 'free' };
const BOOK_HELD: Move = { free: 0, held: -1, booked: 1, needs: 'held' };
const UNBOOK: Move = { free: 1, held: 0, booked: -1 };

const BOOKABLE_STATUSES = ['SCHEDULED', 'DELAYED', 'BOARDING'] as const;

/**
 * Seat counters on the flight item (`seats.<cabin>.{capacity, booked, held, free}`), changed only
 * by conditional updates: `free >= n` is checked by DynamoDB in the same write that takes the
 * seats, so the last seat goes to exactly one writer and a cabin is never oversold.
 */
export class DynamoDbSeatInventory implements SeatInventory {
  private readonly table: SingleTable;

  constructor(table: SingleTable) {
    this.table = table;
  }

  hold(requests: SeatRequest[]): Promise<boolean> {
    return this.all(requests, HOLD, RELEASE);
  }

  async release(requests: SeatRequest[]): Promise<void> {
    for (const r of requests) await this.move(r, RELEASE);
  }

  book(requests: SeatRequest[], fromHold: boolean): Promise<boolean> {
    return fromHold
      ? this.all(requests, BOOK_HELD, RELEASE)
      : this.all(requests, BOOK_FREE, UNBOOK);
  }

  async unbook(requests: SeatRequest[]): Promise<void> {
    for (const r of requests) await this.move(r, UNBOOK);
  }

  async freeSeats(flightIds: string[]): Promise<Map<string, number>> {
    const free = new Map<string, number>();
    for (const id of new Set(flightIds)) {
      const flight = await this.table.get(keys.flight(id), FlightSchema);
      for (const cabin of CABINS) free.set(`${id}/${cabin}`, freeSeats(flight?.seats, cabin));
    }
    return free;
  }

  /** Each status's flights, converted page by page as they arrive (a day has thousands). */
  async bookableFlights(): Promise<ScheduledFlight[]> {
    const byStatus = await Promise.all(
      BOOKABLE_STATUSES.map(async (status) => {
        const flights: ScheduledFlight[] = [];
        const pages = this.table.pages({
          IndexName: GSI1,
          KeyConditionExpression: 'GSI1PK = :status',
          ExpressionAttributeValues: { ':status': status },
        });
        for await (const page of pages)
          for (const item of page) {
            const flight = FlightSchema.safeParse(item);
            if (flight.success && flight.data.seats) flights.push(scheduledFlight(flight.data));
          }
        return flights;
      }),
    );
    return byStatus.flat();
  }

  /** Applies `move` to every request, undoing the ones done when a later one has no room. */
  private async all(requests: SeatRequest[], move: Move, undo: Move): Promise<boolean> {
    const done: SeatRequest[] = [];
    for (const r of requests) {
      if (!(await this.move(r, move))) {
        for (const d of done) await this.move(d, undo);
        return false;
      }
      done.push(r);
    }
    return true;
  }

  private async move(r: SeatRequest, move: Move): Promise<boolean> {
    const values: Record<string, number> = { ':n': r.seats };
    const parts = (['free', 'held', 'booked'] as const)
      .filter((counter) => move[counter] !== 0)
      .map((counter) => {
        values[`:${counter}`] = move[counter] * r.seats;
        return `#seats.#cabin.#${counter} = #seats.#cabin.#${counter} + :${counter}`;
      });
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.flight(r.flight_id),
          UpdateExpression: `SET ${parts.join(', ')}`,
          ConditionExpression: move.needs
            ? `#seats.#cabin.#${move.needs} >= :n`
            : 'attribute_exists(#seats.#cabin)',
          ExpressionAttributeNames: {
            '#seats': 'seats',
            '#cabin': r.cabin,
            // `free` is a reserved word; every counter goes through a name.
            ...Object.fromEntries(
              (['free', 'held', 'booked'] as const)
                .filter((c) => move[c] !== 0 || move.needs === c)
                .map((c) => [`#${c}`, c]),
            ),
          },
          ExpressionAttributeValues: move.needs ? values : without(values, ':n'),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

function without(values: Record<string, number>, key: string): Record<string, number> {
  const { [key]: _drop, ...rest } = values;
  return rest;
}

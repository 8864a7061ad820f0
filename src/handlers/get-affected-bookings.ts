import { z } from 'zod';
import { FlightIdSchema } from '../domain/records/flight.ts';
import type { FlightStore } from '../ports.ts';

const InputSchema = z.object({ flight_id: FlightIdSchema });

export interface AffectedBookings {
  flight_id: string;
  count: number;
  batches: Array<{ booking_ids: string[] }>;
}

/** Workflow task: the flight's bookings (lookup records), split into batches for the Map state. */
export function createGetAffectedBookings(deps: { flights: FlightStore; batchSize: number }) {
  return async (input: unknown): Promise<AffectedBookings> => {
    const { flight_id } = InputSchema.parse(input);
    const ids = (await deps.flights.listFlightBookings(flight_id)).map((b) => b.booking_id);
    const batches: AffectedBookings['batches'] = [];
    for (let i = 0; i < ids.length; i += deps.batchSize) {
      batches.push({ booking_ids: ids.slice(i, i + deps.batchSize) });
    }
    return { flight_id, count: ids.length, batches };
  };
}

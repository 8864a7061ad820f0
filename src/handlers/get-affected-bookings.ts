import { z } from 'zod';
import { FlightIdSchema } from '../domain/records/flight.ts';
import { manifestKey } from '../domain/workflows/manifests.ts';
import { bookingBatches } from '../domain/workflows/task-functions.ts';
import type { FlightStore, ObjectStore } from '../ports.ts';

const InputSchema = z.object({
  flight_id: FlightIdSchema,
  /** The execution's name: one manifest per run, rewritten as it was if the run is re-driven. */
  run: z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/),
});

/** Where a run's batches are: read by the workflow's Distributed Map (ItemReader, JSON). */
export interface BookingManifest {
  bucket: string;
  key: string;
}

export interface AffectedBookings {
  flight_id: string;
  count: number;
  batches: number;
  /** Null when nobody is booked (the workflow skips its Map states). */
  manifest: BookingManifest | null;
}

/**
 * Workflow task: the flight's bookings (lookup records), split into batches (a small first one)
 * and written as a JSON manifest; the workflow state carries only its location, so a flight of
 * any size stays far below the 256 KB payload limit (50,000 booking ids would be ~780 KB).
 */
export function createGetAffectedBookings(deps: {
  flights: FlightStore;
  batchSize: number;
  objects: ObjectStore;
  bucket: string;
}) {
  return async (input: unknown): Promise<AffectedBookings> => {
    const { flight_id, run } = InputSchema.parse(input);
    const refs = await deps.flights.listFlightBookings(flight_id);
    const batches = bookingBatches(refs, deps.batchSize);
    if (batches.length === 0) return { flight_id, count: 0, batches: 0, manifest: null };
    const manifest = { bucket: deps.bucket, key: manifestKey(flight_id, run) };
    await deps.objects.put(manifest.bucket, manifest.key, JSON.stringify(batches));
    return { flight_id, count: refs.length, batches: batches.length, manifest };
  };
}

import { z } from 'zod';
import { type Cabin, CabinSchema } from './cabin.ts';

/** Seats of one cabin of one flight: what the aircraft has, what is sold, what offers hold. */
export const CabinSeatsSchema = z.object({
  capacity: z.number().int().min(0),
  booked: z.number().int().min(0),
  held: z.number().int().min(0),
});
export type CabinSeats = z.infer<typeof CabinSeatsSchema>;

/** Seats per cabin; a cabin the aircraft does not have is absent. */
export const FlightSeatsSchema = z.partialRecord(CabinSchema, CabinSeatsSchema);
export type FlightSeats = z.infer<typeof FlightSeatsSchema>;

/** Seats nobody has bought or holds. Never negative, even for an oversold legacy record. */
export function freeSeats(seats: FlightSeats | undefined, cabin: Cabin): number {
  const c = seats?.[cabin];
  return c ? Math.max(0, c.capacity - c.booked - c.held) : 0;
}

/**
 * The seat layout of an aircraft type: front cabin and main cabin capacities. Unknown types get
 * a single-aisle layout, so sample data without a known type still has an inventory.
 */
export function cabinCapacities(aircraft: string): Record<Cabin, number> {
  const total = AIRCRAFT_SEATS.find(([prefix]) => aircraft.startsWith(prefix))?.[1] ?? 150;
  const business = Math.max(4, Math.round(total * 0.1));
  return { BUSINESS: business, ECONOMY: total - business };
}

const AIRCRAFT_SEATS: ReadonlyArray<readonly [string, number]> = [
  ['Embraer E175', 76],
  ['Boeing 737-700', 143],
  ['Boeing 737-800', 175],
  ['Boeing 737 MAX 8', 175],
  ['Airbus A321neo', 196],
  ['Boeing 787-9', 296],
  ['Boeing 777-300ER', 396],
];

import fc from 'fast-check';
import type { Cabin } from '../../../src/domain/rebooking/cabin.ts';
import type { Party, ScheduledFlight } from '../../../src/domain/rebooking/rebooking-types.ts';
import type { Tier } from '../../../src/domain/records/passenger.ts';

const DAY = '2025-01-15T';

/** A flight of the test network: times as minutes after midnight UTC on the test day. */
export function flight(
  id: string,
  origin: string,
  destination: string,
  depart: number,
  arrive: number,
  economy: { capacity: number; booked?: number; held?: number },
  business?: { capacity: number; booked?: number; held?: number },
): ScheduledFlight {
  const seats = (s: { capacity: number; booked?: number; held?: number }) => ({
    capacity: s.capacity,
    booked: s.booked ?? 0,
    held: s.held ?? 0,
  });
  return {
    flight_id: id,
    origin,
    destination,
    departure: at(depart),
    arrival: at(arrive),
    status: 'SCHEDULED',
    seats: { ECONOMY: seats(economy), ...(business ? { BUSINESS: seats(business) } : {}) },
  };
}

export function at(minutes: number): string {
  return new Date(Date.parse(`${DAY}00:00:00Z`) + minutes * 60_000).toISOString();
}

export function party(
  id: string,
  tier: Tier,
  overrides: Partial<Party> & { seats?: number; cabin?: Cabin } = {},
): Party {
  const seats = overrides.seats ?? 1;
  return {
    party_id: id,
    booking_ids: Array.from({ length: seats }, (_, i) => `B${id}${i}`),
    passenger_ids: Array.from({ length: seats }, (_, i) => `P${id}${i}`),
    tier,
    cabin: overrides.cabin ?? 'ECONOMY',
    seats_needed: seats,
    needs: { assisted: false, nonStopOnly: false },
    trip: { origin: 'PHX', destination: 'OAK', notBefore: at(600), originalArrival: at(660) },
    reason: 'CANCELLED',
    voluntary: false,
    excluded_flights: ['SW9012'],
    ...overrides,
  };
}

const TIERS_ARB = fc.constantFrom<Tier>('MEMBER', 'A-LIST', 'A-LIST_PREFERRED');
const AIRPORTS = ['PHX', 'OAK', 'LAS', 'DEN'] as const;

/** A random small network around PHX → OAK, with hubs LAS and DEN, and random fullness. */
export const networkArb = fc
  .array(
    fc.record({
      from: fc.constantFrom(...AIRPORTS),
      to: fc.constantFrom(...AIRPORTS),
      depart: fc.integer({ min: 540, max: 2400 }),
      length: fc.integer({ min: 50, max: 180 }),
      capacity: fc.integer({ min: 0, max: 8 }),
      booked: fc.integer({ min: 0, max: 8 }),
      business: fc.integer({ min: 0, max: 3 }),
    }),
    { minLength: 1, maxLength: 14 },
  )
  .map((rows) =>
    rows
      .filter((r) => r.from !== r.to)
      .map((r, i) =>
        flight(
          `SW${100 + i}`,
          r.from,
          r.to,
          r.depart,
          r.depart + r.length,
          { capacity: r.capacity, booked: Math.min(r.booked, r.capacity) },
          { capacity: r.business },
        ),
      ),
  );

/** Random parties of 1–3 on the cancelled PHX → OAK flight, any tier, some needing help. */
export const partiesArb = fc
  .array(
    fc.record({
      tier: TIERS_ARB,
      seats: fc.integer({ min: 1, max: 3 }),
      assisted: fc.boolean(),
      nonStopOnly: fc.boolean(),
      business: fc.boolean(),
    }),
    { minLength: 1, maxLength: 20 },
  )
  .map((rows) =>
    rows.map((r, i) =>
      party(`R${i}`, r.tier, {
        seats: r.seats,
        cabin: r.business ? 'BUSINESS' : 'ECONOMY',
        needs: { assisted: r.assisted, nonStopOnly: r.nonStopOnly && r.assisted },
      }),
    ),
  );

import { CABINS, type Cabin, cabinLevel } from './cabin.ts';
import { shortestAllowedConnection } from './connection-times.ts';
import type { Party, ScheduledFlight } from './rebooking-types.ts';
import { freeSeats } from './seat-inventory.ts';

/** An option arrives at most this long after the promised arrival, or it is no option. */
export const OPTION_WINDOW_MINUTES = 24 * 60;

const BOOKABLE = new Set(['SCHEDULED', 'DELAYED', 'BOARDING']);

/** Flights by origin, each list sorted by departure: the search reads only what can connect. */
export interface Network {
  byOrigin: Map<string, ScheduledFlight[]>;
}

export function buildNetwork(flights: readonly ScheduledFlight[]): Network {
  const byOrigin = new Map<string, ScheduledFlight[]>();
  for (const flight of flights) {
    if (!BOOKABLE.has(flight.status)) continue;
    const list = byOrigin.get(flight.origin) ?? [];
    list.push(flight);
    byOrigin.set(flight.origin, list);
  }
  for (const list of byOrigin.values()) list.sort((a, b) => ms(a.departure) - ms(b.departure));
  return { byOrigin };
}

/** One way to get a party there, in one cabin; capacity is the allocator's concern. */
export interface Candidate {
  flights: ScheduledFlight[];
  cabin: Cabin;
  arrivalMs: number;
  /** True when the cabin is above the party's: policy wants an agent to approve it. */
  upgrade: boolean;
}

/**
 * Every itinerary (non-stop or one connection) from the trip's origin to its destination,
 * departing no earlier than `notBefore` and arriving within 24 h of the promised arrival, in
 * the party's cabin or a better one — ranked: earlier arrival, then fewer connections, then the
 * party's own cabin before an upgrade. `respectNeeds: false` answers "would there be a way
 * without the special needs?", which tells an agent why a party was escalated.
 */
export function findItineraries(network: Network, party: Party, respectNeeds = true): Candidate[] {
  const { trip } = party;
  const earliest = ms(trip.notBefore);
  const latest = ms(trip.originalArrival) + OPTION_WINDOW_MINUTES * 60_000;
  const excluded = new Set(party.excluded_flights);
  const usable = (f: ScheduledFlight, from: number) =>
    !excluded.has(f.flight_id) && ms(f.departure) >= from && ms(f.arrival) <= latest;
  const routes: ScheduledFlight[][] = [];
  for (const first of network.byOrigin.get(trip.origin) ?? []) {
    if (!usable(first, earliest)) continue;
    if (first.destination === trip.destination) {
      routes.push([first]);
      continue;
    }
    if (respectNeeds && party.needs.nonStopOnly) continue;
    const connection = shortestAllowedConnection(
      first.destination,
      respectNeeds && party.needs.assisted,
    );
    const ready = ms(first.arrival) + connection * 60_000;
    for (const second of network.byOrigin.get(first.destination) ?? []) {
      if (second.destination === trip.destination && usable(second, ready))
        routes.push([first, second]);
    }
  }
  const candidates: Candidate[] = [];
  for (const flights of routes) {
    for (const cabin of CABINS) {
      if (cabinLevel(cabin) < cabinLevel(party.cabin)) continue;
      if (!flights.every((f) => f.seats[cabin] !== undefined)) continue;
      const last = flights[flights.length - 1] as ScheduledFlight;
      candidates.push({
        flights,
        cabin,
        arrivalMs: ms(last.arrival),
        upgrade: cabin !== party.cabin,
      });
    }
  }
  return candidates.sort(compareCandidates);
}

/** Ranking: arrival at the final destination, then fewer connections, then same cabin first. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    a.arrivalMs - b.arrivalMs ||
    a.flights.length - b.flights.length ||
    Number(a.upgrade) - Number(b.upgrade) ||
    candidateId(a).localeCompare(candidateId(b))
  );
}

/** Stable id of a candidate within an offer: its flights and cabin, e.g. `SW9014/ECONOMY`. */
export function candidateId(candidate: Candidate): string {
  return `${candidate.flights.map((f) => f.flight_id).join('+')}/${candidate.cabin}`;
}

/** Whether every segment has room for `seats` more in the candidate's cabin. */
export function fits(
  candidate: Candidate,
  seats: number,
  free: (flightId: string, cabin: Cabin) => number,
): boolean {
  return candidate.flights.every((f) => free(f.flight_id, candidate.cabin) >= seats);
}

/** The free seats of every flight and cabin, as a mutable working copy. */
export function freeSeatMap(flights: readonly ScheduledFlight[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const f of flights)
    for (const cabin of CABINS) map.set(`${f.flight_id}/${cabin}`, freeSeats(f.seats, cabin));
  return map;
}

export function ms(iso: string): number {
  return Date.parse(iso);
}

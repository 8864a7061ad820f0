import { TIERS } from '../records/passenger.ts';
import {
  buildNetwork,
  type Candidate,
  candidateId,
  findItineraries,
  fits,
  freeSeatMap,
  type Network,
} from './find-itineraries.ts';
import type {
  EscalationReason,
  Party,
  PartyAllocation,
  RebookingOption,
  ScheduledFlight,
} from './rebooking-types.ts';

export const MAX_OPTIONS = 3;

/**
 * The order in which parties choose seats: those who lost their flight before those offered a
 * voluntary change, then by tier (A-LIST PREFERRED, A-LIST, MEMBER), then those who need
 * assistance (fewest ways to place them), then larger parties, then the record locator so the
 * same wave always allocates the same way.
 */
export function priorityOrder(parties: readonly Party[]): Party[] {
  const tier = (p: Party) => TIERS.length - 1 - TIERS.indexOf(p.tier);
  return [...parties].sort(
    (a, b) =>
      Number(a.voluntary) - Number(b.voluntary) ||
      tier(a) - tier(b) ||
      Number(b.needs.assisted || b.needs.nonStopOnly) -
        Number(a.needs.assisted || a.needs.nonStopOnly) ||
      b.seats_needed - a.seats_needed ||
      a.party_id.localeCompare(b.party_id),
  );
}

/**
 * Allocates seats for a whole wave at once. First pass, in priority order: every party who lost
 * its flight gets the best-ranked option with room for the whole party, and those seats are held
 * (never an upgrade: that needs an agent). Second pass: up to two more options that still have
 * room after every hold, shown but not held — whoever accepts first gets them. A party nothing
 * fits goes to an agent, with the reason.
 *
 * @example
 * const allocations = allocateWave(parties, flights);
 * allocations[0].options[0].held; // true: the seat is really theirs until the offer expires
 */
export function allocateWave(
  parties: readonly Party[],
  flights: readonly ScheduledFlight[],
): PartyAllocation[] {
  const network = buildNetwork(flights);
  const free = freeSeatMap(flights);
  const room = (flightId: string, cabin: string) => free.get(`${flightId}/${cabin}`) ?? 0;
  const ordered = priorityOrder(parties);
  const searched = new Map<string, Candidate[]>();
  const candidatesOf = (party: Party) => {
    const key = searchKey(party);
    let found = searched.get(key);
    if (!found) {
      found = findItineraries(network, party);
      searched.set(key, found);
    }
    return found;
  };

  const holds = new Map<string, Candidate>();
  for (const party of ordered) {
    if (party.voluntary) continue;
    const best = candidatesOf(party).find((c) => !c.upgrade && fits(c, party.seats_needed, room));
    if (!best) continue;
    holds.set(party.party_id, best);
    for (const f of best.flights) {
      const key = `${f.flight_id}/${best.cabin}`;
      free.set(key, (free.get(key) ?? 0) - party.seats_needed);
    }
  }

  return ordered.map((party) => {
    const held = holds.get(party.party_id);
    const chosen: Array<{ candidate: Candidate; held: boolean }> = held
      ? [{ candidate: held, held: true }]
      : [];
    for (const candidate of candidatesOf(party)) {
      if (chosen.length >= MAX_OPTIONS) break;
      if (candidate === held || !fits(candidate, party.seats_needed, room)) continue;
      chosen.push({ candidate, held: false });
    }
    const options = chosen
      .sort(
        (a, b) =>
          candidatesOf(party).indexOf(a.candidate) - candidatesOf(party).indexOf(b.candidate),
      )
      .map(({ candidate, held: isHeld }, i) => toOption(party, candidate, i + 1, isHeld));
    if (options.length > 0 || party.voluntary) return { party, options };
    return { party, options, escalation: whyUnplaced(network, party, candidatesOf(party)) };
  });
}

function toOption(party: Party, c: Candidate, rank: number, held: boolean): RebookingOption {
  return {
    option_id: candidateId(c),
    rank,
    segments: c.flights.map((f) => ({
      flight_id: f.flight_id,
      origin: f.origin,
      destination: f.destination,
      departure: f.departure,
      arrival: f.arrival,
      cabin: c.cabin,
    })),
    arrival_delay_minutes: Math.max(
      0,
      Math.round((c.arrivalMs - Date.parse(party.trip.originalArrival)) / 60_000),
    ),
    held,
    ...(c.upgrade ? { approval: 'CABIN_UPGRADE' as const } : {}),
  };
}

/** The reason an agent sees for a party the machine could not place. */
function whyUnplaced(network: Network, party: Party, candidates: Candidate[]): EscalationReason {
  if (candidates.length > 0)
    return party.seats_needed > 1 ? 'PARTY_CANNOT_BE_PLACED' : 'NO_SEAT_AVAILABLE';
  const withoutNeeds = findItineraries(network, party, false);
  return withoutNeeds.length > 0 ? 'SPECIAL_NEED_CANNOT_BE_PLACED' : 'NO_OPTION_WITHIN_24H';
}

/** Parties with the same search key have the same candidates: search once per key. */
function searchKey(p: Party): string {
  return [
    p.trip.origin,
    p.trip.destination,
    p.trip.notBefore,
    p.trip.originalArrival,
    p.cabin,
    p.needs.assisted,
    p.needs.nonStopOnly,
    p.excluded_flights.join(','),
  ].join('|');
}

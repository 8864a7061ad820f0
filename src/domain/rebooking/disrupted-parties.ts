import type { BookingStatus, SpecialRequest } from '../records/booking.ts';
import { TIERS, type Tier } from '../records/passenger.ts';
import { cabinOfFare } from './cabin.ts';
import { minimumConnectingMinutes, shortestAllowedConnection } from './connection-times.ts';
import type { DisruptionReason, Party, PartyNeeds, ScheduledFlight } from './rebooking-types.ts';

/** A delay this long or longer offers everyone on the flight a voluntary change. */
export const LONG_DELAY_MINUTES = 180;

/** What happened to the flight, as far as rebooking cares. */
export type FlightDisruption =
  | { kind: 'CANCELLATION' }
  | { kind: 'DELAY'; delay_minutes: number }
  /** A waiver (weather): everyone may change for free. */
  | { kind: 'WAIVER' };

/** A booking on the disrupted flight, with what rebooking needs to know about it. */
export interface BookingOnFlight {
  booking_id: string;
  passenger_id: string;
  confirmation_number: string;
  fare_class: string;
  booking_status: BookingStatus;
  special_requests: readonly SpecialRequest[];
  tier: Tier;
  /** The next flight of the itinerary, when the passenger connects at the destination. */
  onward?: ScheduledFlight;
}

const ASSISTANCE: ReadonlySet<SpecialRequest> = new Set([
  'WHEELCHAIR_ASSISTANCE',
  'VISUAL_ASSISTANCE',
  'HEARING_ASSISTANCE',
  'TRAVELLING_WITH_INFANT',
  'SERVICE_ANIMAL',
  'UNACCOMPANIED_MINOR',
]);
const SETTLED: ReadonlySet<BookingStatus> = new Set(['CANCELLED', 'REBOOKED']);

/**
 * Who a disruption leaves needing new flights, grouped into parties (one record locator
 * travels together). Cancellation: everyone. Delay: those whose connection at the hub is now
 * shorter than its minimum connecting time, and — when the delay is 3 hours or more — everyone
 * else as a voluntary offer. Waiver: everyone, voluntary.
 *
 * @param flight the disrupted flight with its new expected times
 * @param scheduled its times before the disruption
 */
export function disruptedParties(
  flight: ScheduledFlight,
  scheduled: { departure: string; arrival: string },
  disruption: FlightDisruption,
  bookings: readonly BookingOnFlight[],
): Party[] {
  const groups = new Map<string, { reason: DisruptionReason; members: BookingOnFlight[] }>();
  for (const booking of bookings) {
    if (SETTLED.has(booking.booking_status)) continue;
    const reason = reasonFor(flight, disruption, booking);
    if (!reason) continue;
    const key = `${booking.confirmation_number}|${reason}|${booking.onward?.flight_id ?? ''}`;
    const group = groups.get(key) ?? { reason, members: [] };
    group.members.push(booking);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ reason, members }) =>
    partyOf(flight, scheduled, reason, members),
  );
}

function reasonFor(
  flight: ScheduledFlight,
  disruption: FlightDisruption,
  booking: BookingOnFlight,
): DisruptionReason | undefined {
  if (disruption.kind === 'CANCELLATION') return 'CANCELLED';
  if (disruption.kind === 'WAIVER') return 'WAIVER';
  if (booking.onward) {
    const connection = (Date.parse(booking.onward.departure) - Date.parse(flight.arrival)) / 60_000;
    if (connection < minimumConnectingMinutes(flight.destination)) return 'MISCONNECT';
  }
  return disruption.delay_minutes >= LONG_DELAY_MINUTES ? 'LONG_DELAY' : undefined;
}

function partyOf(
  flight: ScheduledFlight,
  scheduled: { departure: string; arrival: string },
  reason: DisruptionReason,
  members: BookingOnFlight[],
): Party {
  const first = members[0] as BookingOnFlight;
  const requests = members.flatMap((m) => m.special_requests);
  const needs: PartyNeeds = {
    assisted: requests.some((r) => ASSISTANCE.has(r)),
    nonStopOnly: requests.includes('UNACCOMPANIED_MINOR'),
  };
  const onward = first.onward;
  const finalArrival = onward?.arrival ?? scheduled.arrival;
  // A misconnected passenger keeps the delayed flight and needs a way on from the hub.
  const trip =
    reason === 'MISCONNECT' && onward
      ? {
          origin: flight.destination,
          destination: onward.destination,
          notBefore: afterMinutes(
            flight.arrival,
            shortestAllowedConnection(flight.destination, needs.assisted),
          ),
          originalArrival: finalArrival,
        }
      : {
          origin: flight.origin,
          destination: onward?.destination ?? flight.destination,
          notBefore: scheduled.departure,
          originalArrival: finalArrival,
        };
  return {
    party_id: `${first.confirmation_number}-${flight.flight_id}`,
    booking_ids: members.map((m) => m.booking_id),
    passenger_ids: members.map((m) => m.passenger_id),
    tier: highestTier(members.map((m) => m.tier)),
    cabin: cabinOfFare(first.fare_class),
    seats_needed: members.length + requests.filter((r) => r === 'EXTRA_SEAT').length,
    needs,
    trip,
    reason,
    voluntary: reason === 'LONG_DELAY' || reason === 'WAIVER',
    excluded_flights: [flight.flight_id],
  };
}

function highestTier(tiers: Tier[]): Tier {
  return TIERS[Math.max(...tiers.map((t) => TIERS.indexOf(t)))] as Tier;
}

function afterMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

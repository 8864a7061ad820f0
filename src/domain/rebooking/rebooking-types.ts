import type { FlightStatus } from '../records/flight.ts';
import type { Tier } from '../records/passenger.ts';
import type { Cabin } from './cabin.ts';
import type { FlightSeats } from './seat-inventory.ts';

/** A flight as rebooking sees it: where and when it flies, and its seats. */
export interface ScheduledFlight {
  flight_id: string;
  origin: string;
  destination: string;
  /** Expected departure and arrival (estimated when delayed), ISO with the airport's offset. */
  departure: string;
  arrival: string;
  status: FlightStatus;
  seats: FlightSeats;
}

/** Why a party needs new flights; voluntary ones may keep their own flight. */
export type DisruptionReason = 'CANCELLED' | 'MISCONNECT' | 'LONG_DELAY' | 'WAIVER';

/** What a party needs from an option. */
export interface PartyNeeds {
  /** Assistance (mobility, sensory, infant, service animal): no tight connections. */
  assisted: boolean;
  /** Unaccompanied minors fly non-stop only. */
  nonStopOnly: boolean;
}

/** Where a party must get to, and from when. */
export interface Trip {
  origin: string;
  destination: string;
  /** Options depart at or after this instant. */
  notBefore: string;
  /** The arrival the passenger was promised at the final destination. */
  originalArrival: string;
}

/** Passengers on one record, who travel together: allocated as one unit. */
export interface Party {
  /** The record locator (confirmation number) plus the disrupted flight. */
  party_id: string;
  booking_ids: string[];
  passenger_ids: string[];
  /** The highest tier on the record: the party's priority. */
  tier: Tier;
  cabin: Cabin;
  seats_needed: number;
  needs: PartyNeeds;
  trip: Trip;
  reason: DisruptionReason;
  voluntary: boolean;
  /** Flights the party may not be put on (the disrupted one). */
  excluded_flights: string[];
}

export interface OptionSegment {
  flight_id: string;
  origin: string;
  destination: string;
  departure: string;
  arrival: string;
  cabin: Cabin;
}

/** Why an option needs an agent's approval before it is booked. */
export type ApprovalReason = 'CABIN_UPGRADE';

export interface RebookingOption {
  option_id: string;
  rank: number;
  segments: OptionSegment[];
  arrival_delay_minutes: number;
  /** Seats are held for this option for the offer's lifetime. */
  held: boolean;
  /** Set when policy wants a person to approve it (PENDING_AGENT when picked). */
  approval?: ApprovalReason;
}

export type EscalationReason =
  | 'NO_OPTION_WITHIN_24H'
  | 'NO_SEAT_AVAILABLE'
  | 'PARTY_CANNOT_BE_PLACED'
  | 'SPECIAL_NEED_CANNOT_BE_PLACED'
  | 'PASSENGER_ASKED_FOR_AGENT'
  | 'TOP_OPTION_NO_LONGER_AVAILABLE'
  | 'TOP_OPTION_NEEDS_AGENT';

/** What the wave allocation decided for one party. */
export interface PartyAllocation {
  party: Party;
  /** Up to three, best first; the held one (if any) is the best that fits. */
  options: RebookingOption[];
  /** Set when nobody can be offered a bookable option: the party goes to an agent. */
  escalation?: EscalationReason;
}

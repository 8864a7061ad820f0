import type { Cabin } from '../domain/rebooking/cabin.ts';
import type { Offer, OfferStatus } from '../domain/rebooking/offer.ts';
import type { ScheduledFlight } from '../domain/rebooking/rebooking-types.ts';
import type { Page, PageRequest } from '../ports.ts';

/** One flight and cabin of an option, with how many seats the party needs on it. */
export interface SeatRequest {
  flight_id: string;
  cabin: Cabin;
  seats: number;
}

/**
 * Seats as conditional writes on each flight's inventory: a hold or a booking succeeds only if
 * the cabin still has room, so two answers racing for the last seat cannot both win. Multi-flight
 * requests are all-or-nothing (what succeeded is undone when a later flight has no room).
 */
export interface SeatInventory {
  /** free → held; false when some flight has no room. */
  hold(requests: SeatRequest[]): Promise<boolean>;
  /** held → free. */
  release(requests: SeatRequest[]): Promise<void>;
  /** held → booked when `fromHold`, else free → booked; false when some flight has no room. */
  book(requests: SeatRequest[], fromHold: boolean): Promise<boolean>;
  /** booked → free (a seat given up: the old flight of a voluntary change). */
  unbook(requests: SeatRequest[]): Promise<void>;
  /** Free seats per `flight/cabin` of the given flights, read now. */
  freeSeats(flightIds: string[]): Promise<Map<string, number>>;
  /** Flights that can take passengers, with their seats: the network options are searched in. */
  bookableFlights(): Promise<ScheduledFlight[]>;
}

export interface OfferFilter {
  flightId?: string;
  status?: OfferStatus;
}

export interface OfferStore {
  /** Stores a new offer; false when one with its id exists (a retried workflow). */
  create(offer: Offer): Promise<boolean>;
  get(offerId: string): Promise<Offer | undefined>;
  /** The offers of these ids that exist (a batch's offers, read together). */
  getMany(offerIds: readonly string[]): Promise<Offer[]>;
  list(filter: OfferFilter, page?: PageRequest): Promise<Page<Offer>>;
  /**
   * Changes an offer only if its status is one of `from` (and, when given, it is being booked
   * under `inProgress`); returns the offer after the change, or undefined when the condition
   * failed.
   */
  update(
    offerId: string,
    from: readonly OfferStatus[],
    patch: Partial<Offer>,
    options?: { inProgress?: string; notInProgress?: boolean; clear?: Array<keyof Offer> },
  ): Promise<Offer | undefined>;
}

/** The bookings side of a rebooking. */
export interface RebookingBookings {
  /** Points each booking at its offer. */
  linkOffer(bookingIds: string[], offerId: string): Promise<void>;
  /** Marks bookings NEEDS_REBOOKING where their status allows it. */
  markNeedsRebooking(bookingIds: string[], at: string): Promise<void>;
  /** Moves bookings to their new flights: REBOOKED, the old flight kept as original_flight_id. */
  rebook(bookingIds: string[], flightIds: string[], at: string): Promise<void>;
  /** The passenger took a refund: the booking is cancelled. */
  cancel(bookingIds: string[], at: string): Promise<void>;
}

/** The first answer to an Idempotency-Key, replayed for the same key and body. */
export interface StoredAnswer {
  status: number;
  body: unknown;
}

export type IdempotencyClaim =
  | { state: 'new' }
  | { state: 'replay'; answer: StoredAnswer }
  | { state: 'mismatch' }
  | { state: 'in_progress' };

export interface IdempotencyStore {
  /** Claims a key for a request fingerprint (a hash of the body) by a conditional write. */
  claim(scope: string, key: string, fingerprint: string, at: string): Promise<IdempotencyClaim>;
  /** Stores the answer to return for every replay. */
  complete(scope: string, key: string, answer: StoredAnswer): Promise<void>;
  /** Forgets a claim whose request failed before answering, so a retry may run it again. */
  abandon(scope: string, key: string): Promise<void>;
}

/** Fires `offer.expiry_due` for an offer at its expiry: EventBridge Scheduler in AWS, a poller locally. */
export interface OfferExpiryScheduler {
  schedule(offerId: string, at: string): Promise<void>;
  cancel(offerId: string): Promise<void>;
}

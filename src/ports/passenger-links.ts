/** A link that lets a passenger act on one booking without an account. */
export interface PassengerLink {
  url: string;
  /** The bearer token inside the link (bound to the booking, short-lived). */
  token: string;
  expiresAt: string;
}

/** The booking a link is bound to, as a verified link names it. */
export interface LinkedBooking {
  bookingId: string;
  passengerId: string;
}

/**
 * Short-lived links bound to one booking, for messages that invite a passenger to act (no
 * account needed). One signer makes and checks every such link: the identity capability's.
 */
export interface PassengerLinks {
  /**
   * A link to `path` (e.g. `/`) that admits the passenger to this booking only and expires after
   * `ttlSeconds` (default: the adapter's, 24 h).
   */
  create(request: {
    bookingId: string;
    passengerId: string;
    path: string;
    ttlSeconds?: number;
  }): Promise<PassengerLink>;
  /** The link that opens a booking's offer page, valid until the offer's `expiresAt` (ISO). */
  offerLink(
    booking: { booking_id: string; passenger_id: string },
    expiresAt: string,
  ): Promise<string>;
  /** The booking a link's token is bound to, or undefined when it is forged, foreign or expired. */
  verify(token: string): Promise<LinkedBooking | undefined>;
}

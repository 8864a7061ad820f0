/**
 * Short-lived links that open one booking's offer page without signing in. The identity
 * capability's signer implements it; messages only ever carry links made here.
 */
export interface PassengerLinks {
  /** A link bound to one booking, valid until `expiresAt` (ISO). */
  offerLink(bookingId: string, expiresAt: string): Promise<string>;
  /** The booking a link's token is bound to, or undefined when it is forged or expired. */
  verify(token: string): Promise<{ bookingId: string } | undefined>;
}

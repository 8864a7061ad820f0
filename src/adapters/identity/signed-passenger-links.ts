import type { LinkedBooking, PassengerLink, PassengerLinks } from '../../ports/passenger-links.ts';
import type { Clock, TokenIssuer, TokenVerifier } from '../../ports.ts';

const DEFAULT_TTL_SECONDS = 24 * 60 * 60;
/** A link outlives no offer, and no offer link lives longer than this. */
const MAX_OFFER_LINK_SECONDS = 7 * 24 * 60 * 60;

/**
 * Passenger links whose token is a passenger JWT bound to one booking and its passenger, signed
 * with `jose` by a trusted issuer: the API verifies it like any bearer token (the route's
 * booking binding keeps it to that booking), and it expires. The only signer of passenger links:
 * offer messages, outcome messages and the console's booking page all carry its tokens.
 */
export class SignedPassengerLinks implements PassengerLinks {
  private readonly issuer: TokenIssuer;
  private readonly verifier: TokenVerifier;
  private readonly baseUrl: string;
  private readonly clock: Clock;
  private readonly defaultTtlSeconds: number;

  /** `baseUrl`: where passengers open links, e.g. https://flightpulse.example.com. */
  constructor(options: {
    issuer: TokenIssuer;
    /** Trusts `issuer` (and may trust others): a link is checked like any bearer token. */
    verifier: TokenVerifier;
    baseUrl: string;
    clock: Clock;
    defaultTtlSeconds?: number;
  }) {
    this.issuer = options.issuer;
    this.verifier = options.verifier;
    this.baseUrl = options.baseUrl;
    this.clock = options.clock;
    this.defaultTtlSeconds = options.defaultTtlSeconds ?? DEFAULT_TTL_SECONDS;
  }

  async create(request: {
    bookingId: string;
    passengerId: string;
    path: string;
    ttlSeconds?: number;
  }): Promise<PassengerLink> {
    const ttlSeconds = request.ttlSeconds ?? this.defaultTtlSeconds;
    const token = await this.sign(request, ttlSeconds);
    const url = new URL(request.path, this.baseUrl);
    url.searchParams.set('token', token);
    const expiresAt = new Date(Date.parse(this.clock.now()) + ttlSeconds * 1000).toISOString();
    return { url: url.toString(), token, expiresAt };
  }

  /** `<base>/#/offer/<token>`: the offer page reads the token from the fragment, never sent in logs. */
  async offerLink(
    booking: { booking_id: string; passenger_id: string },
    expiresAt: string,
  ): Promise<string> {
    const seconds = Math.ceil((Date.parse(expiresAt) - Date.parse(this.clock.now())) / 1000);
    const ttlSeconds = Math.min(Math.max(seconds, 1), MAX_OFFER_LINK_SECONDS);
    const token = await this.sign(
      { bookingId: booking.booking_id, passengerId: booking.passenger_id },
      ttlSeconds,
    );
    return `${this.baseUrl.replace(/\/$/, '')}/#/offer/${token}`;
  }

  async verify(token: string): Promise<LinkedBooking | undefined> {
    try {
      const principal = await this.verifier.verify(token);
      const { bookingId, passengerId } = principal;
      if (!principal.roles.includes('passenger') || !bookingId || !passengerId) return undefined;
      return { bookingId, passengerId };
    } catch {
      return undefined;
    }
  }

  private sign(
    booking: { bookingId: string; passengerId: string },
    ttlSeconds: number,
  ): Promise<string> {
    return this.issuer.issue({
      subject: `passenger:${booking.passengerId}`,
      roles: ['passenger'],
      ttlSeconds,
      booking,
    });
  }
}

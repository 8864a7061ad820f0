import type { Clock, PassengerLink, PassengerLinks, TokenIssuer } from '../../ports.ts';

const DEFAULT_TTL_SECONDS = 24 * 60 * 60;

/**
 * Passenger links whose token is a passenger JWT bound to one booking, signed by a trusted
 * issuer: the API verifies it like any bearer token, and the booking binding keeps it to that
 * booking. Short-lived by construction (default 24 h).
 */
export class SignedPassengerLinks implements PassengerLinks {
  private readonly issuer: TokenIssuer;
  private readonly baseUrl: string;
  private readonly clock: Clock;
  private readonly defaultTtlSeconds: number;

  /** `baseUrl`: where passengers open links, e.g. https://flightpulse.example.com. */
  constructor(
    issuer: TokenIssuer,
    baseUrl: string,
    clock: Clock,
    defaultTtlSeconds = DEFAULT_TTL_SECONDS,
  ) {
    this.issuer = issuer;
    this.baseUrl = baseUrl;
    this.clock = clock;
    this.defaultTtlSeconds = defaultTtlSeconds;
  }

  async create(request: {
    bookingId: string;
    passengerId: string;
    path: string;
    ttlSeconds?: number;
  }): Promise<PassengerLink> {
    const ttlSeconds = request.ttlSeconds ?? this.defaultTtlSeconds;
    const token = await this.issuer.issue({
      subject: `passenger:${request.passengerId}`,
      roles: ['passenger'],
      ttlSeconds,
      booking: { bookingId: request.bookingId, passengerId: request.passengerId },
    });
    const url = new URL(request.path, this.baseUrl);
    url.searchParams.set('token', token);
    const expiresAt = new Date(Date.parse(this.clock.now()) + ttlSeconds * 1000).toISOString();
    return { url: url.toString(), token, expiresAt };
  }
}

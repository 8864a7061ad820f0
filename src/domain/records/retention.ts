/**
 * How long personal data is kept: notifications and ingested events 90 days by default, bookings
 * seven years (the roadmap's accounting period). Stored as a TTL in epoch seconds: DynamoDB
 * deletes an item some time after its TTL passes; the local store sweeps the same way.
 */
export interface RetentionPolicy {
  /** Days a notification or an ingested event is kept. */
  eventDays: number;
  /** Years a booking (and its lookup records) is kept. */
  bookingYears: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { eventDays: 90, bookingYears: 7 };

const DAY_SECONDS = 24 * 60 * 60;

/** Epoch seconds `days` after an ISO time. */
export function expiresAfterDays(fromIso: string, days: number): number {
  return Math.floor(Date.parse(fromIso) / 1000) + Math.round(days * DAY_SECONDS);
}

/** Epoch seconds `years` calendar years after an ISO time (29 February → 1 March). */
export function expiresAfterYears(fromIso: string, years: number): number {
  const at = new Date(fromIso);
  at.setUTCFullYear(at.getUTCFullYear() + years);
  return Math.floor(at.getTime() / 1000);
}

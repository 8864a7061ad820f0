/** A provider's sending quota: `ratePerSecond` sustained, up to `burst` at once. */
export interface RateLimit {
  ratePerSecond: number;
  burst: number;
}

export interface BucketState {
  tokens: number;
  /** Milliseconds (any clock, as long as it is the same one each call). */
  updatedAt: number;
}

export function fullBucket(limit: RateLimit, now: number): BucketState {
  return { tokens: limit.burst, updatedAt: now };
}

/**
 * Takes one token: refills for the time elapsed, then either spends a token (wait 0) or says how
 * long until one is available. Pure, so the adapter decides whether to sleep or queue.
 */
export function takeToken(
  state: BucketState,
  limit: RateLimit,
  now: number,
): { state: BucketState; waitMs: number } {
  const refilled = Math.min(
    limit.burst,
    state.tokens + (Math.max(0, now - state.updatedAt) / 1000) * limit.ratePerSecond,
  );
  if (refilled >= 1) return { state: { tokens: refilled - 1, updatedAt: now }, waitMs: 0 };
  const waitMs = Math.ceil(((1 - refilled) / limit.ratePerSecond) * 1000);
  return { state: { tokens: refilled, updatedAt: now }, waitMs };
}

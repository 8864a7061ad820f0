/** How often and how patiently a transient provider failure is retried. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
};

/** Exponential backoff before attempt `attempt + 1` (attempt counts from 1), capped at `maxDelayMs`. */
export function backoffMs(attempt: number, policy = DEFAULT_RETRY_POLICY): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}

/**
 * The wait before attempt `attempt + 1`: the backoff with "full jitter" (`random` in [0, 1)) so a
 * wave of retries does not arrive at the provider in lockstep.
 */
export function retryDelayMs(
  attempt: number,
  random: number,
  policy = DEFAULT_RETRY_POLICY,
): number {
  return Math.floor(random * backoffMs(attempt, policy));
}

export function mayRetry(attempt: number, policy = DEFAULT_RETRY_POLICY): boolean {
  return attempt < policy.maxAttempts;
}

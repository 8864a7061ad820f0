import { UnknownProviderMessageError } from '../domain/delivery/provider-receipt.ts';
import { backoffMs, mayRetry, type RetryPolicy } from '../domain/delivery/retry-policy.ts';

const REPORT_RETRIES: RetryPolicy = { maxAttempts: 20, baseDelayMs: 25, maxDelayMs: 2_000 };

/**
 * Delivers a provider report again while it names a message the sender has not recorded yet,
 * as AWS event sources redeliver a failed invocation: a carrier's receipt can overtake the send
 * step's own mark (an fsync and two writes, slow on a busy machine). Waits 25 ms, doubling up to
 * two seconds, twenty times at most (about half a minute in all).
 */
export async function withReportRetries<T>(
  apply: () => Promise<T>,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await apply();
    } catch (error) {
      if (!(error instanceof UnknownProviderMessageError) || !mayRetry(attempt, REPORT_RETRIES))
        throw error;
      // No jitter: the wait is for this process's own write, not a shared provider.
      await sleep(backoffMs(attempt, REPORT_RETRIES));
    }
  }
}

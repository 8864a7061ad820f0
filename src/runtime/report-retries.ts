import { UnknownProviderMessageError } from '../domain/delivery/provider-receipt.ts';

const ATTEMPTS = 8;
const FIRST_WAIT_MS = 25;

/**
 * Delivers a provider report again while it names a message the sender has not recorded yet,
 * as AWS event sources redeliver a failed invocation: a carrier's receipt can overtake the send
 * step's own mark. Waits 25 ms, doubling, eight times at most (about six seconds in all).
 */
export async function withReportRetries<T>(
  apply: () => Promise<T>,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await apply();
    } catch (error) {
      if (!(error instanceof UnknownProviderMessageError) || attempt >= ATTEMPTS) throw error;
      await sleep(FIRST_WAIT_MS * 2 ** (attempt - 1));
    }
  }
}

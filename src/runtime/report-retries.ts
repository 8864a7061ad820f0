import { UnknownProviderMessageError } from '../domain/delivery/provider-receipt.ts';

const ATTEMPTS = 20;
const FIRST_WAIT_MS = 25;
const LONGEST_WAIT_MS = 2_000;

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
      if (!(error instanceof UnknownProviderMessageError) || attempt >= ATTEMPTS) throw error;
      await sleep(Math.min(FIRST_WAIT_MS * 2 ** (attempt - 1), LONGEST_WAIT_MS));
    }
  }
}

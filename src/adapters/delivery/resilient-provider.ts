import { isDeliveryFailure } from '../../domain/delivery/delivery-failure.ts';
import {
  DEFAULT_RETRY_POLICY,
  mayRetry,
  type RetryPolicy,
  retryDelayMs,
} from '../../domain/delivery/retry-policy.ts';
import {
  type BucketState,
  fullBucket,
  type RateLimit,
  takeToken,
} from '../../domain/delivery/token-bucket.ts';
import type { ChannelProvider, OutboundMessage } from './channel-provider.ts';

export interface ResilienceOptions {
  /** The provider's sending quota (SES send rate, SMS messages per second). */
  rateLimit: RateLimit;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  nowMs?: () => number;
  /** Observed waits and retries, for the metrics. */
  onThrottled?: (waitMs: number) => void;
  onRetry?: (attempt: number, reason: string) => void;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A provider that respects its quota and retries what a retry can fix: each send waits for a
 * token (a wave larger than the quota queues instead of failing), and a transient failure is
 * retried with capped, jittered backoff. Permanent failures pass straight through.
 */
export class ResilientProvider implements ChannelProvider {
  readonly channel: ChannelProvider['channel'];
  readonly name: string;
  private readonly inner: ChannelProvider;
  private readonly options: Required<Omit<ResilienceOptions, 'onThrottled' | 'onRetry'>> &
    ResilienceOptions;
  private bucket: BucketState;
  private queue: Promise<void> = Promise.resolve();

  constructor(inner: ChannelProvider, options: ResilienceOptions) {
    this.inner = inner;
    this.channel = inner.channel;
    this.name = inner.name;
    this.options = {
      retry: DEFAULT_RETRY_POLICY,
      sleep: realSleep,
      random: Math.random,
      nowMs: Date.now,
      ...options,
    };
    this.bucket = fullBucket(options.rateLimit, this.options.nowMs());
  }

  async send(message: OutboundMessage): Promise<{ providerMessageId: string }> {
    for (let attempt = 1; ; attempt++) {
      await this.token();
      try {
        return await this.inner.send(message);
      } catch (error) {
        const transient = isDeliveryFailure(error) ? error.kind === 'TRANSIENT' : true;
        if (!transient || !mayRetry(attempt, this.options.retry)) throw error;
        this.options.onRetry?.(attempt, String((error as Error).message));
        await this.options.sleep(retryDelayMs(attempt, this.options.random(), this.options.retry));
      }
    }
  }

  /** Tokens are handed out in arrival order: callers queue behind each other, never race. */
  private token(): Promise<void> {
    const turn = this.queue.then(async () => {
      for (;;) {
        const { state, waitMs } = takeToken(
          this.bucket,
          this.options.rateLimit,
          this.options.nowMs(),
        );
        this.bucket = state;
        if (waitMs === 0) return;
        this.options.onThrottled?.(waitMs);
        await this.options.sleep(waitMs);
      }
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}

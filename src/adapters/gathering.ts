/** One request waiting in a gathering, and how its caller hears the outcome. */
export interface Waiting<T, R> {
  request: T;
  done: (result: R) => void;
  failed: (error: unknown) => void;
}

export interface GatheringOptions {
  /** Requests that make a full batch: it goes at once. */
  fullAt: number;
  /**
   * How long the first request of a batch waits for others while batches are under way; with
   * none under way (or 0) it waits only for the rest of this turn: an idle store is not kept
   * waiting for company.
   */
  windowMs?: number;
  /**
   * Batches handled at once (default: no limit). When that many are under way, requests keep
   * gathering until one ends: the busier the store, the fuller the batches.
   */
  maxInFlight?: number;
}

/**
 * Requests asked for one by one, gathered into batches: every request made within the window
 * goes to `handle` together, at once when `fullAt` are waiting. `handle` answers each caller;
 * one that throws fails those it had not answered.
 */
export class Gathering<T, R> {
  private readonly handle: (batch: Waiting<T, R>[]) => Promise<void>;
  private readonly fullAt: number;
  private readonly windowMs: number;
  private readonly maxInFlight: number;
  private waiting: Waiting<T, R>[] = [];
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  private inFlight = 0;

  constructor(handle: (batch: Waiting<T, R>[]) => Promise<void>, options: GatheringOptions) {
    this.handle = handle;
    this.fullAt = options.fullAt;
    this.windowMs = options.windowMs ?? 0;
    this.maxInFlight = options.maxInFlight ?? Number.POSITIVE_INFINITY;
  }

  ask(request: T): Promise<R> {
    return new Promise<R>((done, failed) => {
      this.waiting.push({ request, done, failed });
      this.schedule();
    });
  }

  private schedule(): void {
    // At the limit, the batch under way that ends first takes everything waiting.
    if (this.inFlight >= this.maxInFlight) return;
    if (this.waiting.length >= this.fullAt) void this.flush();
    else if (!this.timer)
      this.timer =
        this.windowMs > 0 && this.inFlight > 0
          ? setTimeout(() => void this.flush(), this.windowMs)
          : setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
      this.timer = undefined;
    }
    if (this.inFlight >= this.maxInFlight) return;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    this.inFlight++;
    try {
      await this.handle(batch);
    } catch (error) {
      // A caller already answered keeps its answer: a promise settles once.
      for (const w of batch) w.failed(error);
    } finally {
      this.inFlight--;
      if (this.waiting.length > 0) this.schedule();
    }
  }
}

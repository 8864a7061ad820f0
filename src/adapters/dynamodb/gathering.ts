/** One request waiting in a gathering, and how its caller hears the outcome. */
export interface Waiting<T, R> {
  request: T;
  done: (result: R) => void;
  failed: (error: unknown) => void;
}

/**
 * Requests asked for one by one, gathered into batches: every request made within `windowMs`
 * (0: the same turn of the event loop) goes to `handle` together, at once when `fullAt` are
 * waiting. `handle` answers each caller; one that throws fails those it had not answered.
 */
export class Gathering<T, R> {
  private readonly handle: (batch: Waiting<T, R>[]) => Promise<void>;
  private readonly fullAt: number;
  private readonly windowMs: number;
  private waiting: Waiting<T, R>[] = [];
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;

  constructor(
    handle: (batch: Waiting<T, R>[]) => Promise<void>,
    options: { fullAt: number; windowMs?: number },
  ) {
    this.handle = handle;
    this.fullAt = options.fullAt;
    this.windowMs = options.windowMs ?? 0;
  }

  ask(request: T): Promise<R> {
    return new Promise<R>((done, failed) => {
      this.waiting.push({ request, done, failed });
      if (this.waiting.length >= this.fullAt) void this.flush();
      else if (!this.timer)
        this.timer =
          this.windowMs > 0
            ? setTimeout(() => void this.flush(), this.windowMs)
            : setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
      this.timer = undefined;
    }
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    try {
      await this.handle(batch);
    } catch (error) {
      // A caller already answered keeps its answer: a promise settles once.
      for (const w of batch) w.failed(error);
    }
  }
}

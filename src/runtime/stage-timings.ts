/** The stages a disruption passes through, in the order the benchmark reports them. */
export const STAGES = [
  'ingest',
  'enrich',
  'flight_update',
  'query_bookings',
  'rebooking_options',
  'fetch_passengers',
  'entitlements',
  'booking_update',
  'compose',
  'record',
  'send',
  'notification_record',
  'change_feed',
] as const;
export type Stage = (typeof STAGES)[number];

export type StageWatcher = (stage: Stage, startedAt: number, ms: number) => void;

export interface StageTotal {
  calls: number;
  /** Busy time summed over calls; concurrent calls each count their own time. */
  ms: number;
}

/**
 * Where the runtime spends its time, stage by stage: each wrapped call adds its duration to its
 * stage. Stages nest (the send task records and sends), so the totals are per stage, not a
 * partition of the wall clock. Cheap enough to stay on: two clock reads per call.
 */
export class StageTimings {
  private readonly totals = new Map<Stage, StageTotal>();
  private readonly watchers = new Set<StageWatcher>();

  async time<T>(stage: Stage, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.add(stage, performance.now() - start);
    }
  }

  add(stage: Stage, ms: number): void {
    const total = this.totals.get(stage) ?? { calls: 0, ms: 0 };
    total.calls++;
    total.ms += ms;
    this.totals.set(stage, total);
    if (this.watchers.size === 0) return;
    const endedAt = performance.now();
    for (const watch of this.watchers) watch(stage, endedAt - ms, ms);
  }

  /** Hears every call as it ends (its stage, `performance.now()` at its start, its duration). */
  watch(watcher: StageWatcher): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  /** Wraps a function so every call is timed under `stage`. */
  wrap<A extends unknown[], R>(
    stage: Stage,
    fn: (...args: A) => Promise<R>,
  ): (...args: A) => Promise<R> {
    return (...args) => this.time(stage, () => fn(...args));
  }

  /** The totals so far, in stage order. */
  snapshot(): Array<{ stage: Stage } & StageTotal> {
    return STAGES.flatMap((stage) => {
      const total = this.totals.get(stage);
      return total ? [{ stage, ...total }] : [];
    });
  }
}

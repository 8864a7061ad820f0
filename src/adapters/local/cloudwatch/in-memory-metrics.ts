import type { Clock, MetricName, MetricsRecorder } from '../../../ports.ts';

export interface MetricPoint {
  minute: string;
  values: Partial<Record<MetricName, number>>;
}

/** Per-minute points kept: an hour (the console charts the last twelve minutes). */
const MINUTES_KEPT = 60;

/**
 * The specification's metrics, aggregated in memory per minute for the local console: totals
 * since the start, and the points of the last hour (a runtime serving for weeks stays small).
 */
export class InMemoryMetrics implements MetricsRecorder {
  private readonly totals = new Map<MetricName, number>();
  private readonly minutes = new Map<string, Partial<Record<MetricName, number>>>();

  private readonly clock: Clock;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  count(name: MetricName, value = 1): void {
    this.totals.set(name, (this.totals.get(name) ?? 0) + value);
    const minute = this.clock.now().slice(0, 16);
    const bucket = this.minutes.get(minute) ?? {};
    bucket[name] = (bucket[name] ?? 0) + value;
    if (!this.minutes.has(minute)) {
      this.minutes.set(minute, bucket);
      // Minutes arrive in order: the first key is the oldest.
      if (this.minutes.size > MINUTES_KEPT)
        this.minutes.delete(this.minutes.keys().next().value as string);
    }
  }

  summary(): { totals: Partial<Record<MetricName, number>>; series: MetricPoint[] } {
    return {
      totals: Object.fromEntries(this.totals),
      series: [...this.minutes].map(([minute, values]) => ({ minute, values })),
    };
  }
}

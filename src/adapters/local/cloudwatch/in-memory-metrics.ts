import type { Clock, MetricName, MetricsRecorder } from '../../../ports.ts';

export interface MetricPoint {
  minute: string;
  values: Partial<Record<MetricName, number>>;
}

/** The specification's metrics, aggregated in memory per minute for the local console. */
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
    this.minutes.set(minute, bucket);
  }

  summary(): { totals: Partial<Record<MetricName, number>>; series: MetricPoint[] } {
    return {
      totals: Object.fromEntries(this.totals),
      series: [...this.minutes].map(([minute, values]) => ({ minute, values })),
    };
  }
}

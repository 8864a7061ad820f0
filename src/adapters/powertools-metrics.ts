import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MetricName, MetricsRecorder } from '../ports.ts';

/** The specification's metrics through Powertools (CloudWatch embedded metric format). */
export class PowertoolsMetricsRecorder implements MetricsRecorder {
  private readonly metrics: Metrics;

  constructor(metrics: Metrics) {
    this.metrics = metrics;
  }

  count(name: MetricName, value = 1): void {
    this.metrics.addMetric(name, MetricUnit.Count, value);
  }
}

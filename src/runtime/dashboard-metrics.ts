import type { InMemoryMetrics } from '../adapters/local/cloudwatch/in-memory-metrics.ts';
import type { WorkflowTally } from './workflow-tally.ts';

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** What the specification's dashboard shows, from the local metrics and workflow runs. */
export function dashboardMetrics(metrics: InMemoryMetrics, runs: WorkflowTally) {
  const { totals, series } = metrics.summary();
  const { finished, failed } = runs;
  const ingested =
    (totals.DelayEventsProcessed ?? 0) +
    (totals.CancellationEventsProcessed ?? 0) +
    (totals.GateChangeEventsProcessed ?? 0) +
    (totals.EventsRejected ?? 0);
  const llmCalls = (totals.LLMInvocationsSuccess ?? 0) + (totals.LLMInvocationsFailed ?? 0);
  return {
    totals,
    series,
    failed_workflows: failed,
    finished_workflows: finished,
    ingested_records: ingested,
    average_workflow_duration_ms: finished > 0 ? runs.totalDurationMs / finished : null,
    workflow_durations: [...runs.recent],
    rates: {
      notification_success: ratio(
        totals.NotificationsSent ?? 0,
        totals.NotificationsPublished ?? 0,
      ),
      error: ratio((totals.EventsRejected ?? 0) + failed, ingested + failed),
      // Rejected input is the sender's problem; a failed workflow is FlightPulse's.
      rejected_input: ratio(totals.EventsRejected ?? 0, ingested),
      system_failure: ratio(failed, finished),
      llm_fallback: ratio(totals.LLMInvocationsFailed ?? 0, llmCalls),
    },
  };
}

import type { InMemoryMetrics } from '../adapters/local/cloudwatch/in-memory-metrics.ts';
import type { ExecutionRecord } from '../adapters/local/step-functions/local-executor.ts';

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** What the specification's dashboard shows, from the local metrics and workflow runs. */
export function dashboardMetrics(metrics: InMemoryMetrics, executions: readonly ExecutionRecord[]) {
  const { totals, series } = metrics.summary();
  const done = executions.filter((e) => e.status !== 'RUNNING' && e.duration_ms !== undefined);
  const failed = done.filter((e) => e.status === 'FAILED').length;
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
    finished_workflows: done.length,
    ingested_records: ingested,
    average_workflow_duration_ms:
      done.length > 0 ? done.reduce((n, e) => n + (e.duration_ms ?? 0), 0) / done.length : null,
    workflow_durations: done.slice(-50).map((e) => ({
      name: e.state_machine,
      started_at: e.started_at,
      duration_ms: e.duration_ms ?? 0,
    })),
    rates: {
      notification_success: ratio(
        totals.NotificationsSent ?? 0,
        totals.NotificationsPublished ?? 0,
      ),
      error: ratio((totals.EventsRejected ?? 0) + failed, ingested + failed),
      // Rejected input is the sender's problem; a failed workflow is FlightPulse's.
      rejected_input: ratio(totals.EventsRejected ?? 0, ingested),
      system_failure: ratio(failed, done.length),
      llm_fallback: ratio(totals.LLMInvocationsFailed ?? 0, llmCalls),
    },
  };
}

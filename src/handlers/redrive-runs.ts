import type { Clock, EventPublisher, Log, MetricsRecorder, RunLedger } from '../ports.ts';

export interface RedriveResult {
  pending: number;
  redriven: number;
}

/**
 * The re-drive: publishes again every pending run (accepted, its workflow not finished) that has
 * waited at least `minAgeMinutes` since it was recorded or last re-driven. The workflow it starts
 * is idempotent in every step (the flight update is conditional on the event time, marks are
 * set-if-not-set, notifications are claimed), so only what is missing happens, and the workflow
 * deletes the pending run when it ends. In AWS the age is longer than the state machine's timeout,
 * so a run still in progress is never doubled; locally `underWay` names the runs this process is
 * running or holds queued, which are left alone (published again, each would only wait for its
 * own run while holding a copy of its event: a wave's queued runs, every 30 s).
 */
export function createRedriveRuns(deps: {
  runs: RunLedger;
  publisher: EventPublisher;
  clock: Clock;
  log: Log;
  metrics?: MetricsRecorder;
  minAgeMinutes: number;
  underWay?: (eventId: string) => boolean;
}) {
  return async (): Promise<RedriveResult> => {
    const now = deps.clock.now();
    const pending = await deps.runs.pending();
    const due = pending.filter(
      (run) =>
        Date.parse(now) - Date.parse(run.redriven_at ?? run.recorded_at) >=
          deps.minAgeMinutes * 60_000 && !deps.underWay?.(run.event_id),
    );
    if (due.length === 0) return { pending: pending.length, redriven: 0 };
    await deps.publisher.publish(due.map((run) => run.entry));
    await Promise.all(due.map((run) => deps.runs.markRedriven(run.event_id, now)));
    deps.metrics?.count('WorkflowRunsRedriven', due.length);
    deps.log.info('pending runs re-driven', { pending: pending.length, redriven: due.length });
    return { pending: pending.length, redriven: due.length };
  };
}

import type { BusEvent } from '../adapters/local/eventbridge/local-bus.ts';
import type {
  ExecutionObserver,
  ExecutionRecord,
} from '../adapters/local/step-functions/local-executor.ts';
import type { WorkTracker } from '../adapters/local/work-tracker.ts';
import { IGNORED_STATE, ignoredReason } from '../domain/disruptions/ignored-reason.ts';
import type { Clock, EventLog, ExecutionLog, FlightStore } from '../ports.ts';
import type { ActivityHub } from './activity-hub.ts';
import { reportWorkflow } from './activity-reports.ts';
import type { WorkflowTally } from './workflow-tally.ts';

export interface ExecutionRecordingDeps {
  executionLog: ExecutionLog;
  /** The event log and flights, to mark an accepted event its workflow left alone as IGNORED. */
  events: EventLog;
  flights: FlightStore;
  hub: ActivityHub;
  tracker: WorkTracker;
  clock: Clock;
  /** Every run started, in start order (the demo and benchmarks read it); absent, none held. */
  executions: ExecutionRecord[] | undefined;
  /** The dashboard's counts of runs. */
  tally: WorkflowTally;
  onExecution?: (execution: ExecutionRecord) => void;
}

/**
 * Observes workflow runs: counts them (and keeps them, when asked), reports them live and persists
 * their summary.
 */
export function executionRecording(deps: ExecutionRecordingDeps): ExecutionObserver {
  const { executionLog, hub, tracker, clock, executions, tally } = deps;
  return {
    onChange: (record) => {
      // The first change of a run is its start.
      if (record.status === 'RUNNING') executions?.push(record);
      tally.observe(record);
      reportWorkflow(hub, record, clock.now());
      deps.onExecution?.(record);
      const detail = (record.input as BusEvent).detail as { flight_id?: string; event_id?: string };
      if (detail.flight_id && detail.event_id) {
        if (record.status === 'SUCCEEDED' && record.steps.some((s) => s.name === IGNORED_STATE))
          tracker.track(markIgnored(deps, record.input as BusEvent));
        const { input: _input, output: _output, ...summary } = record;
        tracker.track(
          executionLog.record({
            ...summary,
            flight_id: detail.flight_id,
            event_id: detail.event_id,
          }),
        );
      }
    },
    onStep: (record) => reportWorkflow(hub, record, clock.now()),
  };
}

/** Records, in the event log and live, why a workflow left an accepted event alone. */
async function markIgnored(deps: ExecutionRecordingDeps, input: BusEvent): Promise<void> {
  const detail = input.detail as { flight_id: string; event_id: string; timestamp?: string };
  const flight = await deps.flights.getFlight(detail.flight_id);
  const reason = ignoredReason(input['detail-type'], detail.timestamp, flight);
  await deps.events.markIgnored(detail.event_id, reason);
  deps.hub.publish({
    kind: 'event',
    at: deps.clock.now(),
    outcome: 'IGNORED',
    event_id: detail.event_id,
    detail_type: input['detail-type'],
    flight_id: detail.flight_id,
    reason,
  });
}

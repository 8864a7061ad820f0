import type { BusEvent } from '../adapters/local/eventbridge/local-bus.ts';
import type {
  ExecutionObserver,
  ExecutionRecord,
} from '../adapters/local/step-functions/local-executor.ts';
import type { WorkTracker } from '../adapters/local/work-tracker.ts';
import type { Clock, ExecutionLog } from '../ports.ts';
import type { ActivityHub } from './activity-hub.ts';
import { reportWorkflow } from './activity-reports.ts';

export interface ExecutionRecordingDeps {
  executionLog: ExecutionLog;
  hub: ActivityHub;
  tracker: WorkTracker;
  clock: Clock;
  /** Every run started, in start order (the demo and benchmarks read it). */
  executions: ExecutionRecord[];
  onExecution?: (execution: ExecutionRecord) => void;
}

/** Observes workflow runs: keeps them in memory, reports them live and persists their summary. */
export function executionRecording(deps: ExecutionRecordingDeps): ExecutionObserver {
  const { executionLog, hub, tracker, clock, executions } = deps;
  return {
    onChange: (record) => {
      // The first change of a run is its start.
      if (record.status === 'RUNNING') executions.push(record);
      reportWorkflow(hub, record, clock.now());
      deps.onExecution?.(record);
      const detail = (record.input as BusEvent).detail as { flight_id?: string; event_id?: string };
      if (detail.flight_id && detail.event_id) {
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

import type { StepSummary } from '../../../domain/workflows/execution.ts';

/** The event-log entries of aws-local-stepfunctions that describe a state. */
interface StateEvent {
  type: string;
  timestamp: number;
  state: { name: string; type: string };
}

/**
 * Folds a run's state events into one summary per state (entered, failed, first start, last
 * end) and counts state transitions, reporting after each state exits.
 */
export async function trackSteps(
  events: AsyncIterable<object>,
  progress: { onTransition(): void; onStepExited(steps: StepSummary[]): void },
): Promise<StepSummary[]> {
  const steps = new Map<string, StepSummary>();
  for await (const raw of events) {
    if (!('state' in raw)) continue;
    const event = raw as StateEvent;
    const at = new Date(event.timestamp).toISOString();
    let step = steps.get(event.state.name);
    if (!step) {
      step = {
        name: event.state.name,
        type: event.state.type,
        entered: 0,
        failed: 0,
        started_at: at,
      };
      steps.set(event.state.name, step);
    }
    if (event.type === 'StateEntered') {
      step.entered++;
      progress.onTransition();
    } else if (event.type === 'StateExited') {
      step.ended_at = at;
      progress.onStepExited([...steps.values()]);
    } else if (event.type === 'StateFailed') {
      step.failed++;
    }
  }
  return [...steps.values()];
}

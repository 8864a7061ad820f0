import type { StepSummary } from '../../../domain/workflows/execution.ts';

/** The event-log entries of aws-local-stepfunctions that describe a state. */
interface StateEvent {
  type: string;
  timestamp: number;
  state: { name: string; type: string; input?: unknown; output?: unknown };
}

/** A state's input or output as Step Functions measures it against its 256 KB limit (UTF-8 JSON). */
export function payloadBytes(value: unknown): number {
  return value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/**
 * Folds a run's state events into one summary per state (entered, failed, first start, last
 * end) and counts state transitions, reporting after each state exits with the size of what it
 * passed on (its output, else its input).
 */
export async function trackSteps(
  events: AsyncIterable<object>,
  progress: {
    onTransition(): void;
    onStepExited(steps: StepSummary[], payloadBytes: number): void;
  },
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
      const { input, output } = event.state;
      progress.onStepExited(
        [...steps.values()],
        Math.max(payloadBytes(input), payloadBytes(output)),
      );
    } else if (event.type === 'StateFailed') {
      step.failed++;
    }
  }
  return [...steps.values()];
}

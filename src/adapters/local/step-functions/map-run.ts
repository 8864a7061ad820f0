import type { MapRunSummary, StepSummary } from '../../../domain/workflows/execution.ts';
import type { StateDefinition } from './workflow-definitions.ts';

const FAILURES_KEPT = 10;

/** One Map Run's tally: children started, failed, stopped, their transitions and steps. */
export class MapRun {
  stopped = false;
  failed = 0;
  private done = 0;
  private aborted = 0;
  private transitions = 0;
  private largestPayload = 0;
  private readonly failures: MapRunSummary['failures'] = [];
  private readonly folded = new Map<string, StepSummary>();
  private readonly running = new Set<() => void>();
  private readonly total: number;
  private readonly toleratedPercent: number;
  private readonly toleratedCount: number;

  constructor(total: number, state: StateDefinition) {
    this.total = total;
    const percent = state.ToleratedFailurePercentage as number | undefined;
    const count = state.ToleratedFailureCount as number | undefined;
    // Neither given: no failure is tolerated.
    this.toleratedPercent = percent ?? (count === undefined ? 0 : 100);
    this.toleratedCount = count ?? (percent === undefined ? 0 : Number.POSITIVE_INFINITY);
  }

  started(abort: () => void): () => void {
    this.running.add(abort);
    return () => this.running.delete(abort);
  }

  succeeded(): void {
    this.done++;
  }

  failedWith(execution_name: string, failure: { error: string; cause: string }): void {
    if (this.stopped) {
      this.aborted++;
      return;
    }
    this.failed++;
    if (this.failures.length < FAILURES_KEPT) this.failures.push({ execution_name, ...failure });
    const overPercent = (this.failed / this.total) * 100 > this.toleratedPercent;
    if (overPercent || this.failed > this.toleratedCount) {
      this.stopped = true;
      for (const abort of this.running) abort();
    }
  }

  skip(): null {
    this.aborted++;
    return null;
  }

  addSteps(steps: StepSummary[], transitions: number, largestPayload: number): void {
    this.transitions += transitions;
    this.largestPayload = Math.max(this.largestPayload, largestPayload);
    for (const step of steps) {
      const into = this.folded.get(step.name);
      if (!into) {
        this.folded.set(step.name, { ...step });
        continue;
      }
      into.entered += step.entered;
      into.failed += step.failed;
      if (step.started_at && (!into.started_at || step.started_at < into.started_at))
        into.started_at = step.started_at;
      if (step.ended_at && (!into.ended_at || step.ended_at > into.ended_at))
        into.ended_at = step.ended_at;
    }
  }

  steps(): StepSummary[] {
    return [...this.folded.values()];
  }

  summary(state: string, label: string): MapRunSummary {
    return {
      state,
      label,
      items: this.total,
      succeeded: this.done,
      failed: this.failed,
      aborted: this.aborted,
      state_transitions: this.transitions,
      largest_payload_bytes: this.largestPayload,
      failures: this.failures,
    };
  }
}

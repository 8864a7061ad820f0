import type { ExecutionRecord } from '../adapters/local/step-functions/local-executor.ts';

/** How many recent runs the dashboard's duration chart shows. */
const RECENT = 50;

export interface RecentRun {
  name: string;
  started_at: string;
  duration_ms: number;
}

/**
 * What the dashboard needs of workflow runs, kept in constant memory: counts, the total of
 * durations and the last few runs. A runtime serving for days holds no list of every run.
 */
export class WorkflowTally {
  started = 0;
  finished = 0;
  failed = 0;
  totalDurationMs = 0;
  readonly recent: RecentRun[] = [];

  /** A run started or ended (an observer's onChange). */
  observe(record: ExecutionRecord): void {
    if (record.status === 'RUNNING') {
      this.started++;
      return;
    }
    if (record.duration_ms === undefined) return;
    this.finished++;
    if (record.status === 'FAILED') this.failed++;
    this.totalDurationMs += record.duration_ms;
    this.recent.push({
      name: record.state_machine,
      started_at: record.started_at,
      duration_ms: record.duration_ms,
    });
    if (this.recent.length > RECENT) this.recent.shift();
  }
}

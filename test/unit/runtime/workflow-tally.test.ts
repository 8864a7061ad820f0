import { describe, expect, it } from 'vitest';
import { InMemoryMetrics } from '../../../src/adapters/local/cloudwatch/in-memory-metrics.ts';
import type { ExecutionRecord } from '../../../src/adapters/local/step-functions/local-executor.ts';
import { dashboardMetrics } from '../../../src/runtime/dashboard-metrics.ts';
import { WorkflowTally } from '../../../src/runtime/workflow-tally.ts';

function run(i: number, status: ExecutionRecord['status'], duration_ms?: number): ExecutionRecord {
  return {
    execution_name: `run-${i}`,
    state_machine: i % 2 ? 'FlightPulseDelayWorkflow' : 'FlightPulseGateChangeWorkflow',
    status,
    started_at: `2026-12-03T10:${String(i % 60).padStart(2, '0')}:00.000Z`,
    ...(duration_ms === undefined ? {} : { duration_ms }),
    state_transitions: 5,
    steps: [],
    input: {},
  };
}

describe('the dashboard counts workflow runs without holding them', () => {
  it('counts starts, ends and failures and averages durations over every run', () => {
    const tally = new WorkflowTally();
    for (let i = 0; i < 120; i++) tally.observe(run(i, 'RUNNING'));
    for (let i = 0; i < 100; i++) tally.observe(run(i, i % 10 === 0 ? 'FAILED' : 'SUCCEEDED', i));
    const metrics = dashboardMetrics(new InMemoryMetrics({ now: () => '' }), tally);
    expect(tally.started).toBe(120);
    expect(metrics.finished_workflows).toBe(100);
    expect(metrics.failed_workflows).toBe(10);
    expect(metrics.average_workflow_duration_ms).toBe(49.5);
    expect(metrics.rates.system_failure).toBe(0.1);
  });

  it('keeps only the last 50 runs for the duration chart, oldest first', () => {
    const tally = new WorkflowTally();
    for (let i = 0; i < 500; i++) tally.observe(run(i, 'SUCCEEDED', i));
    const { workflow_durations } = dashboardMetrics(new InMemoryMetrics({ now: () => '' }), tally);
    expect(workflow_durations.map((r) => r.duration_ms)).toEqual(
      Array.from({ length: 50 }, (_, k) => 450 + k),
    );
    expect(workflow_durations[0]).toEqual({
      name: 'FlightPulseGateChangeWorkflow',
      started_at: '2026-12-03T10:30:00.000Z',
      duration_ms: 450,
    });
  });

  it('leaves a run that ended without a duration out of the averages', () => {
    const tally = new WorkflowTally();
    tally.observe(run(1, 'SUCCEEDED'));
    const metrics = dashboardMetrics(new InMemoryMetrics({ now: () => '' }), tally);
    expect(metrics.finished_workflows).toBe(0);
    expect(metrics.average_workflow_duration_ms).toBeNull();
  });
});

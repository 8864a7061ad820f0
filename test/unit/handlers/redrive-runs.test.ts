import { describe, expect, it } from 'vitest';
import { createRedriveRuns } from '../../../src/handlers/redrive-runs.ts';
import type { PendingRun, RunLedger } from '../../../src/ports.ts';
import { CountingMetrics, FixedClock, RecordingPublisher, SilentLog } from '../../support/fakes.ts';

/** Pending runs in memory, as the table holds them. */
class InMemoryRunLedger implements RunLedger {
  readonly runs = new Map<string, PendingRun>();
  async recordPending(runs: PendingRun[]) {
    for (const run of runs) this.runs.set(run.event_id, run);
  }
  async finish(eventId: string) {
    this.runs.delete(eventId);
  }
  async pending() {
    return [...this.runs.values()];
  }
  async markRedriven(eventId: string, at: string) {
    const run = this.runs.get(eventId);
    if (run) this.runs.set(eventId, { ...run, redriven_at: at });
  }
}

const run = (eventId: string, recordedAt: string, redrivenAt?: string): PendingRun => ({
  event_id: eventId,
  recorded_at: recordedAt,
  ...(redrivenAt ? { redriven_at: redrivenAt } : {}),
  entry: {
    source: 'flightpulse.ingest',
    detailType: 'flight.cancelled',
    detail: { event_id: eventId, flight_id: 'SW1234' },
  },
});

describe('the re-drive of pending workflow runs', () => {
  it('publishes again only runs older than the minimum age, counting from the last re-drive', async () => {
    // Prepare: one run left by a crash long ago, one re-driven a minute ago, one just accepted.
    const runs = new InMemoryRunLedger();
    await runs.recordPending([run('crashed', '2025-01-15T10:00:00.000Z')]);
    await runs.recordPending([
      run('redriven-recently', '2025-01-15T10:00:00.000Z', '2025-01-15T11:59:00.000Z'),
    ]);
    await runs.recordPending([run('just-accepted', '2025-01-15T11:58:00.000Z')]);
    const publisher = new RecordingPublisher();
    const metrics = new CountingMetrics();
    const redrive = createRedriveRuns({
      runs,
      publisher,
      clock: new FixedClock('2025-01-15T12:00:00.000Z'),
      log: new SilentLog(),
      metrics,
      minAgeMinutes: 70,
    });

    // Act
    const result = await redrive();

    // Assess
    expect(result).toEqual({ pending: 3, redriven: 1 });
    expect(publisher.published.map((e) => e.detail.event_id)).toEqual(['crashed']);
    expect(runs.runs.get('crashed')?.redriven_at).toBe('2025-01-15T12:00:00.000Z');
    expect(metrics.counts.get('WorkflowRunsRedriven')).toBe(1);
    // A second pass right after does not double it: its age counts from the re-drive.
    expect(await redrive()).toEqual({ pending: 3, redriven: 0 });
  });

  it('locally (no minimum age) publishes every pending run but those under way here', async () => {
    const runs = new InMemoryRunLedger();
    await runs.recordPending([
      run('crashed', '2025-01-15T11:59:59.000Z'),
      run('queued', '2025-01-15T11:59:59.000Z'),
    ]);
    const publisher = new RecordingPublisher();
    const redrive = createRedriveRuns({
      runs,
      publisher,
      clock: new FixedClock(),
      log: new SilentLog(),
      minAgeMinutes: 0,
      underWay: (eventId) => eventId === 'queued',
    });
    expect(await redrive()).toEqual({ pending: 2, redriven: 1 });
    expect(publisher.published.map((e) => e.detail.event_id)).toEqual(['crashed']);
    // The run under way is not marked re-driven either: no write for it.
    expect(runs.runs.get('queued')?.redriven_at).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { InMemoryMetrics } from '../../../src/adapters/local/cloudwatch/in-memory-metrics.ts';

describe('the local metrics', () => {
  it('total since the start and keep per-minute points for the last hour only', () => {
    let now = Date.parse('2026-12-01T00:00:00.000Z');
    const metrics = new InMemoryMetrics({ now: () => new Date(now).toISOString() });
    // Three days of one event a minute, two in the last minute.
    for (let minute = 0; minute < 3 * 24 * 60; minute++, now += 60_000)
      metrics.count('DelayEventsProcessed');
    now -= 60_000;
    metrics.count('DelayEventsProcessed');
    const { totals, series } = metrics.summary();
    expect(totals.DelayEventsProcessed).toBe(3 * 24 * 60 + 1);
    expect(series).toHaveLength(60);
    expect(series[0]?.minute).toBe('2026-12-03T23:00');
    expect(series.at(-1)).toEqual({
      minute: '2026-12-03T23:59',
      values: { DelayEventsProcessed: 2 },
    });
  });
});

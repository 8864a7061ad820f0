import { describe, expect, it } from 'vitest';
import { awsAtScale, costAndQuota, LIMITS, PRICES, QUOTAS } from '../../../bench/cost-model.ts';

describe('AWS cost and quota model', () => {
  it('prices each counted item and the time quotas impose', () => {
    const { cost_usd, quota_seconds } = costAndQuota({
      transitions: 40_000,
      lambdaInvocations: 1_000_000,
      lambdaSeconds: 100_000,
      busEvents: 1_000_000,
      storeWrites: 1_000_000,
      storeReads: 4_000_000,
      modelCalls: 1000,
      notifications: 1_000_000,
    });
    expect(cost_usd.step_functions).toBeCloseTo(1.0, 5);
    expect(cost_usd.lambda).toBeCloseTo(0.2 + 100_000 * 0.5 * PRICES.lambdaGbSecond, 5);
    expect(cost_usd.eventbridge).toBeCloseTo(1, 5);
    expect(cost_usd.dynamodb).toBeCloseTo(1.25 + 1, 5);
    expect(cost_usd.model).toBeCloseTo(1000 * PRICES.modelCall, 5);
    expect(cost_usd.total).toBeCloseTo(
      Object.entries(cost_usd)
        .filter(([k]) => k !== 'total')
        .reduce((n, [, v]) => n + v, 0),
      9,
    );
    expect(quota_seconds.model).toBeCloseTo((1000 / QUOTAS.modelRequestsPerMinute) * 60, 5);
  });

  it('keeps a 50,000-passenger single event within the limits with Distributed Maps, where an inline Map was not', () => {
    // Per passenger as a 6,000-passenger run measured them; its runs' and children's shape.
    const measured = {
      transitions: 2_400,
      lambdaInvocations: 6_600,
      lambdaSeconds: 660,
      busEvents: 14_000,
      storeWrites: 30_000,
      storeReads: 11_000,
      modelCalls: 120,
      notifications: 6_000,
    };
    const shape = {
      largest_parent_payload_bytes: 6_000,
      largest_child_payload_bytes: 40_000,
      parent_transitions: 14,
      child_transitions: 4,
      map_runs_per_execution: 1.3,
    };
    const { wave_10_x_5000: wave, single_event_50000: single } = awsAtScale(measured, 6_000, shape);
    expect(single.per_execution).toMatchObject({
      bookings: 50_000,
      batches: 1_001, // 10 first, then 50 at a time
      payload_within_256kb: true,
      history_within_25000: true,
    });
    // The parent's payload grows by each child's result only; its history not at all.
    expect(single.per_execution.largest_payload_bytes).toBeLessThan(LIMITS.payloadBytes);
    expect(single.per_execution.history_events).toBeLessThan(100);
    expect(single.child_executions).toBe(1_301);
    expect(single.inline_map_instead.within_limits).toBe(false);
    expect(single.inline_map_instead.largest_payload_bytes).toBeGreaterThan(LIMITS.payloadBytes);
    expect(wave.executions).toBe(295);
    expect(wave.per_execution).toMatchObject({
      payload_within_256kb: true,
      history_within_25000: true,
    });
    expect(wave.inline_map_instead.within_limits).toBe(true);
    expect(single.counts.transitions).toBe(20_000);
    expect(single.transitions_within_quota).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { costAndQuota, PRICES, QUOTAS } from '../../../bench/cost-model.ts';

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
});

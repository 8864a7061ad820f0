import { beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../src/demo/run-demo.ts';
import { DYNAMODB_ENDPOINT, KAFKA_BROKERS, requireInfrastructure } from './real-infrastructure.ts';

beforeAll(requireInfrastructure);

describe('scenarios 1–5 through real Kafka and DynamoDB Local (with its stream)', () => {
  it('meet every expectation of the demo', async () => {
    const result = await runDemo(
      { KAFKA_BROKERS, DYNAMODB_ENDPOINT },
      // The specification's five scenarios: what the Kafka path has to carry.
      { infrastructure: 'from-environment', scenarios: [1, 2, 3, 4, 5] },
    );
    expect(
      result.scenarios.flatMap((s) =>
        s.checks.filter((c) => !c.passed).map((c) => `${s.id}: ${c.name} ${c.detail ?? ''}`),
      ),
    ).toEqual([]);
    expect(result.passed).toBe(true);
  }, 600_000);
});

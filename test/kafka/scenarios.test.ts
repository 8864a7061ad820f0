import { beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../src/demo/run-demo.ts';
import { SCENARIO_IDS } from '../../src/simulator/scenarios.ts';
import { DYNAMODB_ENDPOINT, KAFKA_BROKERS, requireInfrastructure } from './real-infrastructure.ts';

beforeAll(requireInfrastructure);

describe('every demo scenario through real Kafka and DynamoDB Local (with its stream)', () => {
  it('meet every expectation of the demo', async () => {
    const result = await runDemo(
      { KAFKA_BROKERS, DYNAMODB_ENDPOINT },
      // The specification's five, passenger rights (6–8) and the weather watch (9).
      { infrastructure: 'from-environment', scenarios: SCENARIO_IDS },
    );
    expect(
      result.scenarios.flatMap((s) =>
        s.checks.filter((c) => !c.passed).map((c) => `${s.id}: ${c.name} ${c.detail ?? ''}`),
      ),
    ).toEqual([]);
    expect(result.passed).toBe(true);
  }, 600_000);
});

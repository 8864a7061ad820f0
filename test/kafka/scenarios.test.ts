import { beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../src/demo/run-demo.ts';
import { DYNAMODB_ENDPOINT, KAFKA_BROKERS, requireInfrastructure } from './real-infrastructure.ts';

beforeAll(requireInfrastructure);

describe('the demo scenarios through real Kafka and DynamoDB Local (with its stream)', () => {
  it('meet every expectation of the demo', async () => {
    const result = await runDemo(
      { KAFKA_BROKERS, DYNAMODB_ENDPOINT },
      { infrastructure: 'from-environment' },
    );
    expect(
      result.scenarios.flatMap((s) =>
        s.checks.filter((c) => !c.passed).map((c) => `${s.id}: ${c.name} ${c.detail ?? ''}`),
      ),
    ).toEqual([]);
    expect(result.passed).toBe(true);
    // Every scenario of the demo, over a real broker and DynamoDB Local with its stream.
  }, 600_000);
});

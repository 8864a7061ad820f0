import type { InvokeCommand } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { partitionForKey } from '../../../src/adapters/kafka/murmur2.ts';
import { IngestFunctionFeed } from '../../../src/adapters/lambda/ingest-function-feed.ts';
import { KafkaEventSchema } from '../../../src/event-sources/kafka-event.ts';
import { weatherRouteDependencies } from '../../../src/lambda/weather-dependencies.ts';

/** A Lambda client that keeps what it was asked to invoke and answers with `reply`. */
function recordingLambda(reply: { Payload?: string; FunctionError?: string }) {
  const calls: Array<{ FunctionName?: string; Payload: unknown }> = [];
  const client = {
    send: async (command: InvokeCommand) => {
      const { FunctionName, Payload } = command.input;
      calls.push({ FunctionName, Payload: JSON.parse(String(Payload)) });
      return {
        ...(reply.Payload ? { Payload: new TextEncoder().encode(reply.Payload) } : {}),
        ...(reply.FunctionError ? { FunctionError: reply.FunctionError } : {}),
      };
    },
  };
  return { calls, client: client as never };
}

describe('IngestFunctionFeed', () => {
  it('invokes the ingest function with the Kafka event its event source would deliver', async () => {
    const lambda = recordingLambda({ Payload: '{"outcomes":[]}' });
    const feed = new IngestFunctionFeed(
      'flightpulse-ingest',
      'flight-operations',
      3,
      lambda.client,
    );
    const event = { event_id: 'e-1', flight_id: 'SW1234' };
    const [placed] = await feed.produce([{ key: 'SW1234', value: JSON.stringify(event) }]);

    expect(lambda.calls).toHaveLength(1);
    expect(lambda.calls[0]?.FunctionName).toBe('flightpulse-ingest');
    const delivered = KafkaEventSchema.parse(lambda.calls[0]?.Payload);
    const partition = partitionForKey('SW1234', 3);
    const [record] = delivered.records[`flight-operations-${partition}`] ?? [];
    expect(record?.partition).toBe(partition);
    expect(record?.offset).toBe(placed?.offset);
    expect(Buffer.from(record?.key ?? '', 'base64').toString()).toBe('SW1234');
    expect(JSON.parse(Buffer.from(record?.value ?? '', 'base64').toString())).toEqual(event);
  });

  it('fails loudly when the ingest function fails', async () => {
    const lambda = recordingLambda({ FunctionError: 'Unhandled', Payload: '{"errorMessage":"x"}' });
    const feed = new IngestFunctionFeed(
      'flightpulse-ingest',
      'flight-operations',
      3,
      lambda.client,
    );
    await expect(feed.produce([{ key: 'SW1', value: '{}' }])).rejects.toThrow(/Unhandled/);
  });
});

describe('the API function\'s "run the watch now"', () => {
  const env = {
    TABLE_NAME: 'FlightPulseTable',
    EVENT_BUS_NAME: 'flightpulse-bus',
    AWS_REGION: 'us-east-1',
    WEATHER_WATCH_FUNCTION_NAME: 'flightpulse-watch-weather',
    INGEST_FUNCTION_NAME: 'flightpulse-ingest-flight-events',
  };

  it('invokes the watch function with the time and returns its result', async () => {
    const result = { assessed: 4, changed: [], at: '2025-01-15T11:00:00Z' };
    const lambda = recordingLambda({ Payload: JSON.stringify(result) });
    const deps = weatherRouteDependencies(env, lambda.client);
    expect(deps.feed).toBeInstanceOf(IngestFunctionFeed);
    await expect(deps.watch('2025-01-15T11:00:00Z')).resolves.toEqual(result);
    expect(lambda.calls).toEqual([
      { FunctionName: 'flightpulse-watch-weather', Payload: { at: '2025-01-15T11:00:00Z' } },
    ]);
  });

  it('reports a failed watch instead of answering with nothing', async () => {
    const lambda = recordingLambda({ FunctionError: 'Unhandled', Payload: '{"errorMessage":"x"}' });
    const deps = weatherRouteDependencies(env, lambda.client);
    await expect(deps.watch()).rejects.toThrow(/weather watch failed/);
  });
});

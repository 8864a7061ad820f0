import { beforeAll, describe, expect, it } from 'vitest';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../src/adapters/dynamodb/document-client.ts';
import { ensureTable } from '../../src/adapters/dynamodb/ensure-table.ts';
import { seedItems } from '../../src/adapters/dynamodb/seed-items.ts';
import { ensureTopics } from '../../src/adapters/kafka/ensure-topics.ts';
import { KafkaFeedProducer } from '../../src/adapters/kafka/kafka-feed-producer.ts';
import type { InboundEvent } from '../../src/domain/disruptions/inbound-events.ts';
import type { NotificationDetail } from '../../src/domain/event-routing/bus-events.ts';
import type { EventLogEntry } from '../../src/ports.ts';
import { loadConfig } from '../../src/runtime/config.ts';
import { type LocalRuntime, startLocalRuntime } from '../../src/runtime/local-runtime.ts';
import { sampleDataItems } from '../../src/runtime/sample-data.ts';
import { authorizedRequest } from '../support/authorized-request.ts';
import { inboundEvent, passenger, sample } from '../support/fixtures.ts';
import { isolatedEnv, KAFKA_BROKERS, requireInfrastructure } from './real-infrastructure.ts';

beforeAll(requireInfrastructure);

async function until(
  what: string,
  condition: () => Promise<boolean> | boolean,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a runtime restarted mid-stream', () => {
  it('loses nothing and duplicates nothing', async () => {
    // Two records per batch, so the first runtime stops with work still on the topic.
    const env = isolatedEnv('restart', {
      KAFKA_MAX_BATCH: '2',
      LOG_LEVEL: process.env.FP_LOG ?? 'SILENT',
    });
    const config = loadConfig(env);
    await ensureTopics([KAFKA_BROKERS], [env.KAFKA_TOPIC as string, `${env.KAFKA_TOPIC}.dlq`], 3);
    const flights = ['SW1234', 'SW5678', 'SW3456', 'SW7890'];
    const events: InboundEvent[] = Array.from({ length: 12 }, (_, i) =>
      inboundEvent(
        {
          eventType: 'GATE_CHANGE',
          flightId: flights[i % 4] as string,
          oldGate: 'A1',
          newGate: `B${i + 1}`,
        },
        new Date(Date.parse('2025-01-15T06:00:00Z') + i * 60_000).toISOString(),
      ),
    );
    const producer = new KafkaFeedProducer([KAFKA_BROKERS], env.KAFKA_TOPIC as string, 3);
    await producer.produce(
      events.map((e) => ({ key: e.payload.flight_id, value: JSON.stringify(e) })),
    );
    await producer.close();

    // The flights exist before any event is consumed (events for unknown flights are dead-lettered).
    const client = createDynamoDbClient({ endpoint: config.DYNAMODB_ENDPOINT as string });
    await ensureTable(client, config.TABLE_NAME);
    await seedItems(createDocumentClient(client), config.TABLE_NAME, sampleDataItems());
    client.destroy();

    let runtime: LocalRuntime = await startLocalRuntime(config);
    await until(
      'first runtime handles some records',
      () => (runtime.kafkaConsumer?.handled ?? 0) >= 4,
    );
    const handledBeforeStop = runtime.kafkaConsumer?.handled ?? 0;
    await runtime.close();
    expect(handledBeforeStop).toBeLessThan(events.length);

    runtime = await startLocalRuntime(config);
    try {
      const log = async () =>
        (await (await authorizedRequest(runtime, '/events?limit=200')).json()) as {
          events: EventLogEntry[];
        };
      await until('every event accepted', async () => {
        const accepted = (await log()).events.filter((e) => e.outcome === 'ACCEPTED');
        return accepted.length >= events.length;
      });
      await runtime.idle();
      const entries = (await log()).events;
      for (const event of events) {
        expect(
          entries.filter((e) => e.event_id === event.event_id && e.outcome === 'ACCEPTED'),
          event.event_id,
        ).toHaveLength(1);
      }
      for (const flightId of flights) {
        const { notifications } = (await (
          await authorizedRequest(runtime, `/notifications?flight_id=${flightId}&limit=200`)
        ).json()) as {
          notifications: NotificationDetail[];
        };
        const perEvent = sample.bookings
          .filter((b) => b.flight_id === flightId)
          .reduce(
            (n, b) =>
              n +
              Number(passenger(b.passenger_id).notification_preferences.email) +
              Number(passenger(b.passenger_id).notification_preferences.sms),
            0,
          );
        // A gate change overtaken by a newer one for the same flight is stale and notifies nobody.
        const { executions } = (await (
          await authorizedRequest(runtime, `/executions?flight_id=${flightId}`)
        ).json()) as {
          executions: Array<{ status: string; steps: Array<{ name: string }> }>;
        };
        expect(executions.every((e) => e.status === 'SUCCEEDED')).toBe(true);
        const stale = executions.filter((e) =>
          e.steps.some((step) => step.name === 'StaleEventIgnored'),
        ).length;
        const ids = notifications.map((n) => n.notification_id);
        expect(new Set(ids).size, flightId).toBe(ids.length);
        expect(ids.length, flightId).toBe(perEvent * (3 - stale));
      }
      const sw7890 = (await (await authorizedRequest(runtime, '/flights/SW7890')).json()) as {
        gate: string;
      };
      expect(sw7890.gate).toBe('B12');
    } finally {
      await runtime.close();
    }
  });
});

import { Admin, Consumer, stringDeserializers } from '@platformatic/kafka';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/runtime/config.ts';
import { startLocalRuntime } from '../../src/runtime/local-runtime.ts';
import { authorizedRequest } from '../support/authorized-request.ts';
import { inboundEvent } from '../support/fixtures.ts';
import { isolatedEnv, KAFKA_BROKERS, requireInfrastructure } from './real-infrastructure.ts';

beforeAll(requireInfrastructure);

describe('a poison record on real Kafka', () => {
  it('lands on the dead-letter topic with its reason, and the group moves past it', async () => {
    const env = isolatedEnv('dlq');
    const runtime = await startLocalRuntime(loadConfig(env));
    try {
      await runtime.seed();
      const good = inboundEvent(
        { eventType: 'GATE_CHANGE', flightId: 'SW1234', oldGate: 'A12', newGate: 'A14' },
        new Date().toISOString(),
      );
      const response = await authorizedRequest(runtime, '/feed/flight-operations', {
        method: 'POST',
        body: JSON.stringify({
          records: [
            { key: 'SW1234', value: '{"event_type": "FLIGHT_DELAY", ' },
            { key: 'SW1234', value: good },
          ],
        }),
      });
      const { offsets } = (await response.json()) as {
        offsets: Array<{ partition: number; offset: string }>;
      };
      expect(response.status).toBe(202);
      await runtime.idle();
      expect(
        ((await (await authorizedRequest(runtime, '/flights/SW1234')).json()) as { gate: string })
          .gate,
      ).toBe('A14');

      const consumer = new Consumer({
        groupId: `${env.KAFKA_GROUP_ID}-reader`,
        clientId: 'dlq-reader',
        bootstrapBrokers: [KAFKA_BROKERS],
        deserializers: stringDeserializers,
      });
      const stream = await consumer.consume({
        topics: [`${env.KAFKA_TOPIC}.dlq`],
        mode: 'earliest',
        autocommit: false,
        maxWaitTime: 200,
      });
      const [letter] = (await new Promise((resolve) =>
        stream.once('data', (m) => resolve([m])),
      )) as Array<{ value: string; key: string; headers: Map<string, string> }>;
      await stream.close();
      await consumer.close(true);
      expect(letter?.value).toBe('{"event_type": "FLIGHT_DELAY", ');
      expect(letter?.key).toBe('SW1234');
      expect(letter?.headers.get('x-flightpulse-reason')).toMatch(/^invalid JSON/);
      expect(letter?.headers.get('x-flightpulse-offset')).toBe(offsets[0]?.offset);

      const admin = new Admin({ clientId: 'offset-check', bootstrapBrokers: [KAFKA_BROKERS] });
      const [group] = await admin.listConsumerGroupOffsets({
        groups: [env.KAFKA_GROUP_ID as string],
      });
      await admin.close();
      const committed = group?.topics
        .find((t) => t.name === env.KAFKA_TOPIC)
        ?.partitions.find((p) => p.partitionIndex === offsets[0]?.partition);
      expect(committed?.committedOffset).toBe(BigInt(offsets[1]?.offset ?? '0') + 1n);
    } finally {
      await runtime.close();
    }
  });
});

describe('records as large as the topic takes, and bytes that are not UTF-8, on real Kafka', () => {
  it('dead-letters each with its reason beside a valid event, and refuses what the topic cannot take', async () => {
    const env = isolatedEnv('dlq-large');
    const runtime = await startLocalRuntime(loadConfig(env));
    try {
      await runtime.seed();
      const good = inboundEvent(
        { eventType: 'GATE_CHANGE', flightId: 'SW1234', oldGate: 'A12', newGate: 'B3' },
        new Date().toISOString(),
      );
      const produce = (records: unknown[]) =>
        authorizedRequest(runtime, '/feed/flight-operations', {
          method: 'POST',
          body: JSON.stringify({ records }),
        });
      const response = await produce([
        { key: 'SW1234', value: `{"pad":"${'x'.repeat(450 * 1024)}"}` },
        { key: 'SW1234', value: 'y'.repeat(1000 * 1000) },
        { key: 'SW1234', value_base64: Buffer.from([0xff, 0xfe, 0x7b]).toString('base64') },
        { key: 'SW1234', value: good },
      ]);
      expect(response.status).toBe(202);
      const { offsets } = (await response.json()) as {
        offsets: Array<{ partition: number; offset: string }>;
      };
      await runtime.idle();
      const { events } = (await (await authorizedRequest(runtime, '/events?limit=50')).json()) as {
        events: Array<{ outcome: string; reason?: string; kafka?: { offset: string } }>;
      };
      const at = (i: number) => events.find((e) => e.kafka?.offset === offsets[i]?.offset);
      expect(at(0)?.reason).toMatch(/^record of \d+ bytes exceeds/);
      expect(at(1)?.reason).toMatch(/^record of 1000000 bytes exceeds/);
      expect(at(2)?.reason).toBe('invalid UTF-8 in the record value');
      expect(at(3)?.outcome).toBe('ACCEPTED');

      const tooLarge = await produce([{ key: 'SW1234', value: 'z'.repeat(2 * 1024 * 1024) }]);
      expect(tooLarge.status).toBe(413);
      expect(await tooLarge.json()).toMatchObject({ record: 0, bytes: 2 * 1024 * 1024 + 6 });
    } finally {
      await runtime.close();
    }
  });
});

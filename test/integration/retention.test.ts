import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbEventLog } from '../../src/adapters/dynamodb/dynamodb-event-log.ts';
import { DynamoDbNotificationLog } from '../../src/adapters/dynamodb/dynamodb-notification-log.ts';
import type { SingleTable } from '../../src/adapters/dynamodb/single-table.ts';
import { bookingItems } from '../../src/adapters/dynamodb/table/table-items.ts';
import { keys, TTL_ATTRIBUTE } from '../../src/adapters/dynamodb/table/table-keys.ts';
import { TtlSweeper } from '../../src/adapters/local/dynamodb/ttl-sweeper.ts';
import type { NotificationDetail } from '../../src/domain/event-routing/bus-events.ts';
import { DEFAULT_RETENTION, expiresAfterYears } from '../../src/domain/records/retention.ts';
import { type EmbeddedTable, startEmbeddedTable } from '../support/embedded-table.ts';
import { FixedClock, SilentLog } from '../support/fakes.ts';
import { booking, inboundEvent } from '../support/fixtures.ts';
import { startLocalStack } from '../support/local-stack.ts';

let embedded: EmbeddedTable;
let table: SingleTable;
const TABLE = 'RetentionTest';

beforeAll(async () => {
  embedded = await startEmbeddedTable(TABLE);
  table = embedded.table;
});
afterAll(() => embedded?.close());

const get = async (key: { PK: string; SK: string }) =>
  (await table.doc.send(new GetCommand({ TableName: TABLE, Key: key }))).Item;

describe('retention', () => {
  it('stamps events with their retention and bookings with seven years', async () => {
    const events = new DynamoDbEventLog(table, 30);
    const event = inboundEvent({
      eventType: 'FLIGHT_CANCELLED',
      flightId: 'SW9012',
      reason: 'CREW',
    });
    await events.settleEvents([
      {
        event: event as never,
        outcome: 'ACCEPTED',
        received_at: '2025-01-15T12:00:00.000Z',
        kafka: { topic: 'flight-operations', partition: 0, offset: '1' },
      },
    ]);
    const stored = await get(keys.inboundEvent(event.event_id as string));
    expect(stored?.[TTL_ATTRIBUTE]).toBe(Date.parse('2025-02-14T12:00:00.000Z') / 1000);
    const [item] = bookingItems({ ...booking('B001'), created_at: '2025-01-10T08:00:00.000Z' });
    expect(item?.[TTL_ATTRIBUTE]).toBe(Date.parse('2032-01-10T08:00:00.000Z') / 1000);
  });

  it('stamps notifications, and their provider-id pointers, with the configured retention', async () => {
    const notifications = new DynamoDbNotificationLog(table, 45);
    // A push notification: its failure reports name only the message id, so it has a pointer.
    const detail: NotificationDetail = {
      notification_id: 'SW1234:B001:PUSH:DELAY:2025-03-01T00:00:00Z',
      event_id: 'E-ret-1',
      flight_id: 'SW1234',
      booking_id: 'B001',
      passenger_id: 'P001',
      message_type: 'DELAY_NOTIFICATION',
      channel: 'PUSH',
      recipient: 'arn:aws:sns:us-east-1:000000000000:endpoint/GCM/flightpulse/d-1',
      body: 'SW1234 is 25 minutes late.',
      priority: 'NORMAL',
      generated_by: 'TEMPLATE',
      segment: 'DELAY_NOTIFICATION|MINOR|MEMBER|NONE',
      created_at: '2025-03-01T00:00:00Z',
    };
    const at = '2025-03-01T00:00:00.000Z';
    expect(await notifications.claimAll([detail], at)).toEqual(['claimed']);
    await notifications.markSent(detail, at, {
      provider: 'sns',
      provider_message_id: 'pm-ret-1',
    });
    const expected = Date.parse('2025-04-15T00:00:00.000Z') / 1000;
    const pointer = await get(keys.providerMessage('pm-ret-1'));
    expect(pointer?.[TTL_ATTRIBUTE]).toBe(expected);
    const [listed] = (await notifications.list({ flightId: 'SW1234', bookingId: 'B001' })).items;
    expect(listed?.notification_id).toBe(detail.notification_id);
    // The TTL stays in the table: what the store hands out has no `ttl`.
    expect(listed).not.toHaveProperty(TTL_ATTRIBUTE);
  });

  it('sweeps what expired, as DynamoDB TTL does, and keeps everything else', async () => {
    const at = '2025-06-01T00:00:00.000Z';
    const epoch = Date.parse(at) / 1000;
    const items = [
      { PK: 'T#expired', SK: 'A', [TTL_ATTRIBUTE]: epoch - 1 },
      { PK: 'T#expired', SK: 'B', [TTL_ATTRIBUTE]: epoch - 86_400 },
      { PK: 'T#kept', SK: 'A', [TTL_ATTRIBUTE]: epoch + 60 },
      { PK: 'T#forever', SK: 'A' },
    ];
    for (const Item of items) await table.doc.send(new PutCommand({ TableName: TABLE, Item }));
    const sweeper = new TtlSweeper({
      doc: table.doc,
      tableName: TABLE,
      clock: new FixedClock(at),
      log: new SilentLog(),
    });
    expect(await sweeper.sweep()).toBeGreaterThanOrEqual(2);
    expect(await get({ PK: 'T#expired', SK: 'A' })).toBeUndefined();
    expect(await get({ PK: 'T#expired', SK: 'B' })).toBeUndefined();
    expect(await get({ PK: 'T#kept', SK: 'A' })).toBeDefined();
    expect(await get({ PK: 'T#forever', SK: 'A' })).toBeDefined();
    expect(await sweeper.sweep()).toBe(0);
  });
});

describe('retention in the local runtime', () => {
  it('seeds bookings with seven years, stamps what it records, and sweeps what expired on demand', async () => {
    const stack = await startLocalStack({ TTL_SWEEP_SECONDS: '0', RETENTION_DAYS: '30' });
    try {
      const item = async (key: { PK: string; SK: string }) =>
        (
          await stack.runtime.doc.send(
            new GetCommand({ TableName: stack.runtime.tableName, Key: key }),
          )
        ).Item;
      const seeded = await item(keys.booking('B001'));
      expect(seeded?.[TTL_ATTRIBUTE]).toBe(
        expiresAfterYears(String(seeded?.created_at), DEFAULT_RETENTION.bookingYears),
      );
      const receivedAt = new Date().toISOString();
      const event = inboundEvent(
        { eventType: 'GATE_CHANGE', flightId: 'SW1234', newGate: 'C3' },
        receivedAt,
      );
      await stack.produce([event]);
      const stored = await item(keys.inboundEvent(String(event.event_id)));
      // RETENTION_DAYS reaches the runtime's stores: about 30 days from now.
      const days = ((stored?.[TTL_ATTRIBUTE] as number) - Date.now() / 1000) / 86_400;
      expect(days).toBeGreaterThan(29);
      expect(days).toBeLessThanOrEqual(30);
      const expired = { PK: 'T#expired', SK: 'A', [TTL_ATTRIBUTE]: 1 };
      await stack.runtime.doc.send(
        new PutCommand({ TableName: stack.runtime.tableName, Item: expired }),
      );
      expect(await stack.runtime.sweepExpired()).toBe(1);
      expect(await item({ PK: 'T#expired', SK: 'A' })).toBeUndefined();
      expect(await item(keys.booking('B001'))).toBeDefined();
    } finally {
      await stack.stop();
    }
  });
});

import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbNotificationLog } from '../../src/adapters/dynamodb/dynamodb-notification-log.ts';
import type { SingleTable } from '../../src/adapters/dynamodb/single-table.ts';
import type { NotificationDetail } from '../../src/domain/event-routing/bus-events.ts';
import { deliverNotifications } from '../../src/handlers/notification-delivery.ts';
import type { NotificationSender, SendResult } from '../../src/ports.ts';
import { countOperations } from '../../src/runtime/count-operations.ts';
import { FixedClock, InMemoryStores } from './fakes.ts';

/** A fresh table on a store, and the client whose calls are counted. */
export interface BatchingStore {
  client: DynamoDBClient;
  table: SingleTable;
  close(): Promise<void>;
}

function notification(booking: string, eventId: string, flight = 'SW2000'): NotificationDetail {
  return {
    notification_id: `${flight}:${booking}:SMS:DELAY:2025-01-15T15:45:00Z`,
    event_id: eventId,
    flight_id: flight,
    booking_id: booking,
    passenger_id: booking.replace('B', 'P'),
    message_type: 'DELAY_NOTIFICATION',
    channel: 'SMS',
    recipient: '+15550100000',
    body: 'SW2000 is 45 minutes late.',
    priority: 'NORMAL',
    generated_by: 'TEMPLATE',
    segment: 'DELAY_NOTIFICATION|MAJOR|MEMBER|NONE',
    created_at: '2025-01-15T12:00:00Z',
  };
}

/**
 * A sender whose provider answers each message on its own (its own callback), thirty answers in
 * a turn of the event loop: what is gathered into a call does not depend on the machine's speed.
 */
class OneByOneSender implements NotificationSender {
  async send(
    notifications: NotificationDetail[],
    onResult?: (n: NotificationDetail, result: SendResult) => void,
  ): Promise<SendResult[]> {
    const results: SendResult[] = [];
    for (const [index, n] of notifications.entries()) {
      if (index % 30 === 0) await new Promise((resolve) => setImmediate(resolve));
      else await Promise.resolve();
      const result: SendResult = n.booking_id.endsWith('7')
        ? { notification_id: n.notification_id, outcome: 'BOUNCED', reason: 'unknown number' }
        : {
            notification_id: n.notification_id,
            outcome: 'SENT',
            provider: 'end-user-messaging',
            provider_message_id: `m-${n.notification_id}`,
          };
      onResult?.(n, result);
      results.push(result);
    }
    return results;
  }
}

/**
 * Claims and marks on a real store (`start` gives a fresh table and a client to count calls on):
 * what they decide, and how few calls they make.
 */
export function describeNotificationBatching(
  store: string,
  start: () => Promise<BatchingStore>,
): void {
  let started: BatchingStore;
  let operations: Map<string, number>;

  beforeAll(async () => {
    started = await start();
    operations = countOperations(started.client);
  });

  afterAll(() => started?.close());

  /** The store calls made while `work` ran, by operation. */
  async function callsDuring(work: () => Promise<unknown>): Promise<Record<string, number>> {
    const before = new Map(operations);
    await work();
    const made: Record<string, number> = {};
    for (const [name, count] of operations) {
      const more = count - (before.get(name) ?? 0);
      if (more > 0) made[name] = more;
    }
    return made;
  }

  describe(`notification claims and marks in transactions (${store})`, () => {
    it('claims fresh, taken and unsent-by-this-event notifications in one call, without reads', async () => {
      const log = new DynamoDbNotificationLog(started.table);
      const at = '2025-01-15T12:00:01Z';
      // B001 sent by an earlier event, B002 claimed by another, B003 claimed by this one but unsent.
      expect(
        await log.claimAll(
          [notification('B001', 'e0'), notification('B002', 'e0'), notification('B003', 'e1')],
          at,
        ),
      ).toEqual(['claimed', 'claimed', 'claimed']);
      await log.markSent(notification('B001', 'e0'), at, {
        provider: 'p',
        provider_message_id: 'b1',
      });

      const batch = ['B001', 'B002', 'B003', 'B004', 'B005'].map((b) => notification(b, 'e1'));
      let verdicts: unknown;
      const calls = await callsDuring(async () => {
        verdicts = await log.claimAll(batch, '2025-01-15T12:00:02Z');
      });

      expect(verdicts).toEqual(['taken', 'taken', 'resend', 'claimed', 'claimed']);
      // The refused claims' old items come back with the cancellation: no GetItem.
      expect(calls).toEqual({ TransactWriteItems: 2 });
    });

    it('marks a wave of sends, and applies their reports, in a few calls instead of one each', async () => {
      // The sending process gets its SMS reports, as the local runtime does.
      const log = new DynamoDbNotificationLog(started.table, undefined, { reportedHere: ['SMS'] });
      const batch = Array.from({ length: 300 }, (_, i) =>
        notification(`B${1000 + i}`, 'e2', 'SW3000'),
      );
      const deps = {
        claims: log,
        sender: new OneByOneSender(),
        bookings: new InMemoryStores(),
        clock: new FixedClock(),
      };

      let sent: NotificationDetail[] = [];
      const sending = await callsDuring(async () => {
        sent = await deliverNotifications(batch, deps);
      });
      const report = (n: NotificationDetail, status: 'DELIVERED' | 'FAILED') =>
        log.applyReceipt({
          provider_message_id: `m-${n.notification_id}`,
          // An SMS report hands back the claim its message carried.
          claim: {
            flight_id: n.flight_id,
            booking_id: n.booking_id,
            notification_id: n.notification_id,
          },
          status,
          reported_at: '2025-01-15T12:00:09Z',
        });
      let moved: unknown[] = [];
      const reporting = await callsDuring(async () => {
        moved = await Promise.all(sent.map((n) => report(n, 'DELIVERED')));
      });
      // Late reports (a failure after the delivery) move nothing, and need no read to know it.
      let late: unknown[] = [];
      const lateReporting = await callsDuring(async () => {
        late = await Promise.all(sent.slice(0, 100).map((n) => report(n, 'FAILED')));
      });

      expect(sent).toHaveLength(270);
      // 300 claims and 300 marks (no pointers: SMS reports name their claim): a handful of
      // transactions, no single writes.
      expect(Object.keys(sending)).toEqual(['TransactWriteItems']);
      expect(sending.TransactWriteItems).toBeLessThanOrEqual(20);
      // 270 reports to the process that marked them: it holds their keys and records, so only
      // their moves go to the store, in transactions.
      expect(
        moved.every((r) => (r as { status?: string } | undefined)?.status === 'DELIVERED'),
      ).toBe(true);
      expect(Object.keys(reporting)).toEqual(['TransactWriteItems']);
      expect(reporting.TransactWriteItems).toBeLessThanOrEqual(5);
      // Late reports hold nothing any more: the moves of the claims they name are refused, with
      // the items they found, so nothing is read.
      expect(late.every((r) => r === undefined)).toBe(true);
      expect(Object.keys(lateReporting)).toEqual(['TransactWriteItems']);
      expect(lateReporting.TransactWriteItems).toBeLessThanOrEqual(8);
      const records = await started.table.all({
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :n)',
        ExpressionAttributeValues: { ':pk': 'FLIGHT#SW3000', ':n': 'NOTIFICATION#' },
      });
      const statuses = new Map<string, number>();
      for (const n of records)
        statuses.set(String(n.status), (statuses.get(String(n.status)) ?? 0) + 1);
      expect(Object.fromEntries(statuses)).toEqual({ DELIVERED: 270, BOUNCED: 30 });
    });
  });
}

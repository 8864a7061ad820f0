import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../src/adapters/dynamodb/document-client.ts';
import { DynamoDbBookingStore } from '../../src/adapters/dynamodb/dynamodb-booking-store.ts';
import { DynamoDbFlightStore } from '../../src/adapters/dynamodb/dynamodb-flight-store.ts';
import { DynamoDbNotificationLog } from '../../src/adapters/dynamodb/dynamodb-notification-log.ts';
import { DynamoDbRunLedger } from '../../src/adapters/dynamodb/dynamodb-run-ledger.ts';
import { ensureTable } from '../../src/adapters/dynamodb/ensure-table.ts';
import { READ_ALL_PAGE_SIZE } from '../../src/adapters/dynamodb/query-pages.ts';
import { seedItems } from '../../src/adapters/dynamodb/seed-items.ts';
import { SingleTable } from '../../src/adapters/dynamodb/single-table.ts';
import { keys, prefixes } from '../../src/adapters/dynamodb/table/table-keys.ts';
import { unsignedForLocalEndpoint } from '../../src/adapters/local/unsigned-requests.ts';
import type { ProviderReceipt } from '../../src/domain/delivery/provider-receipt.ts';
import type { NotificationDetail } from '../../src/domain/event-routing/bus-events.ts';
import { InvalidCursorError } from '../../src/pagination/cursor.ts';
import { sampleDataItems } from '../../src/runtime/sample-data.ts';
import { type EmbeddedTable, startEmbeddedTable } from '../support/embedded-table.ts';
import { sample } from '../support/fixtures.ts';

const TABLE = 'FlightPulseTable';
/** The claim a notification's e-mail or SMS carries, as its provider's reports hand it back. */
const claimOf = ({ flight_id, booking_id, notification_id }: NotificationDetail) => ({
  flight_id,
  booking_id,
  notification_id,
});
let embedded: EmbeddedTable;
let doc: DynamoDBDocumentClient;
let flights: DynamoDbFlightStore;
let bookings: DynamoDbBookingStore;

beforeAll(async () => {
  embedded = await startEmbeddedTable(TABLE);
  await ensureTable(embedded.client, TABLE); // a second start finds the table and leaves it
  doc = embedded.doc;
  flights = new DynamoDbFlightStore(new SingleTable(doc, TABLE));
  bookings = new DynamoDbBookingStore(new SingleTable(doc, TABLE));
  await seedItems(doc, TABLE, sampleDataItems());
});

afterAll(() => embedded?.close());

describe('single-table store on dynalite', () => {
  it('seeds idempotently and never overwrites what changed', async () => {
    await bookings.markNeedsRebooking('B010', '2025-01-15T12:00:00Z');
    const items = sampleDataItems();
    expect(await seedItems(doc, TABLE, items)).toEqual({ written: 0, existing: items.length });
    expect((await bookings.getBooking('B010'))?.booking_status).toBe('NEEDS_REBOOKING');
  });

  it('gets a flight, a passenger and a booking by id', async () => {
    expect((await flights.getFlight('SW1234'))?.origin).toBe('DAL');
    expect((await bookings.getPassenger('P001'))?.tier).toBe('A-LIST_PREFERRED');
    expect((await bookings.getBooking('B001'))?.flight_id).toBe('SW1234');
    expect(await flights.getFlight('SW0000')).toBeUndefined();
  });

  it('lists the bookings of a flight and of a passenger from the lookup records', async () => {
    expect((await flights.listFlightBookings('SW1234')).map((b) => b.booking_id)).toEqual([
      'B001',
      'B002',
      'B003',
      'B004',
    ]);
    expect(await flights.countFlightBookings('SW1234')).toBe(4);
    expect((await bookings.listPassengerBookings('P001')).map((b) => b.flight_id).sort()).toEqual([
      'SW1234',
      'SW9012',
    ]);
  });

  it('reads a whole partition in pages of a bounded size and loses no item', async () => {
    const count = 2 * READ_ALL_PAGE_SIZE + 7;
    const ids = Array.from({ length: count }, (_, i) => `BX${String(i).padStart(5, '0')}`);
    await seedItems(
      doc,
      TABLE,
      ids.map((id) => ({
        PK: keys.flight('SW7777').PK,
        SK: `${prefixes.booking}${id}`,
        booking_id: id,
        passenger_id: `P-${id}`,
      })),
    );
    const sizes: number[] = [];
    const table = new SingleTable(doc, TABLE);
    for await (const page of table.pages({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.flight('SW7777').PK, ':sk': prefixes.booking },
    }))
      sizes.push(page.length);
    expect(sizes.slice(0, 2)).toEqual([READ_ALL_PAGE_SIZE, READ_ALL_PAGE_SIZE]);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(count);
    expect((await flights.listFlightBookings('SW7777')).map((b) => b.booking_id)).toEqual(ids);
  });

  it('lists flights by status (GSI1) in departure order, page by page', async () => {
    const scheduled = sample.flights
      .filter((f) => f.status === 'SCHEDULED')
      .sort((a, b) => a.scheduled_departure.localeCompare(b.scheduled_departure))
      .map((f) => f.flight_id);
    expect(scheduled.length).toBeGreaterThan(2);
    const first = await flights.listFlightsByStatus('SCHEDULED', { limit: 2 });
    expect(first.items.map((f) => f.flight_id)).toEqual(scheduled.slice(0, 2));
    const second = await flights.listFlightsByStatus('SCHEDULED', {
      limit: scheduled.length,
      ...(first.nextCursor ? { cursor: first.nextCursor } : {}),
    });
    expect(second.items.map((f) => f.flight_id)).toEqual(scheduled.slice(2));
    expect(second.nextCursor).toBeUndefined();
  });

  it('lists bookings by status (GSI2) and moves a booking between statuses', async () => {
    expect(await bookings.markNeedsRebooking('B011', '2025-01-15T12:00:00Z')).toBe(true);
    expect(await bookings.markNeedsRebooking('B011', '2025-01-15T12:00:01Z')).toBe(false);
    const needs = await bookings.listBookingsByStatus('NEEDS_REBOOKING');
    expect(needs.items.map((b) => b.booking_id).sort()).toEqual(['B010', 'B011']);
    const confirmed = await bookings.listBookingsByStatus('CONFIRMED', { limit: 200 });
    expect(confirmed.items.map((b) => b.booking_id)).not.toContain('B011');
  });

  it('batch-reads bookings and passengers', async () => {
    expect(
      (await bookings.getBookings(['B001', 'B002', 'B999'])).map((b) => b.booking_id).sort(),
    ).toEqual(['B001', 'B002']);
    expect((await bookings.getPassengers(['P001', 'P002', 'P001'])).length).toBe(2);
  });

  it('refuses a cursor it did not issue', async () => {
    await expect(
      flights.listFlightsByStatus('SCHEDULED', { cursor: 'bm90LWpzb24' }),
    ).rejects.toThrow(InvalidCursorError);
  });

  it('records a notification once', async () => {
    const log = new DynamoDbNotificationLog(new SingleTable(doc, TABLE));
    const notification: NotificationDetail = {
      notification_id: 'e1:B001:SMS',
      event_id: 'e1',
      flight_id: 'SW1234',
      booking_id: 'B001',
      passenger_id: 'P001',
      message_type: 'DELAY_NOTIFICATION',
      channel: 'SMS',
      recipient: '+15550100000',
      body: 'Maria, SW1234 is 25 minutes late.',
      priority: 'NORMAL',
      generated_by: 'TEMPLATE',
      segment: 'DELAY_NOTIFICATION|MINOR|A-LIST_PREFERRED|NONE',
      created_at: '2025-01-15T12:00:00Z',
    };
    expect(await log.record(notification, '2025-01-15T12:00:01Z')).toBe(true);
    expect(await log.record(notification, '2025-01-15T12:00:02Z')).toBe(false);
    const listed = await log.list({ flightId: 'SW1234', bookingId: 'B001' });
    expect(listed.items).toEqual([{ ...notification, status: 'SENT' }]);
  });

  it('claims a notification once and moves its delivery status only forward', async () => {
    const log = new DynamoDbNotificationLog(new SingleTable(doc, TABLE));
    const notification: NotificationDetail = {
      notification_id: 'SW1234:B002:SMS:DELAY:2025-01-15T15:45:00Z',
      event_id: 'e2',
      flight_id: 'SW1234',
      booking_id: 'B002',
      passenger_id: 'P002',
      message_type: 'DELAY_NOTIFICATION',
      channel: 'SMS',
      recipient: '+15550100001',
      body: 'Ana, SW1234 is 25 minutes late.',
      priority: 'NORMAL',
      generated_by: 'TEMPLATE',
      segment: 'DELAY_NOTIFICATION|MINOR|MEMBER|NONE',
      created_at: '2025-01-15T12:00:00Z',
    };
    expect(await log.claimAll([notification], '2025-01-15T12:00:01Z')).toEqual(['claimed']);
    // Claimed, never sent (the process died): the same event sends it again.
    expect(await log.claimAll([notification], '2025-01-15T12:00:02Z')).toEqual(['resend']);
    await log.markSent(notification, '2025-01-15T12:00:03Z', {
      provider: 'end-user-messaging',
      provider_message_id: 'm-1',
    });
    expect(await log.claimAll([notification], '2025-01-15T12:00:04Z')).toEqual(['taken']);
    // Its reports name the claim the SMS carried: no pointer from the carrier's message id.
    const pointer = await doc.send(
      new GetCommand({ TableName: TABLE, Key: keys.providerMessage('m-1') }),
    );
    expect(pointer.Item).toBeUndefined();
    const delivered = await log.applyReceipt({
      provider_message_id: 'm-1',
      claim: claimOf(notification),
      status: 'DELIVERED',
      reported_at: '2025-01-15T12:00:05Z',
    });
    expect(delivered?.status).toBe('DELIVERED');
    // A late bounce report cannot undo the delivery.
    const late = await log.applyReceipt({
      provider_message_id: 'm-1',
      claim: claimOf(notification),
      status: 'BOUNCED',
      reported_at: '2025-01-15T12:00:06Z',
    });
    expect(late).toBeUndefined();
    const listed = await log.list({ flightId: 'SW1234', bookingId: 'B002' });
    expect(listed.items).toEqual([
      {
        ...notification,
        status: 'DELIVERED',
        provider: 'end-user-messaging',
        provider_message_id: 'm-1',
        queued_at: '2025-01-15T12:00:01Z',
        sent_at: '2025-01-15T12:00:03Z',
        status_at: '2025-01-15T12:00:05Z',
      },
    ]);
  });

  it('applies a report that overtakes its own SENT mark once the mark has landed (no retry)', async () => {
    const log = new DynamoDbNotificationLog(new SingleTable(doc, TABLE));
    const notification: NotificationDetail = {
      notification_id: 'SW1234:B003:SMS:DELAY:2025-01-15T15:45:00Z',
      event_id: 'e3',
      flight_id: 'SW1234',
      booking_id: 'B003',
      passenger_id: 'P003',
      message_type: 'DELAY_NOTIFICATION',
      channel: 'SMS',
      recipient: '+15550100002',
      body: 'SW1234 is 25 minutes late.',
      priority: 'NORMAL',
      generated_by: 'TEMPLATE',
      segment: 'DELAY_NOTIFICATION|MINOR|MEMBER|NONE',
      created_at: '2025-01-15T12:00:00Z',
    };
    expect(await log.claimAll([notification], '2025-01-15T12:00:01Z')).toEqual(['claimed']);
    const marking = log.markSent(notification, '2025-01-15T12:00:02Z', {
      provider: 'end-user-messaging',
      provider_message_id: 'm-early',
    });
    // Asked before the mark is written: it waits for it instead of failing.
    const delivered = await log.applyReceipt({
      provider_message_id: 'm-early',
      claim: claimOf(notification),
      status: 'DELIVERED',
      reported_at: '2025-01-15T12:00:03Z',
    });
    await marking;
    expect(delivered?.status).toBe('DELIVERED');
  });
});

describe('delivery reports of notifications this log marked SENT', () => {
  const detail = (bookingId: string, passengerId: string): NotificationDetail => ({
    notification_id: `SW1234:${bookingId}:SMS:DELAY:2025-01-15T16:00:00Z`,
    event_id: 'e4',
    flight_id: 'SW1234',
    booking_id: bookingId,
    passenger_id: passengerId,
    message_type: 'DELAY_NOTIFICATION',
    channel: 'SMS',
    recipient: '+15550100003',
    body: 'SW1234 is 40 minutes late.',
    priority: 'NORMAL',
    generated_by: 'TEMPLATE',
    segment: 'DELAY_NOTIFICATION|MINOR|MEMBER|NONE',
    created_at: '2025-01-15T12:00:00Z',
    planned_channels: ['SMS', 'EMAIL'],
  });

  it('answer the record as stored, whether held by the log that sent or read by another', async () => {
    // The sender's calls, by command: its own report must not read the store.
    const { calls, counted } = countedClient();
    const sender = new DynamoDbNotificationLog(new SingleTable(counted, TABLE), undefined, {
      reportedHere: ['SMS'],
    });
    const held = detail('B001', 'P001');
    const read = detail('B004', 'P004');
    expect(await sender.claimAll([held, read], '2025-01-15T12:00:01Z')).toEqual([
      'claimed',
      'claimed',
    ]);
    const provider = 'end-user-messaging';
    await sender.markSent(held, '2025-01-15T12:00:02Z', { provider, provider_message_id: 'h-1' });
    await sender.markSent(read, '2025-01-15T12:00:02Z', { provider, provider_message_id: 'r-1' });
    calls.length = 0;
    const bounced = await sender.applyReceipt({
      provider_message_id: 'h-1',
      status: 'BOUNCED',
      reason: 'unreachable',
      reported_at: '2025-01-15T12:00:03Z',
    });
    expect(calls).toEqual(['TransactWriteCommand']);
    // Another process (a Lambda) holds nothing: it moves the claim the report names, then reads it.
    const other = new DynamoDbNotificationLog(new SingleTable(doc, TABLE));
    const delivered = await other.applyReceipt({
      provider_message_id: 'r-1',
      claim: claimOf(read),
      status: 'DELIVERED',
      reported_at: '2025-01-15T12:00:03Z',
    });
    const stored = (bookingId: string) =>
      sender.list({ flightId: 'SW1234', bookingId }).then((page) => page.items[0]);
    expect(bounced).toEqual(await stored('B001'));
    expect(bounced).toMatchObject({ status: 'BOUNCED', status_reason: 'unreachable' });
    expect(delivered).toEqual(await stored('B004'));
    // A report that overtook the start of its mark waits for it instead of reading the store.
    const early = detail('B002', 'P002');
    expect(await sender.claimAll([early], '2025-01-15T12:00:01Z')).toEqual(['claimed']);
    calls.length = 0;
    const report = sender.applyReceipt({
      provider_message_id: 'e-1',
      status: 'DELIVERED',
      reported_at: '2025-01-15T12:00:03Z',
    });
    await sender.markSent(early, '2025-01-15T12:00:02Z', { provider, provider_message_id: 'e-1' });
    expect((await report)?.status).toBe('DELIVERED');
    expect(calls).toEqual(['TransactWriteCommand', 'TransactWriteCommand']);
    // The report was the held entry's last use: a repeated one is refused by the store.
    expect(
      await sender.applyReceipt({
        provider_message_id: 'h-1',
        claim: claimOf(held),
        status: 'FAILED',
        reported_at: '2025-01-15T12:00:04Z',
      }),
    ).toBeUndefined();
    /** Claims `n`, marks it SENT by `provider`, then reports on it; `calls` holds the report's alone. */
    const reportAfterSending = async (
      n: NotificationDetail,
      provider: string,
      report: Omit<ProviderReceipt, 'reported_at'>,
    ) => {
      expect(await sender.claimAll([n], '2025-01-15T12:00:01Z')).toEqual(['claimed']);
      await sender.markSent(n, '2025-01-15T12:00:02Z', {
        provider,
        provider_message_id: report.provider_message_id,
      });
      calls.length = 0;
      return sender.applyReceipt({ ...report, reported_at: '2025-01-15T12:00:03Z' });
    };
    // A channel whose reports do not come to this process is not held: a report reads the store.
    const email: NotificationDetail = {
      ...detail('B003', 'P003'),
      notification_id: 'SW1234:B003:EMAIL:DELAY:2025-01-15T16:00:00Z',
      channel: 'EMAIL',
      recipient: 'p003@example.com',
      subject: 'SW1234 is late',
    };
    const opened = await reportAfterSending(email, 'ses', {
      provider_message_id: 'x-1',
      claim: claimOf(email),
      status: 'DELIVERED',
    });
    expect(calls).toEqual(['TransactWriteCommand', 'BatchGetCommand']);
    expect(opened).toEqual(await stored('B003'));
    // A push failure names only the message id: the mark wrote a pointer, the report reads it.
    const push: NotificationDetail = {
      ...detail('B005', 'P005'),
      notification_id: 'SW1234:B005:PUSH:DELAY:2025-01-15T16:00:00Z',
      channel: 'PUSH',
      recipient: 'arn:aws:sns:us-east-1:000000000000:endpoint/GCM/flightpulse/d-5',
    };
    const unreachable = await reportAfterSending(push, 'sns', {
      provider_message_id: 'p-1',
      status: 'BOUNCED',
      reason: 'Endpoint is disabled',
    });
    expect(calls).toEqual(['BatchGetCommand', 'TransactWriteCommand', 'BatchGetCommand']);
    expect(unreachable).toEqual(await stored('B005'));
    expect(unreachable).toMatchObject({ status: 'BOUNCED', channel: 'PUSH' });
  });
});

describe('pending runs', () => {
  it('are marked re-driven together, and a run that finished stays finished', async () => {
    const { calls, counted } = countedClient();
    const runs = new DynamoDbRunLedger(new SingleTable(counted, TABLE));
    const entry = { source: 'flightpulse.ingest', detailType: 'FlightDelay', detail: {} };
    const ids = Array.from({ length: 30 }, (_, i) => `run-${String(i).padStart(2, '0')}`);
    await runs.recordPending(
      ids.map((event_id) => ({ event_id, entry, recorded_at: '2025-01-15T12:00:00Z' })),
    );
    calls.length = 0;
    // run-99 finished (its item deleted) before the re-drive marked it.
    await Promise.all(
      [...ids, 'run-99'].map((id) => runs.markRedriven(id, '2025-01-15T12:05:00Z')),
    );
    expect(calls.length).toBeLessThanOrEqual(2);
    const pending = await runs.pending();
    expect(pending.map((r) => r.event_id)).toEqual(ids);
    expect(pending.every((r) => r.redriven_at === '2025-01-15T12:05:00Z')).toBe(true);
  });
});

describe('requests to the embedded store', () => {
  it('go with a fixed signature dynalite accepts instead of one computed per request', async () => {
    const endpoint = await embedded.client.config.endpoint?.();
    const client = createDynamoDbClient({
      endpoint: `${endpoint?.protocol}//${endpoint?.hostname}:${endpoint?.port}`,
      region: 'us-east-1',
    });
    unsignedForLocalEndpoint(client);
    const sent: string[] = [];
    client.middlewareStack.add(
      (next) => (args) => {
        sent.push(
          (args.request as { headers: Record<string, string> }).headers.authorization ?? '',
        );
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'low' },
    );
    try {
      const unsigned = createDocumentClient(client);
      const item = { PK: 'UNSIGNED#1', SK: 'METADATA', note: 'kept' };
      await unsigned.send(new PutCommand({ TableName: TABLE, Item: item }));
      const read = await unsigned.send(
        new GetCommand({ TableName: TABLE, Key: { PK: 'UNSIGNED#1', SK: 'METADATA' } }),
      );
      expect(read.Item).toEqual(item);
      expect(new Set(sent)).toEqual(new Set([expect.stringMatching(/Signature=local$/)]));
      expect(sent).toHaveLength(2);
    } finally {
      client.destroy();
    }
  });
});

describe('dynalite in a process of its own', () => {
  it('serves the same API from a child process, and the child ends with close()', async () => {
    const own = await startEmbeddedTable(TABLE, { ownProcess: true });
    try {
      expect(own.pid).toBeTypeOf('number');
      expect(own.pid).not.toBe(process.pid);
      await seedItems(own.doc, TABLE, sampleDataItems());
      expect((await new DynamoDbFlightStore(own.table).getFlight('SW1234'))?.flight_id).toBe(
        'SW1234',
      );
    } finally {
      await own.close();
    }
    // Signal 0 only asks whether the process exists.
    expect(() => process.kill(own.pid as number, 0)).toThrow();
  });
});

/** The store's client, recording each command it sends by name. */
function countedClient() {
  const calls: string[] = [];
  const counted = {
    send: (command: { constructor: { name: string } }) => {
      calls.push(command.constructor.name);
      return doc.send(command as never);
    },
  } as unknown as DynamoDBDocumentClient;
  return { calls, counted };
}

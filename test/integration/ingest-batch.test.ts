import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { batchWrite } from '../../src/adapters/dynamodb/batch-write.ts';
import { DynamoDbEventLog } from '../../src/adapters/dynamodb/dynamodb-event-log.ts';
import { DynamoDbFlightStore } from '../../src/adapters/dynamodb/dynamodb-flight-store.ts';
import { DynamoDbRunLedger } from '../../src/adapters/dynamodb/dynamodb-run-ledger.ts';
import { keys } from '../../src/adapters/dynamodb/table/table-keys.ts';
import type { InboundEvent } from '../../src/domain/disruptions/inbound-events.ts';
import type { KafkaEvent } from '../../src/event-sources/kafka-event.ts';
import { createIngestHandler, type IngestDeps } from '../../src/handlers/ingest-flight-events.ts';
import { countOperations } from '../../src/runtime/count-operations.ts';
import { sampleDataItems } from '../../src/runtime/sample-data.ts';
import { type EmbeddedTable, startEmbeddedTable } from '../support/embedded-table.ts';
import { CountingMetrics, FixedClock, RecordingPublisher, SilentLog } from '../support/fakes.ts';
import { inboundEvent } from '../support/fixtures.ts';

const TABLE = 'IngestBatchTable';
let embedded: EmbeddedTable;
let operations: Map<string, number>;
let offset = 0;

beforeAll(async () => {
  embedded = await startEmbeddedTable(TABLE);
  await batchWrite(embedded.doc, TABLE, sampleDataItems());
  operations = countOperations(embedded.client);
});
afterAll(() => embedded?.close());
beforeEach(() => operations.clear());

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** Records on one partition, as the event source mapping hands them over. */
function batch(values: Array<{ key: string; value: string | InboundEvent }>): KafkaEvent {
  return {
    eventSource: 'SelfManagedKafka',
    records: {
      'flight-operations-0': values.map(({ key, value }) => ({
        topic: 'flight-operations',
        partition: 0,
        offset: String(offset++),
        key: b64(key),
        value: b64(typeof value === 'string' ? value : JSON.stringify(value)),
      })),
    },
  };
}

function ingest(overrides: Partial<IngestDeps> = {}) {
  const publisher = new RecordingPublisher();
  const runs = new DynamoDbRunLedger(embedded.table);
  const deps: IngestDeps = {
    flights: new DynamoDbFlightStore(embedded.table),
    events: new DynamoDbEventLog(embedded.table),
    runs,
    publisher,
    clock: new FixedClock('2025-01-15T12:00:00.000Z'),
    metrics: new CountingMetrics(),
    log: new SilentLog(),
    ...overrides,
  };
  return { handler: createIngestHandler(deps), publisher, runs, deps };
}

const gate = (flightId: string, at: string, newGate = 'Z9') =>
  inboundEvent({ eventType: 'GATE_CHANGE', flightId, oldGate: 'A1', newGate }, at);

describe('ingest, a batch at a time', () => {
  it('judges a mixed batch as records one by one would, in a handful of store calls', async () => {
    const { handler, publisher, runs } = ingest();
    const earlier = gate('SW3456', '2025-01-15T11:00:00Z');
    await handler(batch([{ key: 'SW3456', value: earlier }]));
    operations.clear();
    const newer = gate('SW3456', '2025-01-15T11:30:00Z');
    const older = gate('SW3456', '2025-01-15T11:10:00Z');
    const other = inboundEvent(
      { eventType: 'FLIGHT_DELAY', flightId: 'SW5678', delayMinutes: 45 },
      '2025-01-15T11:20:00Z',
    );
    const { outcomes } = await handler(
      batch([
        { key: 'SW3456', value: newer },
        { key: 'SW3456', value: '{"event_id": "broken", ' },
        { key: 'SW3456', value: newer },
        { key: 'SW3456', value: older },
        { key: 'SW5678', value: other },
        { key: 'SW3456', value: earlier },
        {
          key: 'SW0000',
          value: {
            ...other,
            event_id: 'e-unknown',
            payload: { ...other.payload, flight_id: 'SW0000' },
          } as InboundEvent,
        },
      ]),
    );
    const calls = new Map(operations);
    expect(outcomes.map((o) => o.outcome)).toEqual([
      'ACCEPTED',
      'REJECTED',
      'DUPLICATE',
      'STALE',
      'ACCEPTED',
      'DUPLICATE',
      'REJECTED',
    ]);
    expect(outcomes[1]?.reason).toMatch(/^invalid JSON/);
    expect(outcomes[3]?.reason).toMatch(/^stale: /);
    expect(outcomes[6]?.reason).toBe('unknown flight SW0000');
    expect(publisher.published.map((e) => e.detail.event_id)).toEqual([
      earlier.event_id,
      newer.event_id,
      other.event_id,
    ]);
    const pending = (await runs.pending()).map((r) => r.event_id);
    expect(pending).toEqual(expect.arrayContaining([newer.event_id, other.event_id]));
    const log = (await new DynamoDbEventLog(embedded.table).list({})).items;
    const dead = log.filter((e) => e.outcome === 'REJECTED').map((e) => e.reason);
    expect(dead).toEqual(expect.arrayContaining(['unknown flight SW0000']));
    expect(dead.some((r) => r?.startsWith('invalid JSON'))).toBe(true);
    // Three BatchGetItem reads (flights, their kept booking counts, orders and outcomes), the two
    // orders in one transaction, four BatchWriteItem calls (runs, outcomes, duplicates, dead
    // letters). Nothing per event.
    expect(Object.fromEntries(calls)).toEqual({
      BatchGetItem: 3,
      TransactWriteItems: 1,
      BatchWriteItem: 4,
    });
    expect(publisher.published.map((e) => e.detail.affected_passengers_count)).toEqual([3, 3, 4]);
  });

  it('costs a handful of calls per flight, not several per event', async () => {
    const { handler, publisher } = ingest();
    const flights = ['SW1234', 'SW7890', 'SW9014', 'SW9016'];
    const events = Array.from({ length: 100 }, (_, i) =>
      gate(
        flights[i % 4] as string,
        `2025-01-15T11:${String(20 + Math.floor(i / 4)).padStart(2, '0')}:00Z`,
        `G${i}`,
      ),
    );
    const { outcomes } = await handler(
      batch(events.map((e) => ({ key: e.payload.flight_id, value: e }))),
    );
    expect(outcomes.every((o) => o.outcome === 'ACCEPTED')).toBe(true);
    expect(publisher.published).toHaveLength(100);
    // Flights, their counts, then orders and outcomes (110 keys): 4 BatchGetItem; the 4 orders in
    // one transaction; runs and outcomes 4 + 4 BatchWriteItem.
    expect(Object.fromEntries(operations)).toEqual({
      BatchGetItem: 4,
      TransactWriteItems: 1,
      BatchWriteItem: 8,
    });
  });

  it('counts the bookings of a flight stored without its count, and only those', async () => {
    // As a flight written before counts were kept: its four bookings are there, the count is not.
    await embedded.doc.send(
      new DeleteCommand({ TableName: TABLE, Key: keys.flightBookingCount('SW5678') }),
    );
    const { handler, publisher } = ingest();
    const events = [
      gate('SW5678', '2025-01-15T11:58:00Z', 'C1'),
      gate('SW1234', '2025-01-15T11:58:00Z', 'C2'),
    ];
    const { outcomes } = await handler(
      batch(events.map((e) => ({ key: e.payload.flight_id, value: e }))),
    );
    expect(outcomes.map((o) => o.outcome)).toEqual(['ACCEPTED', 'ACCEPTED']);
    expect(operations.get('Query')).toBe(1);
    expect(
      publisher.published.map((e) => [e.detail.flight_id, e.detail.affected_passengers_count]),
    ).toEqual([
      ['SW5678', 4],
      ['SW1234', 4],
    ]);
  });

  it('gives a batch retried after its orders moved the verdicts of the first attempt', async () => {
    const events = new DynamoDbEventLog(embedded.table);
    let failures = 1;
    const failing = Object.assign(Object.create(events) as DynamoDbEventLog, {
      // As if the process died after the orders and runs were written, before the outcomes.
      settleEvents: async (settled: Parameters<DynamoDbEventLog['settleEvents']>[0]) => {
        if (failures-- > 0) throw new Error('killed');
        return events.settleEvents(settled);
      },
    });
    const { handler, publisher } = ingest({ events: failing });
    const first = gate('SW9018', '2025-01-15T11:50:00Z', 'B1');
    const second = gate('SW9018', '2025-01-15T11:55:00Z', 'B2');
    const records = batch([
      { key: 'SW9018', value: first },
      { key: 'SW9018', value: second },
    ]);
    await expect(handler(records)).rejects.toThrow('killed');
    const { outcomes } = await handler(records);
    expect(outcomes.map((o) => o.outcome)).toEqual(['ACCEPTED', 'ACCEPTED']);
    expect(publisher.published.map((e) => e.detail.new_gate)).toEqual(['B1', 'B2']);
    const { outcomes: again } = await handler(records);
    expect(again.map((o) => o.outcome)).toEqual(['DUPLICATE', 'DUPLICATE']);
  });
});

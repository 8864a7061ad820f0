import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredFlightOrder } from '../../domain/disruptions/judge-flight-events.ts';
import { DEFAULT_RETENTION, expiresAfterDays } from '../../domain/records/retention.ts';
import type {
  EventLog,
  EventLogEntry,
  OrderCommit,
  Page,
  PageRequest,
  SettledEvent,
} from '../../ports.ts';
import { batchGet } from './batch-get.ts';
import { batchWrite } from './batch-write.ts';
import { CoalescingTransactWriter } from './coalescing-transact-writer.ts';
import type { SingleTable } from './single-table.ts';
import { GSI1, GSI2, gsi1, gsi2, keys, TTL_ATTRIBUTE, withoutKeys } from './table/table-keys.ts';

/** Ingested events and rejected records, each kept `retentionDays` from its receipt. */
export class DynamoDbEventLog implements EventLog {
  private readonly table: SingleTable;
  private readonly retentionDays: number;
  /** Flight orders, moved by conditional puts in shared transactions. */
  private readonly orders: CoalescingTransactWriter;

  constructor(table: SingleTable, retentionDays = DEFAULT_RETENTION.eventDays) {
    this.table = table;
    this.retentionDays = retentionDays;
    this.orders = new CoalescingTransactWriter(table.doc);
  }

  async markIgnored(eventId: string, reason: string): Promise<void> {
    await this.table.doc.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: keys.inboundEvent(eventId),
        UpdateExpression: 'SET outcome = :ignored, reason = :reason',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':ignored': 'IGNORED', ':reason': reason },
      }),
    );
  }

  async ingestState(flightIds: string[], eventIds: string[]) {
    const items = await batchGet(
      this.table.doc,
      this.table.name,
      [...flightIds.map(keys.flightOrder), ...eventIds.map(keys.inboundEvent)],
      true,
    );
    const orders = new Map<string, StoredFlightOrder>();
    const settled = new Set<string>();
    for (const item of items) {
      if (item.SK === 'ORDER') orders.set(String(item.PK).slice('FLIGHT#'.length), order(item));
      // A claim an earlier version wrote but never settled may still finish.
      else if (item.outcome !== 'RECEIVED') settled.add(String(item.event_id));
    }
    return { orders, settled };
  }

  /** One conditional put per flight, the batch's gathered into TransactWriteItems calls. */
  async commitOrders(commits: OrderCommit[]): Promise<string[]> {
    const outcomes = await Promise.all(
      commits.map(({ flightId, next, previous }) =>
        this.orders.write([
          {
            Put: {
              TableName: this.table.name,
              Item: { ...keys.flightOrder(flightId), ...next },
              ...(previous
                ? {
                    ConditionExpression: 'last_event_id = :previous',
                    ExpressionAttributeValues: { ':previous': previous.last_event_id },
                  }
                : { ConditionExpression: 'attribute_not_exists(PK)' }),
            },
          },
        ]),
      ),
    );
    return commits.filter((_, i) => !outcomes[i]?.written).map((c) => c.flightId);
  }

  async settleEvents(events: SettledEvent[]): Promise<void> {
    await batchWrite(
      this.table.doc,
      this.table.name,
      events.map(({ event, ...settled }) => ({
        ...keys.inboundEvent(event.event_id),
        ...gsi1.eventsOfFlight(event.payload.flight_id, settled.received_at),
        ...gsi2.eventLog(settled.received_at),
        event_id: event.event_id,
        flight_id: event.payload.flight_id,
        event_type: event.event_type,
        ...settled,
        event,
        [TTL_ATTRIBUTE]: expiresAfterDays(settled.received_at, this.retentionDays),
      })),
    );
  }

  async recordOutcome(entry: EventLogEntry): Promise<void> {
    await this.recordOutcomes([entry]);
  }

  async recordOutcomes(entries: EventLogEntry[]): Promise<void> {
    await batchWrite(
      this.table.doc,
      this.table.name,
      entries.map((entry) => ({
        ...keys.feedRecord(entry.kafka.topic, entry.kafka.partition, entry.kafka.offset),
        ...(entry.flight_id ? gsi1.eventsOfFlight(entry.flight_id, entry.received_at) : {}),
        ...gsi2.eventLog(entry.received_at),
        ...entry,
        [TTL_ATTRIBUTE]: expiresAfterDays(entry.received_at, this.retentionDays),
      })),
    );
  }

  async list(filter: { flightId?: string }, page?: PageRequest): Promise<Page<EventLogEntry>> {
    const query = filter.flightId
      ? {
          IndexName: GSI1,
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': gsi1.eventsOfFlight(filter.flightId, '').GSI1PK },
        }
      : {
          IndexName: GSI2,
          KeyConditionExpression: 'GSI2PK = :pk',
          ExpressionAttributeValues: { ':pk': gsi2.eventLog('').GSI2PK },
        };
    const result = await this.table.page({ ScanIndexForward: false, ...query }, page);
    return {
      ...result,
      items: result.items.map((item) => {
        const { event: _event, ...entry } = withoutKeys(item);
        return entry as unknown as EventLogEntry;
      }),
    };
  }
}

function order(item: Record<string, unknown>): StoredFlightOrder {
  return {
    last_event_at: String(item.last_event_at),
    last_event_id: String(item.last_event_id),
    ...(item.cancelled_by ? { cancelled_by: String(item.cancelled_by) } : {}),
    ...(item.applied ? { applied: item.applied as StoredFlightOrder['applied'] } : {}),
  };
}

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { FlightOrder } from '../../domain/disruptions/flight-order.ts';
import type { InboundEvent } from '../../domain/disruptions/inbound-events.ts';
import { DEFAULT_RETENTION, expiresAfterDays } from '../../domain/records/retention.ts';
import type { EventLog, EventLogEntry, KafkaCoordinates, Page, PageRequest } from '../../ports.ts';
import type { SingleTable } from './single-table.ts';
import { GSI1, GSI2, gsi1, gsi2, keys, TTL_ATTRIBUTE, withoutKeys } from './table/table-keys.ts';

/** Ingested events and rejected records, each kept `retentionDays` from its receipt. */
export class DynamoDbEventLog implements EventLog {
  private readonly table: SingleTable;
  private readonly retentionDays: number;

  constructor(table: SingleTable, retentionDays = DEFAULT_RETENTION.eventDays) {
    this.table = table;
    this.retentionDays = retentionDays;
  }

  async claim(
    event: InboundEvent,
    receivedAt: string,
    kafka: KafkaCoordinates,
  ): Promise<'new' | 'retry' | 'duplicate'> {
    const key = keys.inboundEvent(event.event_id);
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: {
            ...key,
            ...gsi1.eventsOfFlight(event.payload.flight_id, receivedAt),
            ...gsi2.eventLog(receivedAt),
            event_id: event.event_id,
            flight_id: event.payload.flight_id,
            event_type: event.event_type,
            outcome: 'RECEIVED',
            received_at: receivedAt,
            kafka,
            event,
            [TTL_ATTRIBUTE]: expiresAfterDays(receivedAt, this.retentionDays),
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return 'new';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: key, ConsistentRead: true }),
    );
    // Only an attempt that never reached an outcome may continue; anything settled is a duplicate.
    return Item?.outcome === 'RECEIVED' ? 'retry' : 'duplicate';
  }

  async markPublished(eventId: string, detailType: string): Promise<void> {
    await this.table.doc.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: keys.inboundEvent(eventId),
        UpdateExpression: 'SET outcome = :accepted, detail_type = :detailType',
        ExpressionAttributeValues: { ':accepted': 'ACCEPTED', ':detailType': detailType },
      }),
    );
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

  async settleClaimed(
    eventId: string,
    outcome: 'STALE' | 'SUPPRESSED',
    reason: string,
  ): Promise<void> {
    await this.table.doc.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: keys.inboundEvent(eventId),
        UpdateExpression: 'SET outcome = :outcome, reason = :reason',
        ExpressionAttributeValues: { ':outcome': outcome, ':reason': reason },
      }),
    );
  }

  async flightOrder(flightId: string): Promise<FlightOrder | undefined> {
    const { Item } = await this.table.doc.send(
      new GetCommand({
        TableName: this.table.name,
        Key: keys.flightOrder(flightId),
        ConsistentRead: true,
      }),
    );
    if (!Item) return undefined;
    return {
      last_event_at: String(Item.last_event_at),
      last_event_id: String(Item.last_event_id),
      ...(Item.cancelled_by ? { cancelled_by: String(Item.cancelled_by) } : {}),
    };
  }

  async advanceFlightOrder(
    flightId: string,
    next: FlightOrder,
    previous: FlightOrder | undefined,
  ): Promise<boolean> {
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: { ...keys.flightOrder(flightId), ...next },
          ...(previous
            ? {
                ConditionExpression: 'last_event_id = :previous',
                ExpressionAttributeValues: { ':previous': previous.last_event_id },
              }
            : { ConditionExpression: 'attribute_not_exists(PK)' }),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async recordOutcome(entry: EventLogEntry): Promise<void> {
    const { topic, partition, offset } = entry.kafka;
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: {
          ...keys.feedRecord(topic, partition, offset),
          ...(entry.flight_id ? gsi1.eventsOfFlight(entry.flight_id, entry.received_at) : {}),
          ...gsi2.eventLog(entry.received_at),
          ...entry,
          [TTL_ATTRIBUTE]: expiresAfterDays(entry.received_at, this.retentionDays),
        },
      }),
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

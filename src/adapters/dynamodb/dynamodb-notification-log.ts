import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type DeliveryStatus, statusesBefore } from '../../domain/delivery/delivery-status.ts';
import {
  type NotificationRecord,
  NotificationRecordSchema,
} from '../../domain/delivery/notification-record.ts';
import {
  type ProviderReceipt,
  UnknownProviderMessageError,
} from '../../domain/delivery/provider-receipt.ts';
import type { NotificationDetail } from '../../domain/event-routing/bus-events.ts';
import { DEFAULT_RETENTION, expiresAfterDays } from '../../domain/records/retention.ts';
import type {
  ClaimVerdict,
  NotificationClaims,
  NotificationLog,
  Page,
  PageRequest,
  ProviderAcceptance,
} from '../../ports.ts';
import { CoalescingReader } from './coalescing-reader.ts';
import { CoalescingTransactWriter, type TransactItem } from './coalescing-transact-writer.ts';
import type { SingleTable } from './single-table.ts';
import { keys, prefixes, type TableKey, TTL_ATTRIBUTE, withoutKeys } from './table/table-keys.ts';

/**
 * Notifications, one item per passenger-visible fact (its notification_id). The send task's
 * claim creates the item before the send; the same item is marked SENT after it and is what the
 * API lists, so the delivery log and the record cannot disagree.
 */
export class DynamoDbNotificationLog implements NotificationLog, NotificationClaims {
  private readonly table: SingleTable;
  /** Claims and status marks, gathered into TransactWriteItems calls. */
  private readonly transactions: CoalescingTransactWriter;
  /** Provider-id pointers of delivery reports arriving together, read in BatchGetItem calls. */
  private readonly pointers: CoalescingReader;
  /** The records those reports moved, read back the same way (strongly consistent). */
  private readonly records: CoalescingReader;
  private readonly retentionDays: number;
  /**
   * SENT marks this process is writing, by provider message id: a report that overtakes its own
   * mark waits for it here instead of reading the store again and again until it lands.
   */
  private readonly marking = new Map<string, Promise<unknown>>();

  /** Each notification (and its provider-id lookup) is kept `retentionDays` from its creation. */
  constructor(table: SingleTable, retentionDays = DEFAULT_RETENTION.eventDays) {
    this.table = table;
    // Sends and reports answer one by one: a few milliseconds' go together, and on a busy store
    // what arrives while four calls are under way waits for one of them to end.
    const gather = { windowMs: 5, maxInFlight: 4 };
    this.transactions = new CoalescingTransactWriter(table.doc, gather);
    this.pointers = new CoalescingReader(table.doc, table.name, gather);
    this.records = new CoalescingReader(table.doc, table.name, { ...gather, consistent: true });
    this.retentionDays = retentionDays;
  }

  private expiry(at: string): Record<string, number> {
    return { [TTL_ATTRIBUTE]: expiresAfterDays(at, this.retentionDays) };
  }

  async record(notification: NotificationDetail, recordedAt: string): Promise<boolean> {
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: {
            ...this.keyOf(notification),
            ...notification,
            status: 'SENT',
            recorded_at: recordedAt,
            ...this.expiry(recordedAt),
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async claimAll(notifications: NotificationDetail[], at: string): Promise<ClaimVerdict[]> {
    return Promise.all(
      notifications.map(async (notification) => {
        const key = this.keyOf(notification);
        const outcome = await this.transactions.write([
          {
            Put: {
              TableName: this.table.name,
              Item: {
                ...key,
                ...notification,
                status: 'QUEUED',
                queued_at: at,
                ...this.expiry(at),
              },
              ConditionExpression: 'attribute_not_exists(PK)',
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
        ]);
        if (outcome.written) return 'claimed';
        // A store that does not return the refused item costs one read.
        const held = outcome.old ?? (await this.readClaim(key));
        return held?.status === 'QUEUED' && held.event_id === notification.event_id
          ? 'resend'
          : 'taken';
      }),
    );
  }

  private async readClaim(key: TableKey): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: key, ConsistentRead: true }),
    );
    return Item;
  }

  async markSent(
    notification: NotificationDetail,
    at: string,
    sent?: ProviderAcceptance,
  ): Promise<void> {
    const key = this.keyOf(notification);
    if (!sent) {
      await this.transactions.write([this.statusMove(key, 'SENT', at, { sent_at: at })]);
      return;
    }
    const id = sent.provider_message_id;
    // Delivery reports name only the provider's message id: the way back to the claim is written
    // with the mark, in one transaction, so a report that finds it finds the claim SENT.
    const mark = this.transactions.write([
      this.statusMove(key, 'SENT', at, { ...sent, sent_at: at }),
      {
        Put: {
          TableName: this.table.name,
          Item: { ...keys.providerMessage(id), notification: key, ...this.expiry(at) },
        },
      },
    ]);
    this.marking.set(id, mark);
    try {
      await mark;
    } finally {
      if (this.marking.get(id) === mark) this.marking.delete(id);
    }
  }

  async markUndeliverable(
    notification: NotificationDetail,
    outcome: { status: 'BOUNCED' | 'FAILED'; reason: string },
    at: string,
  ): Promise<void> {
    await this.transactions.write([
      this.statusMove(this.keyOf(notification), outcome.status, at, {
        status_reason: outcome.reason,
      }),
    ]);
  }

  async applyReceipt(receipt: ProviderReceipt): Promise<NotificationRecord | undefined> {
    // Its outcome is the mark's own to report; the read below sees what it wrote, or retries.
    await this.marking.get(receipt.provider_message_id)?.catch(() => undefined);
    const pointer = await this.pointers.get(keys.providerMessage(receipt.provider_message_id));
    if (!pointer)
      throw new UnknownProviderMessageError(`no notification for ${receipt.provider_message_id}`);
    const key = pointer.notification as TableKey;
    const move = this.statusMove(key, receipt.status, receipt.reported_at, {
      ...(receipt.reason ? { status_reason: receipt.reason } : {}),
    });
    const outcome = await this.transactions.write([
      { Update: { ...move.Update, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
    ]);
    if (!outcome.written) {
      // Pointers written before the mark (by an earlier version) may name a claim not SENT yet.
      const held = outcome.old ?? (await this.readClaim(key));
      if (held?.status === 'QUEUED')
        throw new UnknownProviderMessageError(`${receipt.provider_message_id} not marked sent yet`);
      return undefined;
    }
    // A report moves to a final status: the record read after the move is the record it made.
    const record = await this.records.get(key);
    return record ? NotificationRecordSchema.parse(withoutKeys(record)) : undefined;
  }

  /** The conditional update moving a status forward to `to` (no-op once it moved past it). */
  private statusMove(
    key: TableKey,
    to: DeliveryStatus,
    at: string,
    fields: Record<string, string>,
  ): { Update: NonNullable<TransactItem['Update']> } {
    const from = statusesBefore(to);
    const names = Object.keys(fields);
    return {
      Update: {
        TableName: this.table.name,
        Key: key,
        UpdateExpression: [
          'SET #status = :to, status_at = :at',
          ...names.map((n) => `#${n} = :${n}`),
        ].join(', '),
        ConditionExpression: `#status IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
        ExpressionAttributeNames: {
          '#status': 'status',
          ...Object.fromEntries(names.map((n) => [`#${n}`, n])),
        },
        ExpressionAttributeValues: {
          ':to': to,
          ':at': at,
          ...Object.fromEntries(from.map((f, i) => [`:from${i}`, f])),
          ...Object.fromEntries(names.map((n) => [`:${n}`, fields[n]])),
        },
      },
    };
  }

  private keyOf(notification: NotificationDetail) {
    return keys.notificationClaim(
      notification.flight_id,
      notification.booking_id,
      notification.notification_id,
    );
  }

  async list(
    filter: { flightId: string; bookingId?: string },
    page?: PageRequest,
  ): Promise<Page<NotificationRecord>> {
    const prefix = filter.bookingId
      ? prefixes.notificationsOfBooking(filter.bookingId)
      : prefixes.notification;
    const result = await this.table.page(
      {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.flight(filter.flightId).PK, ':prefix': prefix },
      },
      page,
    );
    return {
      ...result,
      items: result.items.map((i) => NotificationRecordSchema.parse(withoutKeys(i))),
    };
  }
}

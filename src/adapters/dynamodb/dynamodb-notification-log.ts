import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type NotificationDetail,
  NotificationDetailSchema,
} from '../../domain/event-routing/bus-events.ts';
import type { NotificationClaims, NotificationLog, Page, PageRequest } from '../../ports.ts';
import type { SingleTable } from './single-table.ts';
import { keys, prefixes, withoutKeys } from './table/table-keys.ts';

/**
 * Notifications, one item per passenger-visible fact (its notification_id). The send task's
 * claim creates the item before the send; the same item is marked SENT after it and is what the
 * API lists, so the delivery log and the record cannot disagree.
 */
export class DynamoDbNotificationLog implements NotificationLog, NotificationClaims {
  private readonly table: SingleTable;

  constructor(table: SingleTable) {
    this.table = table;
  }

  async record(notification: NotificationDetail, recordedAt: string): Promise<boolean> {
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: { ...this.keyOf(notification), ...notification, recorded_at: recordedAt },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async claim(
    notification: NotificationDetail,
    at: string,
  ): Promise<'claimed' | 'resend' | 'taken'> {
    const key = this.keyOf(notification);
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: { ...key, ...notification, status: 'CLAIMED', claimed_at: at },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return 'claimed';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: key, ConsistentRead: true }),
    );
    return Item?.status === 'CLAIMED' && Item.event_id === notification.event_id
      ? 'resend'
      : 'taken';
  }

  async markSent(notification: NotificationDetail, at: string): Promise<void> {
    await this.table.doc.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: this.keyOf(notification),
        UpdateExpression: 'SET #status = :sent, sent_at = :at',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': 'SENT', ':at': at },
      }),
    );
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
  ): Promise<Page<NotificationDetail>> {
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
      items: result.items.map((i) => NotificationDetailSchema.parse(withoutKeys(i))),
    };
  }
}

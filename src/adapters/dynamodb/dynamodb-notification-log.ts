import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  type NotificationDetail,
  NotificationDetailSchema,
} from '../../domain/event-routing/bus-events.ts';
import type { NotificationLog, Page, PageRequest } from '../../ports.ts';
import type { SingleTable } from './single-table.ts';
import { keys, prefixes, withoutKeys } from './table/table-keys.ts';

export class DynamoDbNotificationLog implements NotificationLog {
  private readonly table: SingleTable;

  constructor(table: SingleTable) {
    this.table = table;
  }

  async record(notification: NotificationDetail, recordedAt: string): Promise<boolean> {
    const { flight_id, booking_id, event_id, channel } = notification;
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: {
            ...keys.notification(flight_id, booking_id, event_id, channel),
            ...notification,
            recorded_at: recordedAt,
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

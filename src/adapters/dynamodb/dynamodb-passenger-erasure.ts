import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ErasureReceipt, PassengerErasure } from '../../ports.ts';
import type { SingleTable } from './single-table.ts';
import { keys, prefixes } from './table/table-keys.ts';

/** What an erased message keeps in place of its text: the record (and its counts) stay. */
export const ERASED = '[erased]';

/**
 * GDPR erasure on the single table: the passenger item is deleted, their bookings keep only
 * what operations counts need (special requests removed), the bodies, subjects and recipients
 * of their notifications are overwritten, the history of their preferences goes with their record,
 * and an audit item records the erasure.
 */
export class DynamoDbPassengerErasure implements PassengerErasure {
  private readonly table: SingleTable;

  constructor(table: SingleTable) {
    this.table = table;
  }

  async erase(
    passengerId: string,
    bookings: Array<{ bookingId: string; flightId: string }>,
    request: { at: string; by: string; logLinesErased: number },
  ): Promise<ErasureReceipt> {
    let notifications = 0;
    for (const { bookingId, flightId } of bookings) {
      await this.update(keys.booking(bookingId), 'SET special_requests = :none, erased_at = :at', {
        ':none': [],
        ':at': request.at,
      });
      const items = await this.table.all({
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: {
          ':pk': keys.flight(flightId).PK,
          ':prefix': prefixes.notificationsOfBooking(bookingId),
        },
      });
      for (const item of items) {
        await this.update(
          { PK: String(item.PK), SK: String(item.SK) },
          `SET body = :erased, recipient = :erased, erased_at = :at${item.subject === undefined ? '' : ', subject = :erased'}`,
          { ':erased': ERASED, ':at': request.at },
        );
        notifications++;
      }
    }
    const history = await this.table.all({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.passenger(passengerId).PK,
        ':prefix': prefixes.preferenceChange,
      },
    });
    for (const item of [...history, keys.passenger(passengerId)])
      await this.table.doc.send(
        new DeleteCommand({
          TableName: this.table.name,
          Key: { PK: String(item.PK), SK: String(item.SK) },
        }),
      );
    const receipt: ErasureReceipt = {
      passenger_id: passengerId,
      erased_at: request.at,
      requested_by: request.by,
      bookings_pseudonymised: bookings.length,
      notifications_erased: notifications,
      preference_changes_erased: history.length,
      log_lines_erased: request.logLinesErased,
    };
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: { ...keys.erasure(passengerId), ...receipt },
      }),
    );
    return receipt;
  }

  async receiptOf(passengerId: string): Promise<ErasureReceipt | undefined> {
    const { Item: item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: keys.erasure(passengerId) }),
    );
    if (!item) return undefined;
    const { PK: _pk, SK: _sk, ...receipt } = item;
    return receipt as unknown as ErasureReceipt;
  }

  private async update(
    key: { PK: string; SK: string },
    expression: string,
    values: Record<string, unknown>,
  ): Promise<void> {
    await this.table.doc.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: key,
        UpdateExpression: expression,
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: values,
      }),
    );
  }
}

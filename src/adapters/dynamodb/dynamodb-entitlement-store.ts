import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Entitlement, EntitlementSchema } from '../../domain/rights/entitlement.ts';
import type { EntitlementStore } from '../../ports.ts';
import type { SingleTable } from './single-table.ts';
import { GSI1, GSI2, gsi1, gsi2, keys, prefixes, withoutKeys } from './table/table-keys.ts';

const parse = (item: Record<string, unknown>) => EntitlementSchema.parse(withoutKeys(item));

export class DynamoDbEntitlementStore implements EntitlementStore {
  private readonly table: SingleTable;

  constructor(table: SingleTable) {
    this.table = table;
  }

  /** The item of an entitlement, with its keys; in the claim-notice index while one is due. */
  private item(entitlement: Entitlement) {
    const due = entitlement.claim_notice;
    return {
      ...keys.entitlement(entitlement.booking_id, entitlement.flight_id),
      ...gsi1.entitlementsOfFlight(entitlement.flight_id, entitlement.booking_id),
      ...(due && due.sent_at === null ? gsi2.claimNoticeDue(due.due_by) : {}),
      ...entitlement,
    };
  }

  private async conditionalPut(
    entitlement: Entitlement,
    condition: string,
    values: Record<string, unknown>,
  ): Promise<boolean> {
    return this.table.writeIf({
      Put: {
        TableName: this.table.name,
        Item: this.item(entitlement),
        ConditionExpression: condition,
        ExpressionAttributeValues: values,
      },
    });
  }

  async put(entitlement: Entitlement): Promise<boolean> {
    // An older event never overwrites a newer judgement, and a retried one changes nothing
    // (so a claim notice already sent stays recorded).
    return this.conditionalPut(
      entitlement,
      'attribute_not_exists(PK) OR (event_time <= :at AND event_id <> :event)',
      { ':at': entitlement.event_time, ':event': entitlement.event_id },
    );
  }

  async rejudge(entitlement: Entitlement): Promise<boolean> {
    // Only the same disruption's judgement, and only while no claim notice has gone out.
    return this.conditionalPut(
      entitlement,
      'event_id = :event AND (claim_notice = :none OR claim_notice.sent_at = :none)',
      { ':event': entitlement.event_id, ':none': null },
    );
  }

  async listOfBooking(bookingId: string): Promise<Entitlement[]> {
    const items = await this.table.all({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.booking(bookingId).PK,
        ':prefix': prefixes.entitlement,
      },
    });
    return items.map(parse);
  }

  async listOfFlight(flightId: string): Promise<Entitlement[]> {
    const items = await this.table.all({
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': gsi1.entitlementsOfFlight(flightId, '').GSI1PK },
    });
    return items.map(parse);
  }

  async listClaimNoticesDue(limit: number): Promise<Entitlement[]> {
    const page = await this.table.page(
      {
        IndexName: GSI2,
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': gsi2.claimNoticeDue('').GSI2PK },
      },
      { limit },
    );
    return page.items.map(parse);
  }

  async markClaimNoticeSent(entitlement: Entitlement, sentAt: string): Promise<boolean> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.entitlement(entitlement.booking_id, entitlement.flight_id),
          UpdateExpression: 'SET claim_notice.sent_at = :sent REMOVE GSI2PK, GSI2SK',
          ConditionExpression: 'event_id = :event AND claim_notice.sent_at = :unsent',
          ExpressionAttributeValues: {
            ':sent': sentAt,
            ':event': entitlement.event_id,
            ':unsent': null,
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

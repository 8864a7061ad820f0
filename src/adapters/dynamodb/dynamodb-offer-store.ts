import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Offer, OfferSchema, type OfferStatus } from '../../domain/rebooking/offer.ts';
import type { OfferFilter, OfferStore } from '../../ports/rebooking-ports.ts';
import type { Page, PageRequest } from '../../ports.ts';
import { batchGet } from './batch-get.ts';
import type { SingleTable } from './single-table.ts';
import { GSI1, GSI2, gsi1, gsi2, keys, withoutKeys } from './table/table-keys.ts';

/** Offers in FlightPulseTable: by id, by disrupted flight and status (GSI1), by status (GSI2). */
export class DynamoDbOfferStore implements OfferStore {
  private readonly table: SingleTable;

  constructor(table: SingleTable) {
    this.table = table;
  }

  create(offer: Offer): Promise<boolean> {
    return this.table.writeIf({
      Put: {
        TableName: this.table.name,
        Item: {
          ...keys.offer(offer.offer_id),
          ...indexKeys(offer.flight_id, offer.status, offer.offer_id, offer.created_at),
          ...offer,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    });
  }

  get(offerId: string): Promise<Offer | undefined> {
    return this.table.get(keys.offer(offerId), OfferSchema);
  }

  async getMany(offerIds: readonly string[]): Promise<Offer[]> {
    const items = await batchGet(
      this.table.doc,
      this.table.name,
      offerIds.map((id) => keys.offer(id)),
    );
    return items.map((i) => OfferSchema.parse(withoutKeys(i)));
  }

  async list(filter: OfferFilter, page?: PageRequest): Promise<Page<Offer>> {
    const query = filter.flightId
      ? {
          IndexName: GSI1,
          KeyConditionExpression: filter.status
            ? 'GSI1PK = :pk AND begins_with(GSI1SK, :status)'
            : 'GSI1PK = :pk',
          ExpressionAttributeValues: {
            ':pk': `OFFERS#${filter.flightId}`,
            ...(filter.status ? { ':status': `${filter.status}#` } : {}),
          },
        }
      : {
          IndexName: GSI2,
          KeyConditionExpression: 'GSI2PK = :pk',
          ExpressionAttributeValues: { ':pk': `OFFERS_BY_STATUS#${filter.status ?? 'OPEN'}` },
        };
    const result = await this.table.page(query, page);
    return { ...result, items: result.items.map((i) => OfferSchema.parse(withoutKeys(i))) };
  }

  async update(
    offerId: string,
    from: readonly OfferStatus[],
    patch: Partial<Offer>,
    options: { inProgress?: string; notInProgress?: boolean; clear?: Array<keyof Offer> } = {},
  ): Promise<Offer | undefined> {
    const current = await this.get(offerId);
    if (!current || !from.includes(current.status)) return undefined;
    const next = { ...current, ...patch };
    const fields: Record<string, unknown> = { ...patch };
    if (patch.status)
      Object.assign(fields, indexKeys(next.flight_id, patch.status, offerId, next.created_at));
    const names: Record<string, string> = { '#status': 'status' };
    const values: Record<string, unknown> = {};
    const sets = Object.entries(fields).map(([field, value], i) => {
      names[`#f${i}`] = field;
      values[`:v${i}`] = value;
      return `#f${i} = :v${i}`;
    });
    const removes = (options.clear ?? []).map((field, i) => {
      names[`#r${i}`] = field;
      return `#r${i}`;
    });
    from.forEach((s, i) => {
      values[`:from${i}`] = s;
    });
    let condition = `#status IN (${from.map((_, i) => `:from${i}`).join(', ')})`;
    if (options.inProgress !== undefined) {
      names['#ip'] = 'booking_in_progress';
      values[':ip'] = options.inProgress;
      condition += ' AND #ip = :ip';
    }
    if (options.notInProgress) {
      names['#ip'] = 'booking_in_progress';
      condition += ' AND attribute_not_exists(#ip)';
    }
    try {
      const result = await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.offer(offerId),
          UpdateExpression: [
            sets.length > 0 ? `SET ${sets.join(', ')}` : '',
            removes.length > 0 ? `REMOVE ${removes.join(', ')}` : '',
          ].join(' '),
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return OfferSchema.parse(withoutKeys(result.Attributes ?? {}));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }
}

function indexKeys(flightId: string, status: OfferStatus, offerId: string, createdAt: string) {
  return {
    ...gsi1.offersOfFlight(flightId, status, offerId),
    ...gsi2.offersByStatus(status, createdAt),
  };
}

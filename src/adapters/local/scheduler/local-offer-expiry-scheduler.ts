import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  OFFER_DETAIL_TYPES,
  REBOOKING_EVENT_SOURCE,
} from '../../../domain/rebooking/offer-events.ts';
import type { OfferExpiryScheduler } from '../../../ports/rebooking-ports.ts';
import type { Clock, EventPublisher, Log } from '../../../ports.ts';
import { CoalescingWriter } from '../../dynamodb/coalescing-writer.ts';
import type { SingleTable } from '../../dynamodb/single-table.ts';
import { keys } from '../../dynamodb/table/table-keys.ts';
import { oneAtATime, repeatEvery } from '../periodic.ts';

/**
 * Stands in for EventBridge Scheduler: each pending expiry is an item in the table sorted by
 * time (so it survives a restart), and a poller publishes `offer.expiry_due` for those due —
 * the same event a one-time schedule puts on the bus in AWS. What it does not do: per-schedule
 * IAM, retries with a dead-letter queue, or firing while the process is down (due ones fire on
 * the next start).
 */
export class LocalOfferExpiryScheduler implements OfferExpiryScheduler {
  private readonly table: SingleTable;
  private readonly publisher: EventPublisher;
  private readonly clock: Clock;
  private readonly log: Log;
  /** A wave plans hundreds of offers at once: their expiries share BatchWriteItem calls. */
  private readonly expiries: CoalescingWriter;
  private stopTimer: () => void = () => undefined;
  /**
   * Publishes every expiry due by now and forgets it; returns how many fired. One sweep at a
   * time: a timer tick during a slow sweep waits for it.
   */
  readonly fireDue = oneAtATime(() => this.sweep());

  constructor(deps: { table: SingleTable; publisher: EventPublisher; clock: Clock; log: Log }) {
    this.table = deps.table;
    this.publisher = deps.publisher;
    this.clock = deps.clock;
    this.log = deps.log;
    this.expiries = new CoalescingWriter(deps.table.doc, deps.table.name, 5);
  }

  async schedule(offerId: string, at: string): Promise<void> {
    await this.expiries.put({
      ...keys.offerExpiry(new Date(at).toISOString(), offerId),
      offer_id: offerId,
      due_at: at,
    });
  }

  async cancel(offerId: string): Promise<void> {
    for (const item of await this.pending()) {
      if (item.offer_id === offerId)
        await this.table.doc.send(
          new DeleteCommand({ TableName: this.table.name, Key: { PK: item.PK, SK: item.SK } }),
        );
    }
  }

  start(intervalMs: number): void {
    this.stopTimer = repeatEvery(intervalMs, this.fireDue, (error) =>
      this.log.error('offer expiry sweep failed', { error: String(error) }),
    );
  }

  stop(): void {
    this.stopTimer();
  }

  private async sweep(): Promise<number> {
    const now = new Date(this.clock.now()).toISOString();
    const due = (await this.pending()).filter((i) => String(i.SK) <= `${now}~`);
    if (due.length === 0) return 0;
    await this.publisher.publish(
      due.map((i) => ({
        source: REBOOKING_EVENT_SOURCE,
        detailType: OFFER_DETAIL_TYPES.expiryDue,
        detail: { offer_id: i.offer_id, due_at: i.due_at },
      })),
    );
    for (const i of due)
      await this.table.doc.send(
        new DeleteCommand({ TableName: this.table.name, Key: { PK: i.PK, SK: i.SK } }),
      );
    return due.length;
  }

  private async pending(): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.table.doc.send(
        new QueryCommand({
          TableName: this.table.name,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.offerExpiry('', '').PK },
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }
}

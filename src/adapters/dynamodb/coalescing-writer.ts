import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Gathering, type Waiting } from '../gathering.ts';
import { batchWrite } from './batch-write.ts';

/** Items per BatchWriteItem call. */
const BATCH_SIZE = 25;

/**
 * Unconditional puts gathered into BatchWriteItem calls: every put asked for within `windowMs`
 * (default: the same turn of the event loop) goes out together, at once when 25 are waiting, 25 an
 * item call, unprocessed items retried with backoff. Each caller still waits for its own item to
 * be written, so nothing is acknowledged early. Only for writes that need no condition (a lookup
 * pointer, a record no one else writes).
 */
export class CoalescingWriter {
  private readonly gathering: Gathering<Record<string, unknown>, void>;

  constructor(doc: DynamoDBDocumentClient, tableName: string, windowMs = 0) {
    const write = async (batch: Waiting<Record<string, unknown>, void>[]) => {
      // A key written twice in one call is refused by DynamoDB: the later put wins, as it would.
      const byKey = new Map(batch.map((p) => [`${p.request.PK}|${p.request.SK}`, p.request]));
      await batchWrite(doc, tableName, [...byKey.values()], 4);
      for (const p of batch) p.done();
    };
    this.gathering = new Gathering(write, { fullAt: BATCH_SIZE, windowMs });
  }

  put(item: Record<string, unknown>): Promise<void> {
    return this.gathering.ask(item);
  }
}

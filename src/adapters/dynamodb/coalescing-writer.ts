import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchWrite } from './batch-write.ts';

interface Pending {
  item: Record<string, unknown>;
  done: () => void;
  failed: (error: unknown) => void;
}

/**
 * Unconditional puts gathered into BatchWriteItem calls: every put asked for in the same turn of
 * the event loop goes out together, 25 an item call, unprocessed items retried with backoff. Each
 * caller still waits for its own item to be written, so nothing is acknowledged early. Only for
 * writes that need no condition (a lookup pointer, a record no one else writes).
 */
export class CoalescingWriter {
  private readonly doc: DynamoDBDocumentClient;
  private readonly tableName: string;
  private pending: Pending[] = [];
  private scheduled = false;

  constructor(doc: DynamoDBDocumentClient, tableName: string) {
    this.doc = doc;
    this.tableName = tableName;
  }

  put(item: Record<string, unknown>): Promise<void> {
    return new Promise<void>((done, failed) => {
      this.pending.push({ item, done, failed });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        void this.flush();
      });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    // A key written twice in one call is refused by DynamoDB: the later put wins, as it would.
    const byKey = new Map(batch.map((p) => [`${p.item.PK}|${p.item.SK}`, p.item]));
    try {
      await batchWrite(this.doc, this.tableName, [...byKey.values()], 4);
      for (const p of batch) p.done();
    } catch (error) {
      for (const p of batch) p.failed(error);
    }
  }
}

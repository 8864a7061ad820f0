import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchWrite } from './batch-write.ts';

/** Items per BatchWriteItem call. */
const BATCH_SIZE = 25;

interface Pending {
  item: Record<string, unknown>;
  done: () => void;
  failed: (error: unknown) => void;
}

/**
 * Unconditional puts gathered into BatchWriteItem calls: every put asked for within `windowMs`
 * (default: the same turn of the event loop) goes out together, at once when 25 are waiting, 25 an
 * item call, unprocessed items retried with backoff. Each caller still waits for its own item to
 * be written, so nothing is acknowledged early. Only for writes that need no condition (a lookup
 * pointer, a record no one else writes).
 */
export class CoalescingWriter {
  private readonly doc: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly windowMs: number;
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;

  constructor(doc: DynamoDBDocumentClient, tableName: string, windowMs = 0) {
    this.doc = doc;
    this.tableName = tableName;
    this.windowMs = windowMs;
  }

  put(item: Record<string, unknown>): Promise<void> {
    return new Promise<void>((done, failed) => {
      this.pending.push({ item, done, failed });
      if (this.pending.length >= BATCH_SIZE) void this.flush();
      else if (!this.timer)
        this.timer =
          this.windowMs > 0
            ? setTimeout(() => void this.flush(), this.windowMs)
            : setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
      this.timer = undefined;
    }
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
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

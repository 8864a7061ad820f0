import type { PendingRun, RunLedger } from '../../ports.ts';
import { batchWrite } from './batch-write.ts';
import { CoalescingTransactWriter } from './coalescing-transact-writer.ts';
import type { SingleTable } from './single-table.ts';
import { keys, withoutKeys } from './table/table-keys.ts';

/** Workflow runs recorded at acceptance; what is still here on start did not finish. */
export class DynamoDbRunLedger implements RunLedger {
  private readonly table: SingleTable;
  /** A re-drive marks every run it published at once: their updates share transactions. */
  private readonly marks: CoalescingTransactWriter;

  constructor(table: SingleTable) {
    this.table = table;
    this.marks = new CoalescingTransactWriter(table.doc);
  }

  async recordPending(runs: PendingRun[]): Promise<void> {
    await batchWrite(
      this.table.doc,
      this.table.name,
      runs.map((run) => ({ ...keys.pendingRun(run.event_id), ...run })),
    );
  }

  async markRedriven(eventId: string, at: string): Promise<void> {
    // Refused when the run finished meanwhile: an update would create the item, and it must stay
    // finished.
    await this.marks.write([
      {
        Update: {
          TableName: this.table.name,
          Key: keys.pendingRun(eventId),
          UpdateExpression: 'SET redriven_at = :at',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':at': at },
        },
      },
    ]);
  }

  async pending(): Promise<PendingRun[]> {
    const items = await this.table.all({
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.pendingRun('').PK },
      ConsistentRead: true,
    });
    return items.map((item) => withoutKeys(item) as unknown as PendingRun);
  }
}

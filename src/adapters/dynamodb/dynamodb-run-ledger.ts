import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PendingRun, RunLedger } from '../../ports.ts';
import { batchWrite } from './batch-write.ts';
import type { SingleTable } from './single-table.ts';
import { keys, withoutKeys } from './table/table-keys.ts';

/** Workflow runs recorded at acceptance; what is still here on start did not finish. */
export class DynamoDbRunLedger implements RunLedger {
  private readonly table: SingleTable;

  constructor(table: SingleTable) {
    this.table = table;
  }

  async recordPending(runs: PendingRun[]): Promise<void> {
    await batchWrite(
      this.table.doc,
      this.table.name,
      runs.map((run) => ({ ...keys.pendingRun(run.event_id), ...run })),
    );
  }

  async markRedriven(eventId: string, at: string): Promise<void> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.pendingRun(eventId),
          UpdateExpression: 'SET redriven_at = :at',
          // An update would create the item: a run that finished meanwhile must stay finished.
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
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

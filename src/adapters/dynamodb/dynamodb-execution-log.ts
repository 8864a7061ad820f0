import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ExecutionLog, ExecutionSummary, Page, PageRequest } from '../../ports.ts';
import type { SingleTable } from './single-table.ts';
import { keys, prefixes, withoutKeys } from './table/table-keys.ts';

export class DynamoDbExecutionLog implements ExecutionLog {
  private readonly table: SingleTable;

  constructor(table: SingleTable) {
    this.table = table;
  }

  async record(execution: ExecutionSummary): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: {
          ...keys.execution(execution.flight_id, execution.event_id, execution.state_machine),
          ...execution,
        },
      }),
    );
  }

  async list(flightId: string, page?: PageRequest): Promise<Page<ExecutionSummary>> {
    const result = await this.table.page(
      {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: {
          ':pk': keys.flight(flightId).PK,
          ':prefix': prefixes.execution,
        },
      },
      page,
    );
    return { ...result, items: result.items.map((i) => withoutKeys(i) as ExecutionSummary) };
  }
}

import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys, prefixes, withoutKeys } from '../../domain/table-keys.ts';
import type { ExecutionLog, ExecutionSummary, Page, PageRequest } from '../../ports.ts';
import { queryPage } from './query-pages.ts';

export class DynamoDbExecutionLog implements ExecutionLog {
  private readonly doc: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(doc: DynamoDBDocumentClient, tableName: string) {
    this.doc = doc;
    this.tableName = tableName;
  }

  async record(execution: ExecutionSummary): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.execution(execution.flight_id, execution.event_id, execution.state_machine),
          ...execution,
        },
      }),
    );
  }

  async list(flightId: string, page?: PageRequest): Promise<Page<ExecutionSummary>> {
    const result = await queryPage(
      this.doc,
      {
        TableName: this.tableName,
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

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type {
  IdempotencyClaim,
  IdempotencyStore,
  StoredAnswer,
} from '../../ports/rebooking-ports.ts';
import type { SingleTable } from './single-table.ts';
import { keys } from './table/table-keys.ts';

/** Idempotency-Key records: claimed by a conditional put, the first answer kept for replays. */
export class DynamoDbIdempotencyStore implements IdempotencyStore {
  private readonly table: SingleTable;

  constructor(table: SingleTable) {
    this.table = table;
  }

  async claim(
    scope: string,
    key: string,
    fingerprint: string,
    at: string,
  ): Promise<IdempotencyClaim> {
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: { ...keys.idempotency(scope, key), fingerprint, claimed_at: at },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return { state: 'new' };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    const { Item } = await this.table.doc.send(
      new GetCommand({
        TableName: this.table.name,
        Key: keys.idempotency(scope, key),
        ConsistentRead: true,
      }),
    );
    if (!Item) return { state: 'in_progress' };
    if (Item.fingerprint !== fingerprint) return { state: 'mismatch' };
    if (Item.answer === undefined) return { state: 'in_progress' };
    // Kept as JSON text: a replay is the first answer byte for byte (stores reorder map keys).
    const answer = typeof Item.answer === 'string' ? JSON.parse(Item.answer) : Item.answer;
    return { state: 'replay', answer: answer as StoredAnswer };
  }

  async complete(scope: string, key: string, answer: StoredAnswer): Promise<void> {
    await this.table.doc.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: keys.idempotency(scope, key),
        UpdateExpression: 'SET answer = :answer',
        ExpressionAttributeValues: { ':answer': JSON.stringify(answer) },
      }),
    );
  }

  async abandon(scope: string, key: string): Promise<void> {
    await this.table.doc.send(
      new DeleteCommand({ TableName: this.table.name, Key: keys.idempotency(scope, key) }),
    );
  }
}

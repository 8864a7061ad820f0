import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import pLimit from 'p-limit';
import type { OrderCommit } from '../../ports.ts';
import type { SingleTable } from './single-table.ts';
import { keys } from './table/table-keys.ts';

/** TransactWriteItems takes at most 100 actions a call. */
const TRANSACTION_LIMIT = 100;
/** Single conditional writes in flight at once, where a transaction is not available or failed. */
const SINGLE_WRITES = 64;

/**
 * Writes flights' orders, each only if no one moved it since it was read. A batch's orders go
 * out as TransactWriteItems (100 conditional puts a call); a store without transactions (dynalite
 * as released) gets one conditional PutItem per flight, and so does a transaction that was
 * cancelled, so that the flights nobody contended still move and only the others are judged again.
 */
export class FlightOrderWriter {
  private readonly table: SingleTable;
  private transactions = true;

  constructor(table: SingleTable) {
    this.table = table;
  }

  /** Writes the commits; returns the flights whose order another writer moved first. */
  async commit(commits: OrderCommit[]): Promise<string[]> {
    const contended: string[] = [];
    for (let i = 0; i < commits.length; i += TRANSACTION_LIMIT) {
      const chunk = commits.slice(i, i + TRANSACTION_LIMIT);
      if (chunk.length > 1 && (await this.transact(chunk))) continue;
      const limit = pLimit(SINGLE_WRITES);
      const moved = await Promise.all(chunk.map((c) => limit(() => this.put(c))));
      contended.push(...chunk.filter((_, j) => !moved[j]).map((c) => c.flightId));
    }
    return contended;
  }

  /** True when the transaction wrote every commit; false when they are to be written one by one. */
  private async transact(chunk: OrderCommit[]): Promise<boolean> {
    if (!this.transactions) return false;
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: chunk.map((c) => ({
            Put: { TableName: this.table.name, ...this.conditionalPut(c) },
          })),
        }),
      );
      return true;
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'UnknownOperationException') this.transactions = false;
      else if (name !== 'TransactionCanceledException') throw error;
      return false;
    }
  }

  private async put(commit: OrderCommit): Promise<boolean> {
    try {
      await this.table.doc.send(
        new PutCommand({ TableName: this.table.name, ...this.conditionalPut(commit) }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  private conditionalPut({ flightId, next, previous }: OrderCommit) {
    return {
      Item: { ...keys.flightOrder(flightId), ...next },
      ...(previous
        ? {
            ConditionExpression: 'last_event_id = :previous',
            ExpressionAttributeValues: { ':previous': previous.last_event_id },
          }
        : { ConditionExpression: 'attribute_not_exists(PK)' }),
    };
  }
}

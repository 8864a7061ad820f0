import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Clock, Log } from '../../../ports.ts';
import { TTL_ATTRIBUTE } from '../../dynamodb/table/table-keys.ts';
import { oneAtATime, repeatEvery } from '../periodic.ts';

/**
 * DynamoDB's TTL, locally: dynalite and DynamoDB Local keep expired items forever, so this
 * sweeps the table on an interval and deletes every item whose TTL (epoch seconds) has passed.
 * Each delete is conditional on the TTL still having passed, as a write meanwhile may extend it;
 * deletes go through the same client as every write, so the change feed sees them as REMOVEs.
 */
export class TtlSweeper {
  private readonly doc: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly clock: Clock;
  private readonly log: Log;
  private stopTimer: () => void = () => undefined;
  /** Deletes what has expired; returns how many items went. One sweep at a time. */
  readonly sweep = oneAtATime(() => this.sweepOnce());

  constructor(options: { doc: DynamoDBDocumentClient; tableName: string; clock: Clock; log: Log }) {
    this.doc = options.doc;
    this.tableName = options.tableName;
    this.clock = options.clock;
    this.log = options.log;
  }

  /** Sweeps every `intervalMs` (0: never) until stopped. */
  start(intervalMs: number): void {
    this.stopTimer = repeatEvery(intervalMs, this.sweep, (error) =>
      this.log.warn('TTL sweep failed', { error: String(error) }),
    );
  }

  async stop(): Promise<void> {
    this.stopTimer();
    await this.sweep.settled();
  }

  private async sweepOnce(): Promise<number> {
    const now = Math.floor(Date.parse(this.clock.now()) / 1000);
    let deleted = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new ScanCommand({
          TableName: this.tableName,
          FilterExpression: '#ttl < :now',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':now': now },
          ProjectionExpression: 'PK, SK',
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const key of page.Items ?? []) if (await this.remove(key, now)) deleted++;
      start = page.LastEvaluatedKey;
    } while (start);
    if (deleted > 0) this.log.info('expired items deleted', { deleted });
    return deleted;
  }

  private async remove(key: Record<string, unknown>, now: number): Promise<boolean> {
    try {
      await this.doc.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { PK: key.PK, SK: key.SK },
          ConditionExpression: '#ttl < :now',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':now': now },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

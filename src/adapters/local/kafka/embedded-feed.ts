import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { KafkaEvent, KafkaRecord } from '../../../event-sources/kafka-event.ts';
import type { Log } from '../../../ports.ts';
import { keys } from '../../dynamodb/table/table-keys.ts';
import { partitionForKey } from '../../kafka/murmur2.ts';
import type { WorkTracker } from '../work-tracker.ts';

export interface FeedRecord {
  key: string | null;
  /** The record's value as text (normally JSON). */
  value: string;
}

export interface ProducedOffset {
  partition: number;
  offset: string;
}

export interface EmbeddedFeedOptions {
  topic: string;
  partitions: number;
  doc: DynamoDBDocumentClient;
  tableName: string;
  /** The ingest function, called with Lambda's Kafka event shape. */
  ingest: (event: KafkaEvent) => Promise<unknown>;
  /** Records a batch that still failed after every retry, so nothing is lost silently. */
  onBatchFailed: (records: KafkaRecord[], error: unknown) => Promise<void>;
  tracker: WorkTracker;
  log: Log;
  maxBatchSize?: number;
  retries?: number;
}

/**
 * An in-process Kafka topic: records are keyed and partitioned as Kafka does it, offsets are
 * persisted in the table (so they keep growing across restarts), and each partition is
 * consumed in order, in batches, by the same ingest function Lambda runs.
 */
export class EmbeddedFeed {
  private readonly queues = new Map<number, KafkaRecord[]>();
  private readonly draining = new Set<number>();
  private producing: Promise<unknown> = Promise.resolve();

  private readonly options: EmbeddedFeedOptions;

  constructor(options: EmbeddedFeedOptions) {
    this.options = options;
  }

  /** Appends records and returns their partitions and offsets; consumption is asynchronous. */
  produce(records: FeedRecord[]): Promise<ProducedOffset[]> {
    const result = this.producing.then(() => this.append(records));
    this.producing = result.catch(() => undefined);
    return result;
  }

  private async append(records: FeedRecord[]): Promise<ProducedOffset[]> {
    const { topic, partitions } = this.options;
    const byPartition = new Map<number, number[]>();
    records.forEach((record, index) => {
      const partition =
        record.key === null ? index % partitions : partitionForKey(record.key, partitions);
      const indexes = byPartition.get(partition) ?? [];
      indexes.push(index);
      byPartition.set(partition, indexes);
    });
    const offsets: ProducedOffset[] = new Array(records.length);
    const now = Date.now();
    for (const [partition, indexes] of byPartition) {
      let offset = await this.reserveOffsets(partition, indexes.length);
      const queue = this.queues.get(partition) ?? [];
      for (const index of indexes) {
        const record = records[index] as FeedRecord;
        offsets[index] = { partition, offset: String(offset) };
        queue.push({
          topic,
          partition,
          offset: String(offset),
          timestamp: now,
          timestampType: 'CREATE_TIME',
          key: record.key === null ? null : Buffer.from(record.key).toString('base64'),
          value: Buffer.from(record.value).toString('base64'),
          headers: [],
        });
        offset++;
      }
      this.queues.set(partition, queue);
      this.drain(partition);
    }
    return offsets;
  }

  private async reserveOffsets(partition: number, count: number): Promise<number> {
    const { Attributes } = await this.options.doc.send(
      new UpdateCommand({
        TableName: this.options.tableName,
        Key: keys.feedPartition(this.options.topic, partition),
        UpdateExpression: 'ADD next_offset :count',
        ExpressionAttributeValues: { ':count': count },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.next_offset) - count;
  }

  private drain(partition: number): void {
    if (this.draining.has(partition)) return;
    this.draining.add(partition);
    const work = (async () => {
      try {
        const queue = this.queues.get(partition) ?? [];
        while (queue.length > 0) {
          const batch = queue.splice(0, this.options.maxBatchSize ?? 100);
          await this.deliver(partition, batch);
        }
      } finally {
        this.draining.delete(partition);
      }
    })();
    this.options.tracker.track(work);
  }

  private async deliver(partition: number, batch: KafkaRecord[]): Promise<void> {
    const event: KafkaEvent = {
      eventSource: 'SelfManagedKafka',
      bootstrapServers: 'embedded',
      records: { [`${this.options.topic}-${partition}`]: batch },
    };
    const attempts = (this.options.retries ?? 3) + 1;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.ingest(event);
        return;
      } catch (error) {
        if (attempt >= attempts) {
          this.options.log.error('ingest failed; recording the batch as rejected', {
            partition,
            error: String(error),
          });
          await this.options.onBatchFailed(batch, error);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  }
}

import type { KafkaEvent, KafkaRecord } from '../../../event-sources/kafka-event.ts';
import type { Log } from '../../../ports.ts';
import { partitionForKey } from '../../kafka/murmur2.ts';
import type { WorkTracker } from '../work-tracker.ts';
import { PartitionLog, type StoredRecord } from './partition-log.ts';

export interface FeedRecord {
  key: string | null;
  /** The record's value as text (normally JSON). */
  value: string;
  /** The value as raw bytes, base64 (takes precedence over `value`; any bytes, as Kafka carries). */
  valueBase64?: string;
}

export interface ProducedOffset {
  partition: number;
  offset: string;
}

export interface EmbeddedFeedOptions {
  topic: string;
  partitions: number;
  /** Where the partition logs live; none keeps them in memory (tests, benchmarks). */
  dir: string | undefined;
  /** The ingest function, called with Lambda's Kafka event shape. */
  ingest: (event: KafkaEvent) => Promise<unknown>;
  /** Records a batch that still failed after every retry, so nothing is lost silently. */
  onBatchFailed: (records: KafkaRecord[], error: unknown) => Promise<void>;
  tracker: WorkTracker;
  log: Log;
  maxBatchSize?: number;
  /** Attempts at a batch whose ingest throws (the store or bus failing), 5 s apart at most. */
  retries?: number;
}

/** About ten minutes of a failing store before a batch is given up (and recorded as such). */
const DEFAULT_RETRIES = 120;

/**
 * An in-process Kafka topic: records are keyed and partitioned as Kafka does it, appended to a
 * per-partition log and fsynced before `produce` resolves (so an acknowledged record survives
 * `kill -9`), and each partition is consumed in order, in batches, by the same ingest function
 * Lambda runs. The committed offset moves only after a batch has reached a durable outcome; on
 * start, everything after it is consumed again.
 */
export class EmbeddedFeed {
  private readonly logs: PartitionLog[];
  private readonly queues = new Map<number, StoredRecord[]>();
  private readonly draining = new Set<number>();
  private producing: Promise<unknown> = Promise.resolve();
  private readonly options: EmbeddedFeedOptions;

  constructor(options: EmbeddedFeedOptions) {
    this.options = options;
    this.logs = Array.from(
      { length: options.partitions },
      (_, p) => new PartitionLog(options.dir, `${options.topic}-${p}`),
    );
  }

  /** Consumes what earlier runs stored but never committed. */
  resume(): void {
    this.logs.forEach((log, partition) => {
      const pending = log.uncommitted();
      if (pending.length === 0) return;
      this.queueOf(partition).push(...pending);
      this.drain(partition);
    });
  }

  /** Appends records durably and returns their partitions and offsets; consumption is asynchronous. */
  produce(records: FeedRecord[]): Promise<ProducedOffset[]> {
    const result = this.producing.then(() => this.append(records));
    this.producing = result.catch(() => undefined);
    return result;
  }

  private async append(records: FeedRecord[]): Promise<ProducedOffset[]> {
    const { partitions } = this.options;
    const byPartition = new Map<number, number[]>();
    records.forEach((record, index) => {
      const partition =
        record.key === null ? index % partitions : partitionForKey(record.key, partitions);
      byPartition.set(partition, [...(byPartition.get(partition) ?? []), index]);
    });
    const offsets: ProducedOffset[] = new Array(records.length);
    const now = Date.now();
    for (const [partition, indexes] of byPartition) {
      const stored = await (this.logs[partition] as PartitionLog).append(
        indexes.map((index) => {
          const record = records[index] as FeedRecord;
          return {
            key: record.key,
            value: record.valueBase64 ?? Buffer.from(record.value).toString('base64'),
          };
        }),
        now,
      );
      stored.forEach((s, i) => {
        offsets[indexes[i] as number] = { partition, offset: String(s.offset) };
      });
      this.queueOf(partition).push(...stored);
      this.drain(partition);
    }
    return offsets;
  }

  /** The partition's queue; the same array for as long as the feed lives (drain reads it). */
  private queueOf(partition: number): StoredRecord[] {
    const queue = this.queues.get(partition) ?? [];
    this.queues.set(partition, queue);
    return queue;
  }

  private drain(partition: number): void {
    if (this.draining.has(partition)) return;
    this.draining.add(partition);
    const work = (async () => {
      try {
        const queue = this.queueOf(partition);
        while (queue.length > 0) {
          const batch = queue.splice(0, this.options.maxBatchSize ?? 100);
          await this.deliver(
            partition,
            batch.map((r) => this.kafkaRecord(partition, r)),
          );
          await (this.logs[partition] as PartitionLog).commit((batch.at(-1)?.offset ?? -1) + 1);
        }
      } finally {
        this.draining.delete(partition);
      }
    })();
    this.options.tracker.track(work);
  }

  private kafkaRecord(partition: number, record: StoredRecord): KafkaRecord {
    return {
      topic: this.options.topic,
      partition,
      offset: String(record.offset),
      timestamp: record.timestamp,
      timestampType: 'CREATE_TIME',
      key: record.key === null ? null : Buffer.from(record.key).toString('base64'),
      value: record.value,
      headers: [],
    };
  }

  private async deliver(partition: number, batch: KafkaRecord[]): Promise<void> {
    const event: KafkaEvent = {
      eventSource: 'SelfManagedKafka',
      bootstrapServers: 'embedded',
      records: { [`${this.options.topic}-${partition}`]: batch },
    };
    // A throw is the store or the bus failing (a bad record is dead-lettered inside ingest): the
    // partition waits and tries again, as a Kafka consumer that has not committed does.
    const attempts = (this.options.retries ?? DEFAULT_RETRIES) + 1;
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
        this.options.log.warn('ingest failed; the batch is tried again', {
          partition,
          attempt,
          error: String(error),
        });
        await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 100 * 2 ** attempt)));
      }
    }
  }
}

import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Log } from '../../ports.ts';

const SHARD_REFRESH_MS = 10_000;

export interface StreamReaderOptions {
  dynamodb: DynamoDBClient;
  streams: DynamoDBStreamsClient;
  tableName: string;
  /** File where the last handled sequence number of each shard is kept across restarts. */
  checkpointFile: string;
  handle: (
    records: DynamoDBRecord[],
  ) => Promise<{ batchItemFailures: Array<{ itemIdentifier: string }> }>;
  log: Log;
  pollMs?: number;
  /**
   * Attempts a failing record gets before it goes to the dead-letter file, as the AWS event
   * source mapping's `retryAttempts` (5) before its on-failure queue: one bad record never
   * stalls the shard.
   */
  retryAttempts?: number;
  /** JSON lines, one per record given up on: the record and why. */
  deadLetterFile: string;
}

/**
 * Reads the table's real DynamoDB stream (DynamoDB Local or AWS) shard by shard and feeds the
 * same stream handler Lambda runs; checkpoints after each handled batch, retries failed records
 * and dead-letters those that still fail.
 */
export class DynamoDbStreamReader {
  private readonly options: StreamReaderOptions;
  private readonly iterators = new Map<string, string>();
  private checkpoints: Record<string, string> = {};
  private streamArn: string | undefined;
  private running = false;
  /** Full passes over the shards that found nothing new. */
  private quietPasses = 0;
  private loop: Promise<void> | undefined;

  constructor(options: StreamReaderOptions) {
    this.options = options;
  }

  async start(): Promise<void> {
    const { Table } = await this.options.dynamodb.send(
      new DescribeTableCommand({ TableName: this.options.tableName }),
    );
    this.streamArn = Table?.LatestStreamArn;
    if (!this.streamArn) throw new Error(`table ${this.options.tableName} has no stream`);
    // A missing or unreadable checkpoint starts from the oldest retained record: handling a
    // change twice is safe, skipping one is not.
    this.checkpoints = await readFile(this.options.checkpointFile, 'utf8')
      .then((text) => JSON.parse(text) as Record<string, string>)
      .catch(() => ({}));
    this.running = true;
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const got = await this.pollOnce();
        if (!got) {
          this.quietPasses++;
          await new Promise((r) => setTimeout(r, this.options.pollMs ?? 200));
        }
      } catch (error) {
        this.options.log.error('stream read failed', { error: String(error) });
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  /** One pass over every shard; true when any records were handled. */
  /** Shards are listed again only when one closes or every so often, not on every pass. */
  private shards: string[] = [];
  private shardsListedAt = 0;
  /** Closed shards read to their end. */
  private readonly finished = new Set<string>();

  private async listShards(): Promise<string[]> {
    if (this.shards.length === 0 || Date.now() - this.shardsListedAt > SHARD_REFRESH_MS) {
      const { StreamDescription } = await this.options.streams.send(
        new DescribeStreamCommand({ StreamArn: this.streamArn }),
      );
      this.shards = (StreamDescription?.Shards ?? []).map((shard) => shard.ShardId as string);
      this.shardsListedAt = Date.now();
    }
    return this.shards;
  }

  private async pollOnce(): Promise<boolean> {
    let handled = false;
    for (const shardId of await this.listShards()) {
      if (this.finished.has(shardId)) continue;
      let iterator = this.iterators.get(shardId);
      if (!iterator) {
        const after = this.checkpoints[shardId];
        ({ ShardIterator: iterator } = await this.options.streams.send(
          new GetShardIteratorCommand({
            StreamArn: this.streamArn,
            ShardId: shardId,
            ShardIteratorType: after ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON',
            ...(after ? { SequenceNumber: after } : {}),
          }),
        ));
        if (!iterator) continue;
      }
      const { Records = [], NextShardIterator } = await this.options.streams.send(
        new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }),
      );
      if (Records.length > 0) {
        await this.handle(Records);
        this.checkpoints[shardId] = Records.at(-1)?.dynamodb?.SequenceNumber as string;
        await writeCheckpoints(this.options.checkpointFile, this.checkpoints);
        handled = true;
      }
      if (NextShardIterator) this.iterators.set(shardId, NextShardIterator);
      else {
        // A closed shard: its children appear on the next listing.
        this.iterators.delete(shardId);
        this.finished.add(shardId);
        this.shards = [];
      }
    }
    return handled;
  }

  /**
   * Hands records to the handler until none fail or a failing record has had its attempts;
   * those are written to the dead-letter file with the reason, then the shard moves on.
   */
  private async handle(records: StreamRecord[]): Promise<void> {
    let pending = records.map(toLambdaRecord);
    const attempts = (this.options.retryAttempts ?? 5) + 1;
    for (let attempt = 1; pending.length > 0 && this.running; attempt++) {
      const { batchItemFailures } = await this.options.handle(pending);
      const failed = new Set(batchItemFailures.map((f) => f.itemIdentifier));
      pending = pending.filter((r) => failed.has(r.dynamodb?.SequenceNumber ?? ''));
      if (pending.length > 0 && attempt >= attempts) {
        await this.deadLetter(pending, attempts);
        return;
      }
      if (pending.length > 0)
        await new Promise((r) => setTimeout(r, Math.min(5000, 100 * 2 ** attempt)));
    }
  }

  private async deadLetter(records: DynamoDBRecord[], attempts: number): Promise<void> {
    const at = new Date().toISOString();
    const reason = `stream handler failed ${attempts} times`;
    this.options.log.error('stream records dead-lettered', { count: records.length, reason });
    await mkdir(dirname(this.options.deadLetterFile), { recursive: true });
    await appendFile(
      this.options.deadLetterFile,
      records.map((record) => `${JSON.stringify({ at, reason, record })}\n`).join(''),
    );
  }

  /** Resolves once a full pass, started after this call, found no new records. */
  async caughtUp(): Promise<void> {
    const seen = this.quietPasses;
    while (this.running && this.quietPasses < seen + 2) await new Promise((r) => setTimeout(r, 50));
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}

/**
 * DynamoDB Local's stream shows an empty map as `{}` (no type), which no unmarshaller accepts;
 * AWS shows `{ "M": {} }`. Empty lists and sets keep their type, so a typeless value is a map.
 */
export function typedImage(image: unknown): unknown {
  if (image === null || typeof image !== 'object') return image;
  const typed = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return { M: {} };
    const [[type, inner] = []] = entries;
    if (type === 'M') return { M: typedImage(inner) };
    if (type === 'L') return { L: (inner as unknown[]).map(typed) };
    return value;
  };
  return Object.fromEntries(
    Object.entries(image as Record<string, unknown>).map(([k, v]) => [k, typed(v)]),
  );
}

function toLambdaRecord(record: StreamRecord): DynamoDBRecord {
  const created = record.dynamodb?.ApproximateCreationDateTime;
  const { NewImage, OldImage, ...rest } = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion,
    dynamodb: {
      ...rest,
      ...(NewImage ? { NewImage: typedImage(NewImage) } : {}),
      ...(OldImage ? { OldImage: typedImage(OldImage) } : {}),
      ApproximateCreationDateTime:
        created instanceof Date ? Math.floor(created.getTime() / 1000) : Number(created ?? 0),
    },
  } as DynamoDBRecord;
}

/** Replaces the checkpoint file atomically (temp file, then rename): a kill never leaves it torn. */
async function writeCheckpoints(file: string, checkpoints: Record<string, string>): Promise<void> {
  const temporary = `${file}.tmp`;
  await writeFile(temporary, JSON.stringify(checkpoints));
  await rename(temporary, file);
}

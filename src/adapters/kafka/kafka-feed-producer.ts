import { Producer } from '@platformatic/kafka';
import { type FeedProducer, FeedRecordTooLargeError } from '../../ports.ts';
import { partitionForKey, positiveMurmur2 } from './murmur2.ts';

/** Java clients' partitioner, so a flight lands where any Kafka producer (and the embedded feed) puts it. */
const javaCompatiblePartitioner = (_message: unknown, key: Buffer | undefined) =>
  key && key.length > 0 ? positiveMurmur2(key) : 0;

/**
 * What one send carries at most: a broker takes a record batch of up to message.max.bytes
 * (1 MiB by default, on MSK too), less room for the batch's and records' framing. A larger
 * request is split into sends of at most this; a record larger than this alone is refused.
 */
export const MAX_SEND_BYTES = 1024 * 1024 - 1024;

interface Outgoing {
  key: Buffer | undefined;
  value: Buffer;
  partition: number;
}

/** Produces operations events to Kafka, keyed by flight id (the feed endpoint with KAFKA_BROKERS set). */
export class KafkaFeedProducer implements FeedProducer {
  private readonly producer: Producer<Buffer, Buffer, Buffer, Buffer>;
  private readonly topic: string;
  private readonly partitions: number;

  constructor(brokers: string[], topic: string, partitions: number) {
    this.topic = topic;
    this.partitions = partitions;
    this.producer = new Producer({
      clientId: 'flightpulse-producer',
      bootstrapBrokers: brokers,
      partitioner: javaCompatiblePartitioner,
    });
  }

  /**
   * Sends the records in order, in as few sends as fit the broker (value_base64 bytes as they
   * are, so invalid UTF-8 reaches the topic as sent); each record's offset is its partition's
   * base offset in its send plus its place there.
   */
  async produce(
    records: Array<{ key: string | null; value: string; valueBase64?: string }>,
  ): Promise<Array<{ partition: number; offset: string }>> {
    const outgoing: Outgoing[] = records.map((r, index) => {
      const value =
        r.valueBase64 !== undefined
          ? Buffer.from(r.valueBase64, 'base64')
          : Buffer.from(r.value, 'utf8');
      const key = r.key ? Buffer.from(r.key, 'utf8') : undefined;
      const bytes = value.length + (key?.length ?? 0);
      if (bytes > MAX_SEND_BYTES) throw new FeedRecordTooLargeError(index, bytes, MAX_SEND_BYTES);
      return { key, value, partition: r.key ? partitionForKey(r.key, this.partitions) : 0 };
    });
    const offsets: Array<{ partition: number; offset: string }> = [];
    for (const send of sends(outgoing)) offsets.push(...(await this.send(send)));
    return offsets;
  }

  private async send(records: Outgoing[]): Promise<Array<{ partition: number; offset: string }>> {
    const result = await this.producer.send({
      messages: records.map((r) => ({
        topic: this.topic,
        ...(r.key ? { key: r.key } : {}),
        value: r.value,
      })),
    });
    const base = new Map((result.offsets ?? []).map((o) => [o.partition, BigInt(o.offset)]));
    const seen = new Map<number, bigint>();
    return records.map(({ partition }) => {
      const index = seen.get(partition) ?? 0n;
      seen.set(partition, index + 1n);
      return { partition, offset: String((base.get(partition) ?? 0n) + index) };
    });
  }

  close(): Promise<void> {
    return this.producer.close();
  }
}

/** Consecutive records grouped so that no send exceeds MAX_SEND_BYTES. */
function sends(records: Outgoing[]): Outgoing[][] {
  const groups: Outgoing[][] = [];
  let bytes = Number.POSITIVE_INFINITY;
  for (const record of records) {
    const size = record.value.length + (record.key?.length ?? 0) + 64;
    if (bytes + size > MAX_SEND_BYTES) {
      groups.push([]);
      bytes = 0;
    }
    groups.at(-1)?.push(record);
    bytes += size;
  }
  return groups;
}

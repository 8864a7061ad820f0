import { Producer, stringSerializers } from '@platformatic/kafka';
import type { FeedProducer } from '../../ports.ts';
import { partitionForKey, positiveMurmur2 } from './murmur2.ts';

/** Java clients' partitioner, so a flight lands where any Kafka producer (and the embedded feed) puts it. */
const javaCompatiblePartitioner = (_message: unknown, key: Buffer | undefined) =>
  key && key.length > 0 ? positiveMurmur2(key) : 0;

/** Produces operations events to Kafka, keyed by flight id (the feed endpoint with KAFKA_BROKERS set). */
export class KafkaFeedProducer implements FeedProducer {
  private readonly producer: Producer<string, string, string, string>;
  private readonly topic: string;
  private readonly partitions: number;

  constructor(brokers: string[], topic: string, partitions: number) {
    this.topic = topic;
    this.partitions = partitions;
    this.producer = new Producer({
      clientId: 'flightpulse-producer',
      bootstrapBrokers: brokers,
      serializers: stringSerializers,
      partitioner: javaCompatiblePartitioner,
    });
  }

  /** Sends the records in one request; each record's offset is its partition's base offset plus its place. */
  async produce(
    records: Array<{ key: string | null; value: string }>,
  ): Promise<Array<{ partition: number; offset: string }>> {
    const result = await this.producer.send({
      messages: records.map((r) => ({
        topic: this.topic,
        ...(r.key ? { key: r.key } : {}),
        value: r.value,
      })),
    });
    const base = new Map((result.offsets ?? []).map((o) => [o.partition, BigInt(o.offset)]));
    const seen = new Map<number, bigint>();
    return records.map((r) => {
      const partition = r.key ? partitionForKey(r.key, this.partitions) : 0;
      const index = seen.get(partition) ?? 0n;
      seen.set(partition, index + 1n);
      return { partition, offset: String((base.get(partition) ?? 0n) + index) };
    });
  }

  close(): Promise<void> {
    return this.producer.close();
  }
}

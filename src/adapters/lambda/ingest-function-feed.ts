import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { KafkaEvent, KafkaRecord } from '../../event-sources/kafka-event.ts';
import type { FeedProducer } from '../../ports.ts';
import { partitionForKey } from '../kafka/murmur2.ts';

/**
 * The feed in AWS for what FlightPulse itself declares (a weather delay or cancellation) when
 * no Kafka client can reach the brokers: the ingest function is invoked with the event its Kafka
 * source would deliver, so the declaration goes through the same validation, ordering and
 * de-duplication as every other event. The offset is the invocation time in microseconds, so
 * the event log can tell these records from the broker's.
 */
export class IngestFunctionFeed implements FeedProducer {
  private readonly functionName: string;
  private readonly topic: string;
  private readonly partitions: number;
  private readonly client: Pick<LambdaClient, 'send'>;

  constructor(
    functionName: string,
    topic: string,
    partitions: number,
    client: Pick<LambdaClient, 'send'> = new LambdaClient({}),
  ) {
    this.functionName = functionName;
    this.topic = topic;
    this.partitions = partitions;
    this.client = client;
  }

  async produce(
    records: Array<{ key: string | null; value: string; valueBase64?: string }>,
  ): Promise<Array<{ partition: number; offset: string }>> {
    const base = BigInt(Date.now()) * 1000n;
    const placed = records.map((r, i) => ({
      partition: r.key ? partitionForKey(r.key, this.partitions) : 0,
      offset: String(base + BigInt(i)),
      record: r,
    }));
    const grouped: Record<string, KafkaRecord[]> = {};
    for (const { partition, offset, record } of placed) {
      const batch = grouped[`${this.topic}-${partition}`] ?? [];
      grouped[`${this.topic}-${partition}`] = batch;
      batch.push({
        topic: this.topic,
        partition,
        offset,
        timestamp: Date.now(),
        timestampType: 'CREATE_TIME',
        key: record.key === null ? null : Buffer.from(record.key).toString('base64'),
        value: record.valueBase64 ?? Buffer.from(record.value).toString('base64'),
        headers: [],
      });
    }
    const event: KafkaEvent = { eventSource: 'SelfManagedKafka', records: grouped };
    const answer = await this.client.send(
      new InvokeCommand({ FunctionName: this.functionName, Payload: JSON.stringify(event) }),
    );
    if (answer.FunctionError)
      throw new Error(
        `ingest function ${this.functionName} failed: ${answer.FunctionError} ${new TextDecoder().decode(answer.Payload)}`,
      );
    return placed.map(({ partition, offset }) => ({ partition, offset }));
  }
}

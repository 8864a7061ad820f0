import {
  Consumer,
  type Message,
  type MessagesStream,
  Producer,
  stringSerializers,
} from '@platformatic/kafka';
import type { KafkaEvent } from '../../event-sources/kafka-event.ts';
import type { RecordOutcome } from '../../handlers/ingest-flight-events.ts';
import type { Log } from '../../ports.ts';
import { toKafkaEvent } from './kafka-record-event.ts';

/** Largest dead-letter copy (Kafka's default max.message.bytes is about 1 MB). */
const DEAD_LETTER_MAX_BYTES = 512 * 1024;

export interface KafkaFeedConsumerOptions {
  brokers: string[];
  groupId: string;
  topic: string;
  deadLetterTopic: string;
  ingest: (event: KafkaEvent) => Promise<{ outcomes: RecordOutcome[] }>;
  log: Log;
  maxBatchSize?: number;
  lingerMs?: number;
}

type Buffers = Message<Buffer, Buffer, Buffer, Buffer>;

/**
 * Consumes `flight-operations` as a consumer group and hands batches to the ingest function in
 * Lambda's Kafka event shape. Offsets are committed only after a batch is handled; rejected
 * records go to the dead-letter topic with the reason in headers first. Batches run one at a
 * time, so each partition (one flight's events) keeps its order.
 */
export class KafkaFeedConsumer {
  private readonly options: KafkaFeedConsumerOptions;
  private readonly consumer: Consumer<Buffer, Buffer, Buffer, Buffer>;
  private readonly producer: Producer<string, string, string, string>;
  private stream: MessagesStream<Buffer, Buffer, Buffer, Buffer> | undefined;
  private buffer: Buffers[] = [];
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private stopping = false;
  /** The last offset handled and committed, per partition. */
  private readonly done = new Map<number, bigint>();
  /** Records handled so far (for tests and the console). */
  handled = 0;

  constructor(options: KafkaFeedConsumerOptions) {
    this.options = options;
    this.consumer = new Consumer({
      groupId: options.groupId,
      clientId: 'flightpulse-ingest',
      bootstrapBrokers: options.brokers,
    });
    this.producer = new Producer({
      clientId: 'flightpulse-dead-letters',
      bootstrapBrokers: options.brokers,
      serializers: stringSerializers,
    });
  }

  async start(): Promise<void> {
    this.stream = await this.consumer.consume({
      topics: [this.options.topic],
      autocommit: false,
      mode: 'committed',
      fallbackMode: 'earliest',
      maxWaitTime: 200,
      sessionTimeout: 10_000,
      heartbeatInterval: 500,
    });
    this.stream.on('data', (message: Buffers) => {
      this.buffer.push(message);
      this.schedule(
        this.buffer.length >= (this.options.maxBatchSize ?? 100)
          ? 0
          : (this.options.lingerMs ?? 50),
      );
    });
    this.stream.on('error', (error: unknown) =>
      this.options.log.error('Kafka consumer error', { error: String(error) }),
    );
  }

  private schedule(delay: number): void {
    if (this.timer && delay > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.chain = this.chain
        .then(() => this.flush())
        .catch((error: unknown) => {
          // Nothing was committed: the batch comes again. The consumer itself stays up.
          this.options.log.error('batch failed; it will be consumed again', {
            error: String(error),
          });
        });
    }, delay);
  }

  private async flush(): Promise<void> {
    // A client may hand a message over again (a refetch, a rebalance); what was handled is skipped.
    const batch = this.buffer
      .splice(0, this.options.maxBatchSize ?? 100)
      .filter((m) => m.offset > (this.done.get(m.partition) ?? -1n));
    if (this.buffer.length > 0) this.schedule(0);
    if (batch.length === 0 || !this.stream) return;
    this.stream.pause();
    try {
      const outcomes = await this.ingestWithRetry(batch);
      if (!outcomes) return; // stopping: nothing committed, the group redelivers these
      await this.deadLetter(batch, outcomes);
      const last = new Map<number, Buffers>();
      for (const message of batch) last.set(message.partition, message);
      await Promise.all([...last.values()].map((m) => m.commit()));
      for (const m of last.values()) this.done.set(m.partition, m.offset);
      this.handled += batch.length;
    } finally {
      if (!this.stopping) this.stream.resume();
    }
  }

  /** Infrastructure failures (store, bus) retry with backoff; offsets stay uncommitted meanwhile. */
  private async ingestWithRetry(batch: Buffers[]): Promise<RecordOutcome[] | undefined> {
    const event = toKafkaEvent(batch, this.options.brokers.join(','));
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.options.ingest(event)).outcomes;
      } catch (error) {
        this.options.log.error('ingest failed; retrying the batch', {
          attempt,
          error: String(error),
        });
        if (this.stopping) return undefined;
        await new Promise((r) => setTimeout(r, Math.min(5_000, 100 * 2 ** attempt)));
      }
    }
  }

  /**
   * Copies each rejected record to the dead-letter topic, one by one, with its reason; a copy too
   * large for the topic is truncated (its size in a header). A failed copy is logged, never
   * thrown: the reason is already in the event log, and a partition must not stall on it.
   */
  private async deadLetter(batch: Buffers[], outcomes: RecordOutcome[]): Promise<void> {
    const rejected = outcomes.filter((o) => o.outcome === 'REJECTED');
    const byCoordinates = new Map(batch.map((m) => [`${m.partition}:${m.offset}`, m]));
    for (const o of rejected) {
      const source = byCoordinates.get(`${o.partition}:${o.offset}`);
      const value = source?.value ?? Buffer.alloc(0);
      try {
        await this.producer.send({
          messages: [
            {
              topic: this.options.deadLetterTopic,
              ...(source?.key?.length ? { key: source.key.toString('utf8').slice(0, 256) } : {}),
              value: value.subarray(0, DEAD_LETTER_MAX_BYTES).toString('utf8'),
              headers: {
                'x-flightpulse-reason': (o.reason ?? 'rejected').slice(0, 1000),
                'x-flightpulse-topic': o.topic,
                'x-flightpulse-partition': String(o.partition),
                'x-flightpulse-offset': o.offset,
                'x-flightpulse-bytes': String(value.length),
              },
            },
          ],
        });
      } catch (error) {
        this.options.log.error('dead-letter copy failed; the event log keeps the reason', {
          partition: o.partition,
          offset: o.offset,
          error: String(error),
        });
      }
    }
  }

  /** Stops fetching, finishes (and commits) the batch in hand, then leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    this.stream?.pause();
    await this.chain;
    await this.stream?.close();
    await this.consumer.close(true);
    await this.producer.close();
  }
}

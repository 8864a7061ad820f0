import { join } from 'node:path';
import type { KafkaFeedConsumer } from '../adapters/kafka/kafka-feed-consumer.ts';
import { EmbeddedFeed } from '../adapters/local/kafka/embedded-feed.ts';
import type { WorkTracker } from '../adapters/local/work-tracker.ts';
import { FLIGHT_OPERATIONS_TOPIC } from '../domain/disruptions/inbound-events.ts';
import type { KafkaEvent } from '../event-sources/kafka-event.ts';
import type { RecordOutcome } from '../handlers/ingest-flight-events.ts';
import type { Clock, EventLog, FeedProducer, Log } from '../ports.ts';
import type { Config } from './config.ts';

const FEED_PARTITIONS = 3;

export interface RuntimeFeed {
  feed: FeedProducer;
  /** The Kafka consumer, when KAFKA_BROKERS is set. */
  kafkaConsumer: KafkaFeedConsumer | undefined;
  /** Starts consuming what earlier runs stored but never committed. */
  resume(): void;
  /** True once every record produced through `feed` has been handled by the consumer. */
  caughtUp(): boolean;
  close(): Promise<void>;
}

export interface RuntimeFeedDeps {
  config: Config;
  ingest: (event: KafkaEvent) => Promise<{ outcomes: RecordOutcome[] }>;
  events: EventLog;
  /** Keep the embedded feed's partition logs in memory (with an in-memory store). */
  inMemory: boolean;
  tracker: WorkTracker;
  clock: Clock;
  log: Log;
}

/** The operations feed: real Kafka with KAFKA_BROKERS (a consumer group in), else the embedded one. */
export async function startRuntimeFeed(deps: RuntimeFeedDeps): Promise<RuntimeFeed> {
  const { config } = deps;
  const brokers = config.KAFKA_BROKERS?.split(',');
  if (brokers) return startKafkaFeed(deps, brokers);
  const feed = new EmbeddedFeed({
    topic: FLIGHT_OPERATIONS_TOPIC,
    partitions: FEED_PARTITIONS,
    dir: deps.inMemory ? undefined : join(config.FLIGHTPULSE_DATA_DIR, 'feed'),
    ingest: deps.ingest,
    maxBatchSize: config.KAFKA_MAX_BATCH,
    tracker: deps.tracker,
    log: deps.log,
    onBatchFailed: async (records, error) => {
      for (const record of records) {
        await deps.events.recordOutcome({
          outcome: 'REJECTED',
          reason: `ingest failed after retries: ${String(error)}`,
          received_at: deps.clock.now(),
          kafka: { topic: record.topic, partition: record.partition, offset: record.offset },
        });
      }
    },
  });
  return {
    feed,
    kafkaConsumer: undefined,
    resume: () => feed.resume(),
    caughtUp: () => true,
    close: async () => {},
  };
}

async function startKafkaFeed(deps: RuntimeFeedDeps, brokers: string[]): Promise<RuntimeFeed> {
  const { config } = deps;
  // The Kafka client is loaded only when there is a broker (10 MB of heap otherwise unused).
  const [{ ensureTopics }, { KafkaFeedConsumer }, { KafkaFeedProducer }] = await Promise.all([
    import('../adapters/kafka/ensure-topics.ts'),
    import('../adapters/kafka/kafka-feed-consumer.ts'),
    import('../adapters/kafka/kafka-feed-producer.ts'),
  ]);
  const consumer = new KafkaFeedConsumer({
    brokers,
    groupId: config.KAFKA_GROUP_ID,
    topic: config.KAFKA_TOPIC,
    deadLetterTopic: `${config.KAFKA_TOPIC}.dlq`,
    ingest: deps.ingest,
    log: deps.log,
    maxBatchSize: config.KAFKA_MAX_BATCH,
  });
  const producer = new KafkaFeedProducer(brokers, config.KAFKA_TOPIC, FEED_PARTITIONS);
  await ensureTopics(brokers, [config.KAFKA_TOPIC, `${config.KAFKA_TOPIC}.dlq`], FEED_PARTITIONS);
  await consumer.start();
  let produced = 0;
  return {
    feed: {
      async produce(records) {
        const offsets = await producer.produce(records);
        produced += records.length;
        return offsets;
      },
    },
    kafkaConsumer: consumer,
    resume: () => undefined,
    caughtUp: () => consumer.handled >= produced,
    async close() {
      await consumer.stop();
      await producer.close();
    },
  };
}

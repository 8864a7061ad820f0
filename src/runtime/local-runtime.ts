import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Hono } from 'hono';
import {
  connectionOptions,
  createDocumentClient,
  createDynamoDbClient,
} from '../adapters/dynamodb/document-client.ts';
import { DynamoDbBookingStore } from '../adapters/dynamodb/dynamodb-booking-store.ts';
import { DynamoDbEventLog } from '../adapters/dynamodb/dynamodb-event-log.ts';
import { DynamoDbExecutionLog } from '../adapters/dynamodb/dynamodb-execution-log.ts';
import { DynamoDbFlightStore } from '../adapters/dynamodb/dynamodb-flight-store.ts';
import { DynamoDbNotificationLog } from '../adapters/dynamodb/dynamodb-notification-log.ts';
import { DynamoDbStreamReader } from '../adapters/dynamodb/dynamodb-stream-reader.ts';
import { ensureTable } from '../adapters/dynamodb/ensure-table.ts';
import { seedItems } from '../adapters/dynamodb/seed-items.ts';
import { SingleTable } from '../adapters/dynamodb/single-table.ts';
import { ensureTopics } from '../adapters/kafka/ensure-topics.ts';
import { KafkaFeedConsumer } from '../adapters/kafka/kafka-feed-consumer.ts';
import { KafkaFeedProducer } from '../adapters/kafka/kafka-feed-producer.ts';
import { createMessenger } from '../adapters/llm/create-messenger.ts';
import { InMemoryMetrics } from '../adapters/local/cloudwatch/in-memory-metrics.ts';
import { LogGroupSink } from '../adapters/local/cloudwatch/log-group-sink.ts';
import { tapChangeFeed } from '../adapters/local/dynamodb/change-feed-tap.ts';
import {
  type EmbeddedDynamoDb,
  startEmbeddedDynamoDb,
} from '../adapters/local/dynamodb/embedded-dynamodb.ts';
import { type BusEvent, LocalBus } from '../adapters/local/eventbridge/local-bus.ts';
import { EmbeddedFeed } from '../adapters/local/kafka/embedded-feed.ts';
import {
  type ExecutionRecord,
  LocalExecutor,
} from '../adapters/local/step-functions/local-executor.ts';
import type { LocalFunction } from '../adapters/local/step-functions/task-resources.ts';
import {
  loadWorkflows,
  localSubstitutions,
} from '../adapters/local/step-functions/workflow-definitions.ts';
import { WorkTracker } from '../adapters/local/work-tracker.ts';
import { createApiApp } from '../api/app.ts';
import { consoleRoutes } from '../api/console-routes.ts';
import { weatherRoutes } from '../api/weather-routes.ts';
import { FLIGHT_OPERATIONS_TOPIC } from '../domain/disruptions/inbound-events.ts';
import type { RuleTarget } from '../domain/event-routing/routing-rules.ts';
import { ROUTING_RULES } from '../domain/event-routing/routing-rules.ts';
import { BOOKING_BATCH_SIZE, TASK_FUNCTIONS } from '../domain/workflows/task-functions.ts';
import { createGenerateMessages } from '../handlers/generate-messages.ts';
import { createGetAffectedBookings } from '../handlers/get-affected-bookings.ts';
import { createGetPassengerDetails } from '../handlers/get-passenger-details.ts';
import { createIngestHandler } from '../handlers/ingest-flight-events.ts';
import { createMarkBookingsForRebooking } from '../handlers/mark-bookings-for-rebooking.ts';
import { createRecordNotification } from '../handlers/record-notification.ts';
import { createSendNotifications } from '../handlers/send-notifications.ts';
import { createStreamChangesHandler } from '../handlers/stream-changes.ts';
import type { WatchResult } from '../handlers/watch-weather.ts';
import type { Clock, FeedProducer, Messenger } from '../ports.ts';
import { ActivityHub } from './activity-hub.ts';
import { reportBusEvent, reportOutcome, reportWorkflow } from './activity-reports.ts';
import type { Config } from './config.ts';
import { countOperations } from './count-operations.ts';
import { dashboardMetrics } from './dashboard-metrics.ts';
import { sampleDataItems } from './sample-data.ts';
import { weatherWatch } from './weather-watch.ts';

const STEP_FUNCTIONS_DIR = fileURLToPath(new URL('../../step-functions/', import.meta.url));
const FEED_PARTITIONS = 3;

export interface ActivityListener {
  onBusEvent?(event: BusEvent, matchedRules: string[]): void;
  onExecution?(execution: ExecutionRecord): void;
}

export interface LocalRuntime {
  app: Hono;
  /** DynamoDB API calls made so far, by operation. */
  storeOperations: Map<string, number>;
  /** The document client on the runtime's table (bulk loads). */
  doc: DynamoDBDocumentClient;
  tableName: string;
  /** What happens, live: the console's feed. */
  hub: ActivityHub;
  /** The message composer the configuration chose (templates or a model). */
  messenger: Messenger;
  /** The DynamoDB endpoint in use (embedded dynalite or DYNAMODB_ENDPOINT). */
  endpoint: string;
  feed: FeedProducer;
  /** The Kafka consumer, when KAFKA_BROKERS is set. */
  kafkaConsumer: KafkaFeedConsumer | undefined;
  metrics: InMemoryMetrics;
  executions: ExecutionRecord[];
  busEvents: BusEvent[];
  /** Messages the workflows sent to their dead-letter queue. */
  workflowDeadLetters: unknown[];
  /** Loads the sample data where it is missing. */
  seed(): Promise<{ written: number; existing: number }>;
  /** Waits until every event, workflow and notification in flight has settled; returns failures. */
  idle(): Promise<unknown[]>;
  close(): Promise<void>;
  /** Runs the weather watch once, as of `at` (default: now). */
  watchWeather(at?: string): Promise<WatchResult>;
}

const systemClock: Clock = { now: () => new Date().toISOString() };

/**
 * The local composition root: the same handlers, rule patterns and workflow definitions as in
 * AWS, wired to dynalite (or DYNAMODB_ENDPOINT), an in-process bus, the ASL executor and the
 * embedded Kafka feed.
 */
/** What a benchmark or test may vary; everything else comes from the configuration. */
export interface RuntimeOptions {
  /** Bookings per workflow batch (1 makes the Map per booking, as the original specification). */
  batchSize?: number;
  /** Replaces the messenger the configuration chooses (a simulated model, say). */
  messenger?: Messenger;
  /** Compose every passenger's message afresh instead of once per segment. */
  perPassengerMessages?: boolean;
  /** Keep the embedded store in memory instead of under the data directory. */
  inMemoryStore?: boolean;
}

export async function startLocalRuntime(
  config: Config,
  listener: ActivityListener = {},
  clock: Clock = systemClock,
  options: RuntimeOptions = {},
): Promise<LocalRuntime> {
  const log = new Logger({ serviceName: 'flightpulse', logLevel: config.LOG_LEVEL });
  // No endpoint: an embedded dynalite persisted under the data directory.
  const embedded: EmbeddedDynamoDb | undefined = config.DYNAMODB_ENDPOINT
    ? undefined
    : await startEmbeddedDynamoDb(
        options.inMemoryStore ? undefined : join(config.FLIGHTPULSE_DATA_DIR, 'dynamodb'),
      );
  const endpoint = (config.DYNAMODB_ENDPOINT ?? embedded?.endpoint) as string;
  const connection = { endpoint, region: config.AWS_REGION };
  const client = createDynamoDbClient(connection);
  const reader = createDynamoDbClient(connection);
  const tableName = config.TABLE_NAME;
  await ensureTable(reader, tableName);

  const storeOperations = countOperations(client, reader);
  const tracker = new WorkTracker();
  const hub = new ActivityHub();
  const metrics = new InMemoryMetrics(clock);
  const executions: ExecutionRecord[] = [];
  const busEvents: BusEvent[] = [];
  const workflowDeadLetters: unknown[] = [];
  const doc = createDocumentClient(client);
  const table = new SingleTable(doc, tableName);
  const flights = new DynamoDbFlightStore(table);
  const bookings = new DynamoDbBookingStore(table);
  const events = new DynamoDbEventLog(table);
  const notifications = new DynamoDbNotificationLog(table);
  const executionLog = new DynamoDbExecutionLog(table);
  const logSink = new LogGroupSink(join(config.FLIGHTPULSE_DATA_DIR, 'logs'));

  // `executor` is built below (it needs the bus); deliveries only start once everything is wired.
  const deliver = async (target: RuleTarget, event: BusEvent): Promise<void> => {
    switch (target.kind) {
      case 'state-machine': {
        metrics.count('WorkflowExecutions');
        await executor.run(target.stateMachine, `${target.stateMachine}-${event.id}`, event);
        return;
      }
      case 'function':
        await recordNotification(event);
        return;
      case 'log-group':
        await logSink.write(target.logGroup, event);
        return;
    }
  };
  const bus = new LocalBus({
    busName: config.EVENT_BUS_NAME,
    rules: ROUTING_RULES,
    deliver,
    tracker,
    clock,
    region: config.AWS_REGION,
    onEvent: (event, matched) => {
      busEvents.push(event);
      listener.onBusEvent?.(event, matched);
      reportBusEvent(hub, event);
    },
  });

  const messenger = options.messenger ?? createMessenger(config.llm, config.AWS_REGION);
  const recordNotification = createRecordNotification({ notifications, clock, metrics, log });
  const streamChanges = createStreamChangesHandler({ publisher: bus, log });
  // dynalite has no streams: tap its writes. A real endpoint (DynamoDB Local, AWS) has the stream itself.
  const streamReader = config.DYNAMODB_ENDPOINT
    ? new DynamoDbStreamReader({
        dynamodb: reader,
        streams: new DynamoDBStreamsClient({ ...connectionOptions(connection) }),
        tableName,
        checkpointFile: join(config.FLIGHTPULSE_DATA_DIR, `stream-checkpoints-${tableName}.json`),
        handle: (records) => streamChanges({ Records: records }),
        log,
      })
    : undefined;
  if (streamReader) {
    mkdirSync(config.FLIGHTPULSE_DATA_DIR, { recursive: true });
    await streamReader.start();
  } else {
    tapChangeFeed(
      client,
      reader,
      tableName,
      (records: DynamoDBRecord[]) => {
        tracker.track(streamChanges({ Records: records }));
      },
      config.AWS_REGION,
    );
  }

  const functions = new Map<string, LocalFunction>([
    [
      TASK_FUNCTIONS['get-affected-bookings'].functionName,
      createGetAffectedBookings({ flights, batchSize: options.batchSize ?? BOOKING_BATCH_SIZE }),
    ],
    [TASK_FUNCTIONS['get-passenger-details'].functionName, createGetPassengerDetails({ bookings })],
    [
      TASK_FUNCTIONS['generate-messages'].functionName,
      createGenerateMessages({
        messenger,
        metrics,
        log,
        cacheSegments: !options.perPassengerMessages,
      }),
    ],
    [
      TASK_FUNCTIONS['send-notifications'].functionName,
      createSendNotifications({ publisher: bus, clock, metrics }),
    ],
    [
      TASK_FUNCTIONS['mark-bookings-for-rebooking'].functionName,
      createMarkBookingsForRebooking({ bookings, clock }),
    ],
  ]);
  const executor = new LocalExecutor(
    loadWorkflows(STEP_FUNCTIONS_DIR, localSubstitutions(tableName, config.EVENT_BUS_NAME)),
    {
      functions,
      dynamodb: client,
      bus,
      sendMessage: async (queueUrl, body) => {
        workflowDeadLetters.push(body);
        await logSink.write('/flightpulse/workflow-dead-letters', { queueUrl, body });
      },
    },
    clock,
    {
      onChange: (record) => {
        // The first change of a run is its start.
        if (record.status === 'RUNNING') executions.push(record);
        reportWorkflow(hub, record, clock.now());
        listener.onExecution?.(record);
        const detail = (record.input as BusEvent).detail as {
          flight_id?: string;
          event_id?: string;
        };
        if (detail.flight_id && detail.event_id) {
          const { input: _input, output: _output, ...summary } = record;
          tracker.track(
            executionLog.record({
              ...summary,
              flight_id: detail.flight_id,
              event_id: detail.event_id,
            }),
          );
        }
      },
      onStep: (record) => reportWorkflow(hub, record, clock.now()),
    },
  );

  const ingestHandler = createIngestHandler({
    flights,
    events,
    publisher: bus,
    clock,
    metrics,
    log,
  });
  const ingest: typeof ingestHandler = async (event) => {
    const result = await ingestHandler(event);
    for (const outcome of result.outcomes) reportOutcome(hub, outcome, clock.now());
    return result;
  };
  const brokers = config.KAFKA_BROKERS?.split(',');
  // With KAFKA_BROKERS the feed is real Kafka: a consumer group in, the producer behind the endpoint.
  const kafka = brokers
    ? {
        consumer: new KafkaFeedConsumer({
          brokers,
          groupId: config.KAFKA_GROUP_ID,
          topic: config.KAFKA_TOPIC,
          deadLetterTopic: `${config.KAFKA_TOPIC}.dlq`,
          ingest,
          log,
          maxBatchSize: config.KAFKA_MAX_BATCH,
        }),
        producer: new KafkaFeedProducer(brokers, config.KAFKA_TOPIC, FEED_PARTITIONS),
      }
    : undefined;
  if (brokers && kafka) {
    await ensureTopics(brokers, [config.KAFKA_TOPIC, `${config.KAFKA_TOPIC}.dlq`], FEED_PARTITIONS);
    await kafka.consumer.start();
  }
  let produced = 0;
  const kafkaFeed: FeedProducer | undefined = kafka && {
    async produce(records) {
      const offsets = await kafka.producer.produce(records);
      produced += records.length;
      return offsets;
    },
  };
  const feed: FeedProducer =
    kafkaFeed ??
    new EmbeddedFeed({
      topic: FLIGHT_OPERATIONS_TOPIC,
      partitions: FEED_PARTITIONS,
      doc,
      tableName,
      ingest,
      tracker,
      log,
      onBatchFailed: async (records, error) => {
        for (const record of records) {
          await events.recordOutcome({
            outcome: 'REJECTED',
            reason: `ingest failed after retries: ${String(error)}`,
            received_at: clock.now(),
            kafka: { topic: record.topic, partition: record.partition, offset: record.offset },
          });
        }
      },
    });

  const app = createApiApp({
    flights,
    bookings,
    events,
    notifications,
    executions: executionLog,
    clock,
    log,
    feed,
  });
  const weather = weatherWatch(config, { flights, bus, clock, log, feed });
  app.route('/', weatherRoutes(weather.routes));
  app.route(
    '/',
    consoleRoutes({ hub, feed, flights, metrics: () => dashboardMetrics(metrics, executions) }),
  );

  return {
    app,
    storeOperations,
    doc,
    tableName,
    hub,
    messenger,
    endpoint,
    feed,
    metrics,
    executions,
    busEvents,
    workflowDeadLetters,
    seed: () => seedItems(doc, tableName, sampleDataItems()),
    watchWeather: weather.routes.watch,
    async idle() {
      const failures: unknown[] = [];
      const signature = () =>
        `${busEvents.length}|${executions.length}|${kafka?.consumer.handled ?? 0}`;
      // Settled when two rounds in a row change nothing: Kafka caught up, the stream read, the bus quiet.
      for (let quiet = 0; quiet < 2; ) {
        const before = signature();
        failures.push(...(await tracker.idle()));
        while (kafka && kafka.consumer.handled < produced)
          await new Promise((r) => setTimeout(r, 50));
        await streamReader?.caughtUp();
        failures.push(...(await tracker.idle()));
        quiet = signature() === before ? quiet + 1 : 0;
      }
      return failures;
    },
    kafkaConsumer: kafka?.consumer,
    async close() {
      await kafka?.consumer.stop();
      await kafka?.producer.close();
      await streamReader?.stop();
      await tracker.idle();
      client.destroy();
      reader.destroy();
      await embedded?.close();
    },
  };
}

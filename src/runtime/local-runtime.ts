import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Hono } from 'hono';
import { seedItems } from '../adapters/dynamodb/seed-items.ts';
import { type LocalIdentity, openLocalIdentity } from '../adapters/identity/local-identity.ts';
import type { KafkaFeedConsumer } from '../adapters/kafka/kafka-feed-consumer.ts';
import { createMessenger } from '../adapters/llm/create-messenger.ts';
import { InMemoryMetrics } from '../adapters/local/cloudwatch/in-memory-metrics.ts';
import { LogGroupSink } from '../adapters/local/cloudwatch/log-group-sink.ts';
import { TtlSweeper } from '../adapters/local/dynamodb/ttl-sweeper.ts';
import type { BusEvent } from '../adapters/local/eventbridge/local-bus.ts';
import { DirectoryObjectStore } from '../adapters/local/s3/directory-object-store.ts';
import { startObjectExpiry } from '../adapters/local/s3/object-expiry.ts';
import type { ExecutionRecord } from '../adapters/local/step-functions/local-executor.ts';
import { WorkTracker } from '../adapters/local/work-tracker.ts';
import type { RightsSettings } from '../domain/rights/rights-settings.ts';
import { MANIFEST_EXPIRY_DAYS, MANIFEST_PREFIX } from '../domain/workflows/manifests.ts';
import type { RedriveResult } from '../handlers/redrive-runs.ts';
import type { ClaimNoticeRun } from '../handlers/send-claim-notices.ts';
import { createStreamChangesHandler } from '../handlers/stream-changes.ts';
import type { WatchResult } from '../handlers/watch-weather.ts';
import type { PassengerInboxes } from '../ports/passenger-inboxes.ts';
import type { Clock, EntitlementStore, FeedProducer, Log, Messenger } from '../ports.ts';
import { ActivityHub } from './activity-hub.ts';
import { startApiThread } from './api-thread.ts';
import { claimNoticeJob } from './claim-notice-job.ts';
import { type Config, logsDirOf, publicUrlOf, retentionOf, ruleEffectiveDates } from './config.ts';
import type { CapacityCount } from './count-operations.ts';
import { eachInTurn } from './each-in-turn.ts';
import { FairScheduler } from './fair-scheduler.ts';
import type { LocalChannels } from './local-channels.ts';
import { RunTurns } from './run-turns.ts';
import { apiApp, mountLocalRoutes, type RuntimeParts } from './runtime-api.ts';
import { startChangeFeed } from './runtime-change-feed.ts';
import { localDelivery } from './runtime-delivery.ts';
import { eventBackbone, runtimeExecutor } from './runtime-events.ts';
import { startIntake } from './runtime-intake.ts';
import { type RuntimeRebooking, runtimeRebooking } from './runtime-rebooking.ts';
import { openRuntimeStore, type RuntimeStore } from './runtime-store.ts';
import { sampleDataItems } from './sample-data.ts';
import { settle } from './settling.ts';
import { StageTimings } from './stage-timings.ts';
import { StoreLanes } from './store-lanes.ts';
import { LOCAL_MANIFEST_BUCKET, taskRegistry } from './task-registry.ts';
import { weatherWatch } from './weather-watch.ts';
import { WorkflowTally } from './workflow-tally.ts';

export interface ActivityListener {
  onBusEvent?(event: BusEvent, matchedRules: string[]): void;
  onExecution?(execution: ExecutionRecord): void;
}

export interface LocalRuntime {
  app: Hono;
  /** DynamoDB API calls made so far, by operation. */
  storeOperations: Map<string, number>;
  /** Capacity units the store reported consumed so far (what DynamoDB would bill), with `countStoreCapacity`. */
  storeCapacity: CapacityCount | undefined;
  /** Time spent so far per stage (ingest, compose, record, send, change feed, …). */
  stages: StageTimings;
  /** The local token issuer, its verifier and the passenger-link signer. */
  identity: LocalIdentity;
  /** The document client on the runtime's table (bulk loads). */
  doc: DynamoDBDocumentClient;
  tableName: string;
  /** What happens, live: the console's feed. */
  hub: ActivityHub;
  /** The message composer the configuration chose (templates or a model). */
  messenger: Messenger;
  /** The DynamoDB endpoint in use (embedded dynalite or DYNAMODB_ENDPOINT). */
  endpoint: string;
  /** The embedded store's own process (`storeInOwnProcess`). */
  storePid: number | undefined;
  /** The API's own thread, listening on loopback (`apiInOwnThread`). */
  apiUrl: string | undefined;
  /** The embedded mailbox and loopback carrier's own process (`channelsInOwnProcess`). */
  channelsPid: number | undefined;
  feed: FeedProducer;
  /** The Kafka consumer, when KAFKA_BROKERS is set. */
  kafkaConsumer: KafkaFeedConsumer | undefined;
  metrics: InMemoryMetrics;
  /** Workflow runs in start order (none held with `keepExecutions` false). */
  executions: ExecutionRecord[];
  busEvents: BusEvent[];
  /** Events put on the bus so far (held in `busEvents` unless `keepBusEvents` is false). */
  busEventCount(): number;
  /** Messages the workflows sent to their dead-letter queue. */
  workflowDeadLetters: unknown[];
  /** Loads the sample data where it is missing. */
  seed(): Promise<{ written: number; existing: number }>;
  /** Waits until every event, workflow and notification in flight has settled; returns failures. */
  idle(): Promise<unknown[]>;
  close(): Promise<void>;
  /** Rebooking's local parts: tests fire due expiries with `rebooking.scheduler.fireDue()`. */
  rebooking: RuntimeRebooking;
  /** Runs the weather watch once, as of `at` (default: now). */
  watchWeather(at?: string): Promise<WatchResult>;
  entitlements: EntitlementStore;
  /** Deletes expired items now, as DynamoDB TTL would (its timer runs every TTL_SWEEP_SECONDS). */
  sweepExpired(): Promise<number>;
  /** Runs the claim-notice job now (its timer runs it every CLAIM_NOTICE_INTERVAL_MS). */
  sendClaimNotices(): Promise<ClaimNoticeRun>;
  /** What passengers received: the embedded mailbox and the loopback carrier's handsets. */
  inboxes: PassengerInboxes;
  /** The embedded SMTP server's port (undefined when SMTP_HOST sends elsewhere). */
  smtpPort: number | undefined;
  /** Re-drives the pending runs now (its timer does it every REDRIVE_INTERVAL_SECONDS). */
  redrivePendingRuns(): Promise<RedriveResult>;
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
  /** With `inMemoryStore`, still keep the table itself on disk (a wave's items outgrow memory). */
  tableOnDisk?: boolean;
  /** How often the claim-notice job runs. */
  claimNoticeIntervalMs?: number;
  /** false keeps bus events counted but not held (a wave of 80,000 notifications). */
  keepBusEvents?: boolean;
  /** false keeps workflow runs counted (the dashboard) but not held in `executions`. */
  keepExecutions?: boolean;
  /** Sees each message a passenger's mailbox or handset received. */
  onPassengerMessage?: (channel: string, notificationId: string | undefined) => void;
  /** Workflow runs at once; more wait their turn, urgent ones first (default 12). */
  workflowSlots?: number;
  /**
   * Workflow task invocations at once, handed out fairly across runs (default 4: a wave keeps
   * the one event loop busy anyway; more at once only lengthens each turn of the loop).
   */
  taskSlots?: number;
  /**
   * Store requests of workflows and deliveries in flight at once; ingest and the API skip the
   * queue, and while they are under way the workflows' share shrinks to one (default 6).
   */
  bulkStoreSlots?: number;
  /** Run the embedded store in a process of its own: its work and memory off the runtime's. */
  storeInOwnProcess?: boolean;
  /** Count the capacity units the store reports for every call (the bench's cost model). */
  countStoreCapacity?: boolean;
  /**
   * Run the embedded mailbox and loopback carrier in a process of their own: the passengers' mail
   * server and phone network parse and answer beside the runtime's event loop, not on it.
   */
  channelsInOwnProcess?: boolean;
  /**
   * Serve the API from a thread of its own as well (`apiUrl`), as API Gateway and Lambda serve it
   * beside the workflows in AWS: its requests wait for none of the wave's event-loop turns.
   * Needs the system clock (the thread keeps its own).
   */
  apiInOwnThread?: boolean | { port: number };
}

export async function startLocalRuntime(
  config: Config,
  listener: ActivityListener = {},
  clock: Clock = systemClock,
  options: RuntimeOptions = {},
): Promise<LocalRuntime> {
  const { apiInOwnThread } = options;
  if (!apiInOwnThread) return (await startRuntime(config, listener, clock, options)).runtime;
  if (clock !== systemClock)
    throw new Error('apiInOwnThread needs the system clock: the API thread keeps its own');
  const { runtime, lanes } = await startRuntime(config, listener, clock, options);
  const thread = await startApiThread(
    {
      config,
      endpoint: runtime.endpoint,
      hostname: '127.0.0.1',
      port: apiInOwnThread === true ? 0 : apiInOwnThread.port,
    },
    {
      ...{ app: runtime.app, doc: runtime.doc, feed: runtime.feed },
      onErased: (passengerId) => runtime.hub.forget(passengerId),
      priority: (work) => lanes.priority(work),
      log: new Logger({ serviceName: 'flightpulse', logLevel: config.LOG_LEVEL }),
    },
  ).catch(async (error: unknown) => {
    // The thread's error is the one to report, whatever closing the rest says.
    await runtime.close().catch(() => undefined);
    throw error;
  });
  return {
    ...runtime,
    apiUrl: thread.url,
    async close() {
      await thread.close();
      await runtime.close();
    },
  };
}

async function startRuntime(
  config: Config,
  listener: ActivityListener,
  clock: Clock,
  options: RuntimeOptions,
): Promise<{ runtime: LocalRuntime; lanes: StoreLanes }> {
  const log = new Logger({ serviceName: 'flightpulse', logLevel: config.LOG_LEVEL });
  const { store, lanes, turns } = await openStoreInLanes(config, options);
  const tracker = new WorkTracker();
  const hub = new ActivityHub();
  const metrics = new InMemoryMetrics(clock);
  const executions: ExecutionRecord[] = [];
  const runs = new WorkflowTally();
  const busEvents: BusEvent[] = [];
  const workflowDeadLetters: unknown[] = [];
  const logsDir = logsDirOf(config);
  const logSink = new LogGroupSink(logsDir);
  const stages = new StageTimings();
  // `executor` is built below (it needs the bus); deliveries only start once everything is wired.
  const { bus, seen, underWay } = eventBackbone(config, options, listener, () => executor, {
    ...{ store, stages, clock, metrics, log, logSink, tracker, busEvents, hub, lanes, turns },
  });
  const streamChanges = createStreamChangesHandler({ publisher: bus, log });
  const handleChanges = (records: DynamoDBRecord[]) =>
    stages.time('change_feed', () => streamChanges({ Records: records }));
  const streamReader = await startChangeFeed(config, store, handleChanges, {
    tracker,
    log,
    stages,
  });
  const messenger = options.messenger ?? (await createMessenger(config.llm, config.AWS_REGION));
  const { channels, sender, tell } = await localDelivery(config, options, {
    ...{ store, bus, clock, metrics, log, tracker },
  });
  const rights = rightsSettings(config);
  const identity = await openLocalIdentity(config.FLIGHTPULSE_DATA_DIR, clock, publicUrlOf(config));
  const rebooking = runtimeRebooking(config, {
    ...{ store, bus, clock, log, metrics, links: identity.links },
  });
  // The local S3: each run's booking manifest, read back by the workflows' Distributed Maps.
  const objects = new DirectoryObjectStore(join(config.FLIGHTPULSE_DATA_DIR, 'objects'));
  const functions = taskRegistry({
    ...{ rebooking, store, bus, messenger, sender, tell, clock, metrics, log, rights, stages },
    objects,
    ...options,
  });
  const executor = runtimeExecutor(config, store, functions, bus, {
    ...{ logSink, workflowDeadLetters, hub, tracker, clock, stages, objects, tally: runs },
    executions: options.keepExecutions === false ? undefined : executions,
    onExecution: listener.onExecution?.bind(listener),
    lambdaSlots: runSlots(turns, options.taskSlots ?? 4),
  });
  const { feed, redrive } = await startIntake(config, options, {
    ...{ store, bus, hub, clock, metrics, log, stages, tracker, lanes, underWay },
  });
  const parts: RuntimeParts = { store, hub, metrics, runs, messenger, stages };
  const weather = weatherWatch(config, {
    ...{ flights: store.flights, bookings: store.bookings, bus, clock, log, feed: feed.feed, tell },
  });
  const app = apiApp(parts, feed.feed, identity, {
    ...{ clock, log, watchWeather: weather.routes.watch, lanes, logsDir },
  });
  mountLocalRoutes(app, { config, identity, store, rebooking, weather, channels, clock });
  rebooking.scheduler.start(config.OFFER_EXPIRY_POLL_SECONDS * 1000);
  const claimNotices = claimNoticeJob({
    ...{ store, tell, clock, rights, log, tracker },
    ...(options.claimNoticeIntervalMs ? { intervalMs: options.claimNoticeIntervalMs } : {}),
  });
  const expiry = startLocalExpiry(config, { store, objects, clock, log });
  const runtime = assembleRuntime(parts, config, {
    sweepExpired: expiry.sweepItems,
    ...{
      ...parts,
      workflowDeadLetters,
      executions,
      busEvents,
      app,
      identity,
      rebooking,
      entitlements: store.entitlements,
    },
    ...{ watchWeather: weather.routes.watch, sendClaimNotices: claimNotices.run },
    ...{ redrivePendingRuns: redrive.now, busEventCount: () => seen.bus },
    ...{ feed: feed.feed, kafkaConsumer: feed.kafkaConsumer },
    ...{ inboxes: channels.inboxes, smtpPort: channels.smtpPort, channelsPid: channels.pid },
    apiUrl: undefined,
    idle: () =>
      settle({
        tracker,
        signature: () => `${seen.bus}|${runs.started}|${feed.kafkaConsumer?.handled}`,
        feedCaughtUp: feed.caughtUp,
        streamCaughtUp: async () => streamReader?.caughtUp(),
      }),
    close: () =>
      eachInTurn([
        ...[redrive, claimNotices, rebooking.scheduler].map((timer) => () => timer.stop()),
        ...closeInOrder({ expiry, feed, streamReader, tracker, store, channels, logSink }),
      ]),
  });
  return { runtime, lanes };
}

/**
 * What AWS expires by itself, expired locally every TTL_SWEEP_SECONDS: the table's items past
 * their TTL (DynamoDB's TTL) and the runs' booking manifests (the manifest bucket's lifecycle rule).
 */
function startLocalExpiry(
  config: Config,
  deps: { store: RuntimeStore; objects: DirectoryObjectStore; clock: Clock; log: Log },
) {
  const { store, objects, clock, log } = deps;
  const intervalMs = config.TTL_SWEEP_SECONDS * 1000;
  const sweeper = new TtlSweeper({ doc: store.doc, tableName: store.tableName, clock, log });
  sweeper.start(intervalMs);
  const manifests = startObjectExpiry(
    objects,
    { bucket: LOCAL_MANIFEST_BUCKET, prefix: MANIFEST_PREFIX, days: MANIFEST_EXPIRY_DAYS },
    { log, intervalMs },
  );
  return {
    sweepItems: () => sweeper.sweep(),
    stop: async () => {
      await sweeper.stop();
      await manifests.stop();
    },
  };
}

/**
 * Stops taking work, lets what is in flight finish, then closes the store. The channels close
 * before the store: a carrier receipt arriving late must not reach a closed store.
 */
function closeInOrder({
  expiry,
  feed,
  streamReader,
  tracker,
  store,
  channels,
  logSink,
}: {
  expiry: { stop(): Promise<void> };
  feed: { close(): Promise<void> };
  streamReader: { stop(): Promise<void> } | undefined;
  tracker: WorkTracker;
  store: RuntimeStore;
  channels: LocalChannels;
  logSink: LogGroupSink;
}): Array<() => Promise<unknown>> {
  return [
    () => expiry.stop(),
    () => feed.close(),
    async () => streamReader?.stop(),
    () => tracker.idle(),
    () => channels.close(),
    () => tracker.idle(),
    () => store.close(),
    () => logSink.close(),
  ];
}

function assembleRuntime(
  parts: RuntimeParts,
  config: Config,
  rest: Omit<
    LocalRuntime,
    'storeOperations' | 'storeCapacity' | 'doc' | 'tableName' | 'endpoint' | 'storePid' | 'seed'
  >,
): LocalRuntime {
  const { store } = parts;
  return {
    ...rest,
    storeOperations: store.storeOperations,
    storeCapacity: store.storeCapacity,
    doc: store.doc,
    tableName: store.tableName,
    endpoint: store.endpoint,
    storePid: store.storePid,
    seed: () => seedItems(store.doc, store.tableName, sampleDataItems(retentionOf(config))),
  };
}

/**
 * The store, with its bulk work (workflows, deliveries) on bounded slots; ingest and the API go
 * straight through.
 */
async function openStoreInLanes(config: Config, options: RuntimeOptions) {
  const store = await openRuntimeStore(
    config,
    (options.inMemoryStore ?? false) && !options.tableOnDisk,
    options.storeInOwnProcess,
    options.countStoreCapacity,
  );
  const turns = new RunTurns();
  const lanes = new StoreLanes(options.bulkStoreSlots ?? 6, () => turns.current());
  turns.serving(lanes.bulk);
  lanes.gate(store.client);
  return { store, lanes, turns };
}

/**
 * Like a function's reserved concurrency: a wave's Lambda invocations wait here (before their
 * timeout starts), handed out by their run's turn, not on the store.
 */
function runSlots(turns: RunTurns, slots: number) {
  const tasks = turns.serving(new FairScheduler(slots));
  return (work: () => Promise<unknown>) => tasks.run(work, turns.current());
}

function rightsSettings(config: Config): RightsSettings {
  return { effectiveDates: ruleEffectiveDates(config), claimFormUrl: config.CLAIM_FORM_URL };
}

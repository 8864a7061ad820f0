import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Hono } from 'hono';
import { JournalSender } from '../adapters/delivery/journal-sender.ts';
import { providerDispatch } from '../adapters/delivery/provider-dispatch.ts';
import { seedItems } from '../adapters/dynamodb/seed-items.ts';
import { type LocalIdentity, openLocalIdentity } from '../adapters/identity/local-identity.ts';
import type { KafkaFeedConsumer } from '../adapters/kafka/kafka-feed-consumer.ts';
import { createMessenger } from '../adapters/llm/create-messenger.ts';
import { InMemoryMetrics } from '../adapters/local/cloudwatch/in-memory-metrics.ts';
import { LogFileScrubber } from '../adapters/local/cloudwatch/log-file-scrubber.ts';
import { LogGroupSink } from '../adapters/local/cloudwatch/log-group-sink.ts';
import { TtlSweeper } from '../adapters/local/dynamodb/ttl-sweeper.ts';
import { type BusEvent, LocalBus } from '../adapters/local/eventbridge/local-bus.ts';
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
import { consoleViewRoutes } from '../api/console-view-routes.ts';
import { deviceRoutes } from '../api/device-routes.ts';
import { inboxRoutes } from '../api/inbox-routes.ts';
import { offerRoutes } from '../api/offer-routes.ts';
import { signInRoutes } from '../api/sign-in-routes.ts';
import { type WeatherRouteDeps, weatherRoutes } from '../api/weather-routes.ts';
import { airports } from '../domain/airports/airport-reference.ts';
import type { RuleTarget, StateMachineId } from '../domain/event-routing/routing-rules.ts';
import { ROUTING_RULES } from '../domain/event-routing/routing-rules.ts';
import type { RightsSettings } from '../domain/rights/rights-settings.ts';
import { createDeliveryStatus } from '../handlers/delivery-status.ts';
import { createIngestHandler } from '../handlers/ingest-flight-events.ts';
import { PASSENGER_LINK_USER } from '../handlers/passenger-sign-in.ts';
import { createRecordNotification } from '../handlers/record-notification.ts';
import type { RedriveResult } from '../handlers/redrive-runs.ts';
import type { ClaimNoticeRun } from '../handlers/send-claim-notices.ts';
import { createStreamChangesHandler } from '../handlers/stream-changes.ts';
import { createTellPassengers } from '../handlers/tell-passengers.ts';
import type { WatchResult } from '../handlers/watch-weather.ts';
import type { PassengerInboxes } from '../ports/passenger-inboxes.ts';
import type { Clock, EntitlementStore, FeedProducer, Messenger, RunLedger } from '../ports.ts';
import { ActivityHub } from './activity-hub.ts';
import { reportBusEvent, reportOutcome } from './activity-reports.ts';
import { claimNoticeJob } from './claim-notice-job.ts';
import { type Config, retentionOf, ruleEffectiveDates } from './config.ts';
import { dashboardMetrics } from './dashboard-metrics.ts';
import { executionRecording } from './execution-recording.ts';
import { FairScheduler } from './fair-scheduler.ts';
import { type LocalChannels, startLocalChannels } from './local-channels.ts';
import { pendingRunRedrive } from './pending-run-redrive.ts';
import { withReportRetries } from './report-retries.ts';
import { startChangeFeed } from './runtime-change-feed.ts';
import { startRuntimeFeed } from './runtime-feed.ts';
import { type RuntimeRebooking, runtimeRebooking } from './runtime-rebooking.ts';
import { openRuntimeStore, type RuntimeStore } from './runtime-store.ts';
import { sampleDataItems } from './sample-data.ts';
import { settle } from './settling.ts';
import { StageTimings } from './stage-timings.ts';
import { StoreLanes } from './store-lanes.ts';
import { taskRegistry } from './task-registry.ts';
import { weatherWatch } from './weather-watch.ts';

const STEP_FUNCTIONS_DIR = fileURLToPath(new URL('../../step-functions/', import.meta.url));

export interface ActivityListener {
  onBusEvent?(event: BusEvent, matchedRules: string[]): void;
  onExecution?(execution: ExecutionRecord): void;
}

export interface LocalRuntime {
  app: Hono;
  /** DynamoDB API calls made so far, by operation. */
  storeOperations: Map<string, number>;
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
  feed: FeedProducer;
  /** The Kafka consumer, when KAFKA_BROKERS is set. */
  kafkaConsumer: KafkaFeedConsumer | undefined;
  metrics: InMemoryMetrics;
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
  /** Sees each message a passenger's mailbox or handset received. */
  onPassengerMessage?: (channel: string, notificationId: string | undefined) => void;
  /** Workflow runs at once; more wait their turn, urgent ones first (default 12). */
  workflowSlots?: number;
  /** Workflow task invocations at once, handed out fairly across runs (default 8). */
  taskSlots?: number;
  /** Store requests of workflows and deliveries in flight at once; ingest and the API skip the queue (default 16). */
  bulkStoreSlots?: number;
  /** Run the embedded store in a process of its own: its work and memory off the runtime's. */
  storeInOwnProcess?: boolean;
}

export async function startLocalRuntime(
  config: Config,
  listener: ActivityListener = {},
  clock: Clock = systemClock,
  options: RuntimeOptions = {},
): Promise<LocalRuntime> {
  const log = new Logger({ serviceName: 'flightpulse', logLevel: config.LOG_LEVEL });
  const { store, lanes } = await openStoreInLanes(config, options);
  const tracker = new WorkTracker();
  const hub = new ActivityHub();
  const metrics = new InMemoryMetrics(clock);
  const executions: ExecutionRecord[] = [];
  const busEvents: BusEvent[] = [];
  const workflowDeadLetters: unknown[] = [];
  const logSink = new LogGroupSink(join(config.FLIGHTPULSE_DATA_DIR, 'logs'));
  const stages = new StageTimings();
  // `executor` is built below (it needs the bus); deliveries only start once everything is wired.
  const { bus, seen } = eventBackbone(config, options, listener, () => executor, {
    ...{ store, stages, clock, metrics, log, logSink, tracker, busEvents, hub, lanes },
  });
  const streamChanges = createStreamChangesHandler({ publisher: bus, log });
  const handleChanges = (records: DynamoDBRecord[]) =>
    stages.time('change_feed', () => streamChanges({ Records: records }));
  const streamReader = await startChangeFeed(config, store, handleChanges, {
    tracker,
    log,
    stages,
  });
  const messenger = options.messenger ?? createMessenger(config.llm, config.AWS_REGION);
  const { channels, sender, tell } = await localDelivery(config, options, {
    ...{ store, bus, clock, metrics, log, tracker },
  });
  const rights = rightsSettings(config);
  const identity = await openLocalIdentity(
    config.FLIGHTPULSE_DATA_DIR,
    clock,
    config.PUBLIC_URL ?? `http://127.0.0.1:${config.PORT}`,
  );
  const rebooking = runtimeRebooking(config, {
    ...{ store, bus, clock, log, metrics, links: identity.links },
  });
  const functions = taskRegistry({
    ...{ rebooking, store, bus, messenger, sender, tell, clock, metrics, log, rights, stages },
    ...options,
  });
  const executor = runtimeExecutor(config, store, functions, bus, {
    ...{ logSink, workflowDeadLetters, hub, tracker, clock, executions, stages },
    onExecution: listener.onExecution?.bind(listener),
  });
  const { feed, redrive } = await startIntake(config, options, {
    ...{ store, bus, hub, clock, metrics, log, stages, tracker, lanes },
  });
  const parts: RuntimeParts = { store, hub, metrics, executions, busEvents, messenger, stages };
  const weather = weatherWatch(config, {
    ...{ flights: store.flights, bookings: store.bookings, bus, clock, log, feed: feed.feed, tell },
  });
  const app = apiApp(parts, feed.feed, identity, {
    ...{ clock, log, watchWeather: weather.routes.watch, lanes },
    logsDir: join(config.FLIGHTPULSE_DATA_DIR, 'logs'),
  });
  mountLocalRoutes(app, { config, identity, store, rebooking, weather, channels, clock });
  rebooking.scheduler.start(config.OFFER_EXPIRY_POLL_SECONDS * 1000);
  const claimNotices = claimNoticeJob({
    ...{ store, tell, clock, rights, log, tracker },
    ...(options.claimNoticeIntervalMs ? { intervalMs: options.claimNoticeIntervalMs } : {}),
  });
  const sweeper = new TtlSweeper({ doc: store.doc, tableName: store.tableName, clock, log });
  sweeper.start(config.TTL_SWEEP_SECONDS * 1000);
  return assembleRuntime(parts, config, {
    sweepExpired: () => sweeper.sweep(),
    ...{
      ...parts,
      workflowDeadLetters,
      app,
      identity,
      rebooking,
      entitlements: store.entitlements,
    },
    ...{ watchWeather: weather.routes.watch, sendClaimNotices: claimNotices.run },
    ...{ redrivePendingRuns: redrive.now, busEventCount: () => seen.bus },
    ...{ feed: feed.feed, kafkaConsumer: feed.kafkaConsumer },
    ...{ inboxes: channels.inboxes, smtpPort: channels.smtpPort },
    idle: () =>
      settle({
        tracker,
        signature: () => `${seen.bus}|${executions.length}|${feed.kafkaConsumer?.handled}`,
        feedCaughtUp: feed.caughtUp,
        streamCaughtUp: async () => streamReader?.caughtUp(),
      }),
    close: async () => {
      redrive.stop();
      claimNotices.stop();
      rebooking.scheduler.stop();
      await sweeper.stop();
      await closeAll(feed, streamReader, tracker, store, channels);
    },
  });
}

/**
 * The in-process bus: rule targets (workflow runs on fair bounded slots, the recording function,
 * log groups), counting every event and keeping them when asked.
 */
function eventBackbone(
  config: Config,
  options: RuntimeOptions,
  listener: ActivityListener,
  executor: () => LocalExecutor,
  deps: {
    store: RuntimeStore;
    stages: StageTimings;
    clock: Clock;
    metrics: InMemoryMetrics;
    log: Logger;
    logSink: LogGroupSink;
    tracker: WorkTracker;
    busEvents: BusEvent[];
    hub: ActivityHub;
    lanes: StoreLanes;
  },
) {
  const { store, stages, clock, metrics, log, logSink, tracker, busEvents, hub, lanes } = deps;
  const recordNotification = stages.wrap(
    'record',
    createRecordNotification({ notifications: store.notifications, clock, metrics, log }),
  );
  const admission = new FairScheduler(options.workflowSlots ?? 12);
  const deliver = busDelivery(executor, {
    ...{ metrics, recordNotification, logSink, runs: store.runs, admission, lanes },
  });
  const seen = { bus: 0 };
  const keepBusEvents = options.keepBusEvents ?? true;
  const bus = runtimeBus(config, deliver, {
    ...{ tracker, clock, busEvents, hub, listener },
    keep: (event) => {
      seen.bus++;
      if (keepBusEvents) busEvents.push(event);
    },
  });
  return { bus, seen };
}

/**
 * The way in: the ingest handler behind the feed (embedded or Kafka). Runs recorded before a
 * crash are driven again and stored records consumed again before new ones; and every
 * REDRIVE_INTERVAL_SECONDS a run that ended failed (a dead-lettered batch) is driven again.
 */
async function startIntake(
  config: Config,
  options: RuntimeOptions,
  deps: {
    store: RuntimeStore;
    bus: LocalBus;
    hub: ActivityHub;
    clock: Clock;
    metrics: InMemoryMetrics;
    log: Logger;
    stages: StageTimings;
    tracker: WorkTracker;
    lanes: StoreLanes;
  },
) {
  const { store, bus, hub, clock, metrics, log, stages, tracker, lanes } = deps;
  const ingest = runtimeIngest(config, store, { bus, hub, clock, metrics, log, stages, lanes });
  const feed = await startRuntimeFeed({
    ...{ config, ingest, ...store, tracker, clock, log },
    inMemory: options.inMemoryStore ?? false,
  });
  const redrive = pendingRunRedrive(
    { runs: store.runs, bus, tracker, clock, log, metrics },
    config,
  );
  await redrive.now();
  feed.resume();
  return { feed, redrive };
}

/**
 * The way out: the local channels (embedded SMTP server, loopback carrier), the journal sender
 * over them, their delivery reports moving statuses forward, and the plain "tell the passengers"
 * path for outcomes, heads-ups and claim notices.
 */
async function localDelivery(
  config: Config,
  options: RuntimeOptions,
  deps: {
    store: RuntimeStore;
    bus: LocalBus;
    clock: Clock;
    metrics: InMemoryMetrics;
    log: Logger;
    tracker: WorkTracker;
  },
) {
  const { store, bus, clock, metrics, log, tracker } = deps;
  const channels = await startLocalChannels(config, {
    metrics,
    persist: !options.inMemoryStore,
    onReceipt: (record) =>
      tracker.track(withReportRetries(() => deliveryStatus({ source: 'sms', record }))),
    ...(options.onPassengerMessage ? { onReceived: options.onPassengerMessage } : {}),
  });
  const sender = journalSender(config, options, clock, channels);
  const deliveryStatus = createDeliveryStatus({
    ...{ claims: store.notifications, sender, bookings: store.bookings },
    ...{ publisher: bus, clock, metrics, log },
  });
  const tell = createTellPassengers({
    ...{ claims: store.notifications, sender, bookings: store.bookings },
    ...{ publisher: bus, clock, metrics },
  });
  return { channels, sender, tell };
}

/** The routes only `flightpulse start` has: sign-in, offers, weather decisions, the inboxes. */
function mountLocalRoutes(
  app: Hono,
  deps: {
    config: Config;
    identity: LocalIdentity;
    store: RuntimeStore;
    rebooking: RuntimeRebooking;
    weather: { routes: WeatherRouteDeps };
    channels: LocalChannels;
    clock: Clock;
  },
): void {
  const { config, identity, store } = deps;
  app.route(
    '/',
    signInRoutes({
      issuer: identity.issuer,
      bookings: store.bookings,
      hosted: hostedSignIn(config),
      passengerSignIn: config.COGNITO_PASSENGER_CLIENT_ID
        ? {
            region: config.AWS_REGION,
            clientId: config.COGNITO_PASSENGER_CLIENT_ID,
            username: PASSENGER_LINK_USER,
          }
        : undefined,
    }),
  );
  app.route('/', offerRoutes({ ...store, answers: deps.rebooking.answers }));
  app.route('/', weatherRoutes(deps.weather.routes));
  app.route('/', inboxRoutes(deps.channels.inboxes));
  app.route(
    '/',
    deviceRoutes({ ...store, endpoints: deps.channels.pushEndpoints, clock: deps.clock }),
  );
}

/**
 * Stops taking work, lets what is in flight finish, then closes the store. The channels close
 * before the store: a carrier receipt arriving late must not reach a closed store.
 */
async function closeAll(
  feed: { close(): Promise<void> },
  streamReader: { stop(): Promise<void> } | undefined,
  tracker: WorkTracker,
  store: RuntimeStore,
  channels: LocalChannels,
): Promise<void> {
  await feed.close();
  await streamReader?.stop();
  await tracker.idle();
  await channels.close();
  await tracker.idle();
  await store.close();
}

/** Cognito's hosted sign-in for the console, when the configuration names a user pool client. */
function hostedSignIn(config: Config) {
  const { COGNITO_DOMAIN: domain, COGNITO_CLIENT_ID: clientId } = config;
  if (!domain || !clientId) return undefined;
  return {
    domain,
    clientId,
    redirectUri: config.CONSOLE_REDIRECT_URI ?? `http://127.0.0.1:${config.PORT}/`,
  };
}

interface RuntimeParts {
  store: RuntimeStore;
  stages: StageTimings;
  hub: ActivityHub;
  metrics: InMemoryMetrics;
  executions: ExecutionRecord[];
  busEvents: BusEvent[];
  messenger: Messenger;
}

/** The REST API and the console; requests people wait on go before a wave's bulk writes. */
function apiApp(
  parts: RuntimeParts,
  feed: FeedProducer,
  identity: LocalIdentity,
  { lanes, ...deps }: ApiDeps & { lanes: StoreLanes },
): Hono {
  const app = apiRoutes(parts, feed, identity, deps);
  const fetch = app.fetch;
  app.fetch = (request, env, context) => lanes.priority(async () => fetch(request, env, context));
  return app;
}

interface ApiDeps {
  clock: Clock;
  log: Logger;
  watchWeather: (at?: string) => Promise<unknown>;
  logsDir: string;
}

/** The REST API and the console over the runtime's stores. */
function apiRoutes(
  parts: RuntimeParts,
  feed: FeedProducer,
  identity: LocalIdentity,
  { clock, log, watchWeather, logsDir }: ApiDeps,
): Hono {
  const { store, hub, metrics, executions } = parts;
  const app = createApiApp({
    verifier: identity.verifier,
    jwks: () => identity.issuer.jwks(),
    flights: store.flights,
    bookings: store.bookings,
    events: store.events,
    notifications: store.notifications,
    executions: store.executionLog,
    runs: store.runs,
    entitlements: store.entitlements,
    erasure: store.erasure,
    preferences: store.preferences,
    logScrubber: new LogFileScrubber(logsDir),
    onErased: (passengerId) => hub.forget(passengerId),
    clock,
    log,
    feed,
  });
  app.route(
    '/',
    consoleRoutes({
      hub,
      feed,
      flights: store.flights,
      metrics: () => dashboardMetrics(metrics, executions),
      actions: {
        request: async (path, init) => app.request(path, init),
        watchWeather,
      },
    }),
  );
  app.route(
    '/',
    consoleViewRoutes({
      flights: store.flights,
      bookings: store.bookings,
      notifications: store.notifications,
      airports,
      offers: store.offers,
    }),
  );
  return app;
}

function assembleRuntime(
  parts: RuntimeParts,
  config: Config,
  rest: Omit<
    LocalRuntime,
    'storeOperations' | 'doc' | 'tableName' | 'endpoint' | 'storePid' | 'seed'
  >,
): LocalRuntime {
  const { store } = parts;
  return {
    ...rest,
    storeOperations: store.storeOperations,
    doc: store.doc,
    tableName: store.tableName,
    endpoint: store.endpoint,
    storePid: store.storePid,
    seed: () => seedItems(store.doc, store.tableName, sampleDataItems(retentionOf(config))),
  };
}

/** Delivers a bus event to one rule target: a workflow run, the recording function or a log group. */
function busDelivery(
  executor: () => LocalExecutor,
  deps: {
    metrics: InMemoryMetrics;
    recordNotification: (event: BusEvent) => Promise<unknown>;
    logSink: LogGroupSink;
    runs: RunLedger;
    admission: FairScheduler;
    lanes: StoreLanes;
  },
) {
  // A name running or finished is not started again, as StartExecution with the same name in
  // AWS; a name whose run failed may start again (the re-drive), since every step is idempotent.
  const running = new Map<string, Promise<ExecutionRecord>>();
  const succeeded = new Set<string>();
  const start = async (stateMachine: StateMachineId, event: BusEvent) => {
    const eventId = (event.detail as { event_id?: unknown }).event_id;
    const name = `${stateMachine}-${typeof eventId === 'string' ? eventId : event.id}`;
    if (succeeded.has(name)) return;
    const inFlight = running.get(name);
    if (inFlight) return inFlight;
    deps.metrics.count('WorkflowExecutions');
    const urgent = (event.detail as { terminal_change?: unknown }).terminal_change === true;
    // A run is bulk work, even when ingest (priority) published the event that starts it.
    const run = deps.lanes.bulkWork(() =>
      deps.admission.run(() => executor().run(stateMachine, name, event), { urgent }),
    );
    running.set(name, run);
    try {
      const record = await run;
      // The workflow forgets its pending run itself on success; a failed run stays pending.
      if (record.status === 'SUCCEEDED') succeeded.add(name);
      if (record.status === 'SUCCEEDED' && typeof eventId === 'string')
        await deps.runs.finish(eventId);
      return record;
    } finally {
      running.delete(name);
    }
  };
  return async (target: RuleTarget, event: BusEvent): Promise<void> => {
    switch (target.kind) {
      case 'state-machine': {
        await start(target.stateMachine, event);
        return;
      }
      case 'function':
        await deps.recordNotification(event);
        return;
      case 'log-group':
        await deps.logSink.write(target.logGroup, event);
        return;
    }
  };
}

/** The in-process bus with the project's rules; every event is kept, reported and announced. */
function runtimeBus(
  config: Config,
  deliver: (target: RuleTarget, event: BusEvent) => Promise<void>,
  deps: {
    tracker: WorkTracker;
    clock: Clock;
    busEvents: BusEvent[];
    hub: ActivityHub;
    listener: ActivityListener;
    keep: (event: BusEvent) => void;
  },
): LocalBus {
  return new LocalBus({
    busName: config.EVENT_BUS_NAME,
    rules: ROUTING_RULES,
    deliver,
    tracker: deps.tracker,
    clock: deps.clock,
    region: config.AWS_REGION,
    onEvent: (event, matched) => {
      deps.keep(event);
      deps.listener.onBusEvent?.(event, matched);
      reportBusEvent(deps.hub, event);
    },
  });
}

/** The ingest function, reporting each record's outcome to the console. */
function runtimeIngest(
  config: Config,
  store: RuntimeStore,
  deps: {
    bus: LocalBus;
    hub: ActivityHub;
    clock: Clock;
    metrics: InMemoryMetrics;
    log: Logger;
    stages: StageTimings;
    lanes: StoreLanes;
  },
) {
  const { flights, stages } = { flights: store.flights, stages: deps.stages };
  const ingestHandler = createIngestHandler({
    ...store,
    // Reading the flight and counting its bookings is the enrich stage.
    flights: Object.assign(Object.create(flights) as typeof flights, {
      getFlight: stages.wrap('enrich', flights.getFlight.bind(flights)),
      countFlightBookings: stages.wrap('enrich', flights.countFlightBookings.bind(flights)),
    }),
    publisher: deps.bus,
    clock: deps.clock,
    metrics: deps.metrics,
    log: deps.log,
    maxEventAgeHours: config.FLIGHTPULSE_MAX_EVENT_AGE_HOURS,
  });
  const ingest: typeof ingestHandler = async (event) => {
    const result = await deps.lanes.priority(() =>
      stages.time('ingest', () => ingestHandler(event)),
    );
    for (const outcome of result.outcomes) reportOutcome(deps.hub, outcome, deps.clock.now());
    return result;
  };
  return ingest;
}

/**
 * The local way out: the channels' providers, with the send journal under the data directory
 * (in memory with an in-memory store) refusing a second send of one notification.
 */
function journalSender(
  config: Config,
  options: RuntimeOptions,
  clock: Clock,
  channels: LocalChannels,
): JournalSender {
  const file = options.inMemoryStore
    ? undefined
    : join(config.FLIGHTPULSE_DATA_DIR, 'deliveries.jsonl');
  return new JournalSender(file, () => clock.now(), providerDispatch(channels.providers));
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
  );
  const lanes = new StoreLanes(options.bulkStoreSlots ?? 16);
  lanes.gate(store.client);
  return { store, lanes };
}

function rightsSettings(config: Config): RightsSettings {
  return { effectiveDates: ruleEffectiveDates(config), claimFormUrl: config.CLAIM_FORM_URL };
}

/** The ASL executor over the task registry; failed runs go to the workflow dead-letter log. */
function runtimeExecutor(
  config: Config,
  store: RuntimeStore,
  functions: Map<string, LocalFunction>,
  bus: LocalBus,
  deps: {
    logSink: LogGroupSink;
    workflowDeadLetters: unknown[];
    hub: ActivityHub;
    tracker: WorkTracker;
    clock: Clock;
    executions: ExecutionRecord[];
    onExecution: ((execution: ExecutionRecord) => void) | undefined;
    stages: StageTimings;
  },
): LocalExecutor {
  // The workflows' own store tasks (the conditional flight update) count as flight_update.
  const dynamodb = Object.assign(Object.create(store.client) as typeof store.client, {
    send: (command: never) => deps.stages.time('flight_update', () => store.client.send(command)),
  });
  return new LocalExecutor(
    loadWorkflows(STEP_FUNCTIONS_DIR, localSubstitutions(store.tableName, config.EVENT_BUS_NAME)),
    {
      functions,
      dynamodb,
      bus,
      sendMessage: async (queueUrl, body) => {
        deps.workflowDeadLetters.push(body);
        await deps.logSink.write('/flightpulse/workflow-dead-letters', { queueUrl, body });
      },
    },
    deps.clock,
    executionRecording({
      executionLog: store.executionLog,
      events: store.events,
      flights: store.flights,
      hub: deps.hub,
      tracker: deps.tracker,
      clock: deps.clock,
      executions: deps.executions,
      ...(deps.onExecution ? { onExecution: deps.onExecution } : {}),
    }),
  );
}

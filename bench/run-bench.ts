/**
 * Scale benchmark: K hub disruptions at once, through the real ingest path, for FlightPulse's
 * batch-oriented workflows and for the per-passenger design of the original specification,
 * side by side in one run, with two floors: the store's raw write time for the same records, and
 * the channels alone carrying the same messages.
 *
 *   npm run bench -- --disruptions 10 --passengers-per-disruption 5000 [--json]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { batchWrite } from '../src/adapters/dynamodb/batch-write.ts';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../src/adapters/dynamodb/document-client.ts';
import { ensureTable } from '../src/adapters/dynamodb/ensure-table.ts';
import { airlineItems } from '../src/adapters/dynamodb/table/table-items.ts';
import { keys } from '../src/adapters/dynamodb/table/table-keys.ts';
import { startEmbeddedDynamoDb } from '../src/adapters/local/dynamodb/embedded-dynamodb.ts';
import type { BusEvent } from '../src/adapters/local/eventbridge/local-bus.ts';
import type { ExecutionRecord } from '../src/adapters/local/step-functions/local-executor.ts';
import { intFlag } from '../src/cli/flag-values.ts';
import { progress } from '../src/cli/progress.ts';
import { UsageError } from '../src/cli/usage-error.ts';
import { type DisruptionKind, disruptionFrom } from '../src/domain/disruptions/disruption.ts';
import { notificationFactKey } from '../src/domain/notifications/notification-fact.ts';
import { planDeliveries } from '../src/domain/notifications/plan-deliveries.ts';
import type { Flight } from '../src/domain/records/flight.ts';
import type { NotificationPreferences } from '../src/domain/records/passenger.ts';
import { loadConfig } from '../src/runtime/config.ts';
import type { CapacityCount } from '../src/runtime/count-operations.ts';
import { type LocalRuntime, startLocalRuntime } from '../src/runtime/local-runtime.ts';
import type { StageTimings } from '../src/runtime/stage-timings.ts';
import { buildEvent } from '../src/simulator/build-event.ts';
import {
  type AirlineDay,
  generateAirlineDay,
  seededRandom,
} from '../src/simulator/generate-airline-day.ts';
import { benchReport } from './bench-report.ts';
import { awsAtScale, costAndQuota, type MeasuredShape } from './cost-model.ts';
import { deliveryFloor } from './delivery-floor.ts';
import { healthProbe } from './health-probe.ts';
import { ownCpuMs, processCpuMs, residentBytes } from './process-usage.ts';
import { rebookingStage } from './rebooking-stage.ts';
import { SimulatedModel } from './simulated-model.ts';
import {
  ingestStream,
  type NotificationTap,
  percentile,
  quietFlights,
  singleEvents,
} from './wave-probes.ts';

const USAGE = `Usage: npm run bench -- [options]   (npm run -s bench -- … --json for JSON alone)
  --disruptions K                  hubs disrupted at once, 1–12 (default 10)
  --passengers-per-disruption P    passengers per hub, 10–1,000,000 (default 5000)
  --model-latency-ms MS            simulated model latency per call, 1–60,000 (default 800)
  --model-concurrency N            concurrent model calls (a provider quota), 1–1000 (default 10)
  --time-scale X                   sleep the model X times faster, 1–10,000 (default 100)
  --seed S                         airline day seed (default 42)
  --ingest-stream N                events ingested beside the wave, 0–9,000 (default 2000)
  --single-events N                events produced one at a time after the wave, 0–100 (default 30)
  --batch-only                     skip the per-passenger design and the rebooking stage (profiling)
  --json                           one JSON object on stdout, no progress`;

const OPTIONS = {
  disruptions: { type: 'string' },
  'passengers-per-disruption': { type: 'string' },
  'model-latency-ms': { type: 'string' },
  'model-concurrency': { type: 'string' },
  'time-scale': { type: 'string' },
  seed: { type: 'string' },
  'ingest-stream': { type: 'string' },
  'single-events': { type: 'string' },
  'batch-only': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The one CLI error style: one line naming the flag and what it accepts, exit code 2. */
function readArgs() {
  try {
    const { values } = parseArgs({ options: OPTIONS });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    return {
      values,
      K: intFlag('disruptions', values.disruptions, 10, 1, 12),
      P: intFlag(
        'passengers-per-disruption',
        values['passengers-per-disruption'],
        5000,
        10,
        1_000_000,
      ),
      LATENCY: intFlag('model-latency-ms', values['model-latency-ms'], 800, 1, 60_000),
      CONCURRENCY: intFlag('model-concurrency', values['model-concurrency'], 10, 1, 1000),
      SCALE: intFlag('time-scale', values['time-scale'], 100, 1, 10_000),
      SEED: intFlag('seed', values.seed, 42, -(2 ** 31), 2 ** 31 - 1),
      INGEST_STREAM: intFlag('ingest-stream', values['ingest-stream'], 2000, 0, 9000),
      SINGLE_EVENTS: intFlag('single-events', values['single-events'], 30, 0, 100),
    };
  } catch (error) {
    const flag = /'(-[^']*)'/.exec((error as Error).message)?.[1];
    const message =
      error instanceof UsageError
        ? error.message
        : `unknown or incomplete option ${flag ?? ''}; options: ${Object.keys(OPTIONS)
            .map((o) => `--${o}`)
            .join(', ')}`;
    console.error(`bench: ${message}`);
    process.exit(2);
  }
}
const { values, K, P, LATENCY, CONCURRENCY, SCALE, SEED, INGEST_STREAM, SINGLE_EVENTS } =
  readArgs();
const log = (line: string) => {
  if (!values.json) console.error(line);
};

/** Each hub's flights get one event: 60% delays, 20% cancellations, 20% gate changes. */
function disruptionEvents(day: AirlineDay): Record<string, unknown>[] {
  const random = seededRandom(SEED + 1);
  const at = new Date().toISOString();
  return day.flights.map((flight: Flight) => {
    const roll = random();
    const options =
      roll < 0.6
        ? {
            eventType: 'FLIGHT_DELAY' as const,
            flightId: flight.flight_id,
            delayMinutes: 15 + Math.floor(random() * 225),
            reason: 'WEATHER',
          }
        : roll < 0.8
          ? {
              eventType: 'FLIGHT_CANCELLED' as const,
              flightId: flight.flight_id,
              reason: 'WEATHER',
            }
          : {
              eventType: 'GATE_CHANGE' as const,
              flightId: flight.flight_id,
              oldGate: flight.gate,
              newGate: `Z${1 + Math.floor(random() * 40)}`,
              terminalChange: random() < 0.5,
            };
    return buildEvent(options, flight, randomUUID(), at);
  });
}

/** Time from the wave's events to each event's first notification, and what reached passengers. */
function waveWatch() {
  const firstByEvent = new Map<string, number>();
  const notificationTimes: number[] = [];
  const received = new Map<string, number>();
  // Messages the wave delivered, by channel (the delivery floor carries the same).
  const receivedByChannel: Record<string, number> = {};
  // The single-event probe listens here after the wave.
  const tap: NotificationTap & { active?: boolean } = {};
  let t0 = 0;
  return {
    tap,
    start: () => {
      t0 = performance.now();
    },
    onBusEvent: (event: BusEvent) => {
      if (!event['detail-type'].startsWith('notification.')) return;
      if (tap.active) return tap.onNotification?.((event.detail as { event_id?: string }).event_id);
      const at = performance.now() - t0;
      notificationTimes.push(at);
      const eventId = (event.detail as { event_id?: string }).event_id;
      if (eventId && !firstByEvent.has(eventId)) firstByEvent.set(eventId, at);
    },
    onPassengerMessage: (channel: string, notificationId: string | undefined) => {
      tap.onReceived?.();
      if (!tap.active) receivedByChannel[channel] = (receivedByChannel[channel] ?? 0) + 1;
      if (notificationId) received.set(notificationId, (received.get(notificationId) ?? 0) + 1);
    },
    firstByEvent,
    notificationTimes,
    received,
    receivedByChannel,
    elapsed: () => performance.now() - t0,
    /** Milliseconds from the wave's start to an absolute `performance.now()` time. */
    since: (at: number) => at - t0,
  };
}

/**
 * What exactly-once is counted against, kept from the airline day before the wave: each flight's
 * live bookings with their passenger's channel preferences. The day itself (every passenger's
 * and booking's record, 30 MB at 50,000 passengers) is the bench's, not the runtime's, and is
 * dropped once loaded, so the runtime process's peak memory is not the bench's bookkeeping.
 */
type BookingsOwed = Map<string, Array<{ bookingId: string; preferences: NotificationPreferences }>>;

function bookingsOwed(day: AirlineDay): BookingsOwed {
  const preferences = new Map(
    day.passengers.map((p) => [p.passenger_id, p.notification_preferences]),
  );
  const owed: BookingsOwed = new Map();
  for (const b of day.bookings) {
    const prefs = preferences.get(b.passenger_id);
    if (b.booking_status === 'CANCELLED' || !prefs) continue;
    const list = owed.get(b.flight_id) ?? [];
    list.push({ bookingId: b.booking_id, preferences: prefs });
    owed.set(b.flight_id, list);
  }
  return owed;
}

/**
 * Exactly-once, counted at the passengers' end: every delivery the plan owes (each booking of
 * each applied event, on each channel the passenger accepts) against what the mailbox and the
 * handset received, by notification id.
 */
function exactlyOnce(
  owed: BookingsOwed,
  executions: ExecutionRecord[],
  received: Map<string, number>,
) {
  const expected = new Set<string>();
  for (const run of executions) {
    const kind = KIND_OF[run.state_machine];
    const detail = (run.input as { detail?: { flight_id: string } }).detail;
    if (!kind || !detail || run.steps.some((s) => s.name === 'StaleEventIgnored')) continue;
    const disruption = disruptionFrom(kind, detail);
    for (const booking of owed.get(detail.flight_id) ?? []) {
      for (const d of planDeliveries(booking.preferences, disruption).deliveries)
        expected.add(notificationFactKey(kind, detail, booking.bookingId, d.channel));
    }
  }
  const lost = [...expected].filter((id) => !received.has(id)).length;
  const duplicated = [...received.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
  return { expected: expected.size, received: received.size, lost, duplicated };
}

const KIND_OF: Record<string, DisruptionKind> = {
  FlightPulseDelayNotification: 'DELAY',
  FlightPulseCancellationWorkflow: 'CANCELLATION',
  FlightPulseGateChangeWorkflow: 'GATE_CHANGE',
};

async function runVariant(name: 'batch' | 'per-passenger') {
  const dataDir = mkdtempSync(join(tmpdir(), 'flightpulse-bench-'));
  const model = new SimulatedModel(LATENCY, CONCURRENCY, SCALE);
  const watch = waveWatch();
  const runtime = await startLocalRuntime(
    loadConfig({}, { FLIGHTPULSE_DATA_DIR: dataDir, LOG_LEVEL: 'SILENT' }),
    { onBusEvent: watch.onBusEvent },
    undefined,
    {
      inMemoryStore: true,
      // The table on disk, as `flightpulse start` keeps it: 50,000 passengers' items in memory
      // would be most of the memory budget.
      tableOnDisk: true,
      messenger: model,
      keepBusEvents: false,
      // The store in a process of its own, as DynamoDB is a service of its own: its work runs
      // beside the runtime's event loop and its memory (LevelDB's mapped tables) is counted apart.
      storeInOwnProcess: true,
      // The passengers' mail server and phone network in a process of their own too: they are
      // not FlightPulse (in AWS they are SES's and the carriers'), and their MIME parsing and
      // HTTP serving would otherwise run on the runtime's event loop. Their memory is counted apart.
      channelsInOwnProcess: true,
      // The API on a thread of its own, as API Gateway and Lambda serve it beside the workflows.
      apiInOwnThread: true,
      countStoreCapacity: true,
      onPassengerMessage: watch.onPassengerMessage,
      ...(name === 'batch' ? {} : { batchSize: 1, perPassengerMessages: true }),
    },
  );
  try {
    // The day (seeded: the same for both variants) lives only until it is loaded.
    let day: AirlineDay | undefined = airlineDay();
    const quiet = quietFlights(day.flights, INGEST_STREAM);
    const loadSeconds = await loadDay(runtime, day, quiet, name);
    const events = disruptionEvents(day);
    const probes = probeFlights(day, events);
    const owed = bookingsOwed(day);
    day = undefined;
    const before = {
      ops: new Map(runtime.storeOperations),
      capacity: { ...capacityOf(runtime) },
      bus: runtime.busEventCount(),
      stages: runtime.stages.snapshot(),
    };
    const outcomeTimes: number[] = [];
    const unsubscribe = runtime.hub.subscribe((a) => {
      if (a.kind === 'event') outcomeTimes.push(watch.elapsed());
    });
    let peakRss = process.memoryUsage().rss;
    let storePeakRss = residentBytes(runtime.storePid);
    let channelsPeakRss = residentBytes(runtime.channelsPid);
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      storePeakRss = Math.max(storePeakRss, residentBytes(runtime.storePid));
      channelsPeakRss = Math.max(channelsPeakRss, residentBytes(runtime.channelsPid));
    }, 200);
    const health = await healthProbe(runtime);
    const cpuBefore = partsCpuMs(runtime);
    watch.start();
    await runtime.feed.produce(
      events.map((e) => ({
        key: (e.payload as { flight_id: string }).flight_id,
        value: JSON.stringify(e),
      })),
    );
    // A second stream of events beside the wave, once the wave is under way.
    const stream = ingestStream(runtime, quiet, INGEST_STREAM);
    const failures = await waitForWave(runtime, events.length + INGEST_STREAM, name);
    const ingestUnderLoad = await stream;
    const totalSeconds = watch.elapsed() / 1000;
    const cpuSeconds = cpuSince(cpuBefore, partsCpuMs(runtime));
    const healthResult = await health.stop();
    clearInterval(sampler);
    unsubscribe();
    const wave = {
      variant: name,
      load_seconds: loadSeconds,
      events: events.length,
      seconds_total: totalSeconds,
      ...notificationTimes(watch),
      ingest_under_load: {
        ...ingestUnderLoad,
        // The stream counts only if it finished while the wave was still notifying.
        during_wave:
          watch.since(ingestUnderLoad.finished_at) <
          watch.notificationTimes.reduce((m, t) => Math.max(m, t), 0),
      },
      health: healthResult,
      cpu_seconds: cpuSeconds,
      ...usage(runtime, before, model, watch),
      peak_rss_mb: Math.round(peakRss / 1024 / 1024),
      store_peak_rss_mb: Math.round(storePeakRss / 1024 / 1024),
      channels_peak_rss_mb: Math.round(channelsPeakRss / 1024 / 1024),
      messages_received: { ...watch.receivedByChannel },
      failures: failures.length,
      workflow_dead_letters: runtime.workflowDeadLetters.length,
    };
    // The wave's numbers are taken; now events one at a time, kept out of them.
    watch.tap.active = true;
    const single = await singleEvents(runtime, probes, watch.tap);
    return {
      ...wave,
      first_notification_single_event_ms: single,
      // Over the wave and the single events: every run's deliveries.
      exactly_once: exactlyOnce(owed, runtime.executions, watch.received),
    };
  } finally {
    await runtime.close().catch(closeFailed(`the ${name} design's runtime`));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Flights for the single-event probe: booked, and still flying after the wave (delayed or moved
 * to another gate, not cancelled), so a gate change on them notifies their passengers.
 */
function probeFlights(day: AirlineDay, events: Record<string, unknown>[]): Flight[] {
  const booked = new Set(
    day.bookings.filter((b) => b.booking_status !== 'CANCELLED').map((b) => b.flight_id),
  );
  const flying = new Set(
    events
      .filter((e) => e.event_type !== 'FLIGHT_CANCELLED')
      .map((e) => (e.payload as { flight_id: string }).flight_id),
  );
  return day.flights
    .filter((f) => booked.has(f.flight_id) && flying.has(f.flight_id))
    .slice(0, SINGLE_EVENTS);
}

/** The store's capacity count (the bench's runtimes always count it). */
function capacityOf(runtime: LocalRuntime): CapacityCount {
  if (!runtime.storeCapacity) throw new Error('the runtime was started without countStoreCapacity');
  return runtime.storeCapacity;
}

/** Loads the airline day (and the quiet flights) in batches; seconds taken. */
async function loadDay(runtime: LocalRuntime, day: AirlineDay, quiet: Flight[], name: string) {
  const loadStart = performance.now();
  const items = airlineItems({ ...day, flights: [...day.flights, ...quiet] });
  const loading = progress(`${name}: load`, items.length, 'items', { silent: values.json });
  await batchWrite(runtime.doc, runtime.tableName, items, 8, loading.update);
  loading.finish();
  await runtime.idle();
  return (performance.now() - loadStart) / 1000;
}

/** Waits for every workflow run to finish, showing progress; the failures seen. */
async function waitForWave(runtime: LocalRuntime, runs: number, name: string) {
  const running = progress(`${name}: disruptions`, runs, 'workflows', { silent: values.json });
  const done = () => runtime.executions.filter((e) => e.status !== 'RUNNING').length;
  const watcher = setInterval(() => running.update(done()), 250);
  const failures = await runtime.idle();
  clearInterval(watcher);
  running.update(done());
  running.finish();
  return failures;
}

function notificationTimes(watch: ReturnType<typeof waveWatch>) {
  const sorted = [...watch.notificationTimes].sort((a, b) => a - b);
  const firsts = [...watch.firstByEvent.values()].sort((a, b) => a - b);
  return {
    seconds_to_first_notification: (sorted[0] ?? 0) / 1000,
    seconds_to_last_notification: (sorted.at(-1) ?? 0) / 1000,
    latency_ms: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
    },
    // From the wave's events (all produced at once) to each event's first notification.
    first_notification_per_event_ms: {
      p50: percentile(firsts, 50),
      p95: percentile(firsts, 95),
      max: firsts.at(-1) ?? 0,
    },
  };
}

/**
 * CPU milliseconds each part has used so far, every thread counted: this process (the runtime,
 * its API thread and the bench's own counting of what passengers received), the store's and the
 * channels' (the passengers' mail server and phone network). The health probe's is left out: it
 * stands for the load balancer.
 */
function partsCpuMs(runtime: LocalRuntime) {
  return {
    runtime: ownCpuMs(),
    store: processCpuMs(runtime.storePid),
    channels: processCpuMs(runtime.channelsPid),
  };
}

/** CPU seconds each part used between two readings of `partsCpuMs`. */
function cpuSince(before: ReturnType<typeof partsCpuMs>, after: ReturnType<typeof partsCpuMs>) {
  const s = (part: keyof typeof before) => (after[part] - before[part]) / 1000;
  return { runtime: s('runtime'), store: s('store'), channels: s('channels') };
}

/** Counts, operations and stage times of the wave, and what they would cost in AWS. */
function usage(
  runtime: LocalRuntime,
  before: {
    ops: Map<string, number>;
    capacity: CapacityCount;
    bus: number;
    stages: ReturnType<StageTimings['snapshot']>;
  },
  model: SimulatedModel,
  watch: ReturnType<typeof waveWatch>,
) {
  const ops = [...runtime.storeOperations].map(
    ([op, n]) => [op, n - (before.ops.get(op) ?? 0)] as const,
  );
  const executions = runtime.executions;
  const lambdaTasks = executions.reduce(
    (n, e) =>
      n +
      e.steps
        .filter((s) =>
          /GetAffectedBookings|GetPassengerDetails|ComputeEntitlements|GeneratePersonalizedMessage|Send|MarkBatchForRebooking|GenerateRebookingOptions/.test(
            s.name,
          ),
        )
        .reduce((m, s) => m + s.entered, 0),
    0,
  );
  const earlier = new Map(before.stages.map((s) => [s.stage, s]));
  const stages = runtime.stages.snapshot().map((s) => {
    const e = earlier.get(s.stage);
    const calls = s.calls - (e?.calls ?? 0);
    const ms = s.ms - (e?.ms ?? 0);
    return { stage: s.stage, calls, ms: Math.round(ms), ms_per_call: calls ? ms / calls : 0 };
  });
  // The bus's function target: a run for each notification announced without a claim.
  const busFunctionRuns = stages.find((s) => s.stage === 'notification_record')?.calls ?? 0;
  const notifications = watch.notificationTimes.length;
  const mapRuns = executions.flatMap((e) => e.map_runs ?? []);
  const counts = {
    // A run's own transitions and its Distributed Maps' children's: AWS bills and throttles both.
    transitions:
      executions.reduce((n, e) => n + e.state_transitions, 0) +
      mapRuns.reduce((n, r) => n + r.state_transitions, 0),
    lambdaInvocations: lambdaTasks + busFunctionRuns + 1,
    lambdaSeconds: (lambdaTasks + busFunctionRuns) * 0.1,
    busEvents: runtime.busEventCount() - before.bus,
    // Capacity units as the store reported them: a batch or a transaction is billed per item.
    storeWrites: capacityOf(runtime).write - before.capacity.write,
    storeReads: capacityOf(runtime).read - before.capacity.read,
    modelCalls: model.calls,
    notifications,
  };
  // At the real model latency the model alone needs this long: its calls queue behind its quota.
  const modelBoundSeconds = Math.ceil(model.calls / CONCURRENCY) * (LATENCY / 1000);
  const last = watch.notificationTimes.reduce((m, t) => Math.max(m, t), 0) / 1000;
  return {
    model_bound_seconds_at_real_latency: modelBoundSeconds,
    model_fallbacks: runtime.metrics.summary().totals.LLMInvocationsFailed ?? 0,
    projected_seconds_to_last_notification: Math.max(last, modelBoundSeconds),
    stages: stages.filter((s) => s.calls > 0),
    shape: workflowShape(executions),
    counts: {
      ...counts,
      workflow_executions: executions.length,
      child_executions: mapRuns.reduce((n, r) => n + r.succeeded + r.failed, 0),
      store_operations: Object.fromEntries(ops.filter(([, n]) => n > 0)),
      // Per notification, so a change to the write path is argued from one comparable number.
      store_operations_per_notification: Object.fromEntries(
        ops
          .filter(([, n]) => n > 0)
          .map(([op, n]) => [op, notifications > 0 ? n / notifications : 0]),
      ),
    },
    aws: costAndQuota(counts),
  };
}

/** What the paper scale-up needs of the runs' shape: largest payloads, transitions per run and child. */
function workflowShape(executions: LocalRuntime['executions']): MeasuredShape {
  const mapRuns = executions.flatMap((e) => e.map_runs ?? []);
  const withMaps = executions.filter((e) => (e.map_runs ?? []).length > 0).length;
  const most = (values: number[]) => values.reduce((m, v) => Math.max(m, v), 0);
  return {
    largest_parent_payload_bytes: most(executions.map((e) => e.largest_payload_bytes ?? 0)),
    largest_child_payload_bytes: most(mapRuns.map((r) => r.largest_payload_bytes)),
    parent_transitions: most(executions.map((e) => e.state_transitions)),
    child_transitions: most(mapRuns.map((r) => r.state_transitions / Math.max(1, r.items))),
    map_runs_per_execution: withMaps ? mapRuns.length / withMaps : 1,
  };
}

/**
 * A part that fails to close (a store process that crashed at its end) fails the run, loudly,
 * after its numbers are out: they were counted before it.
 */
function closeFailed(part: string) {
  return (error: unknown) => {
    console.error(`${part} did not close cleanly: ${String(error)}`);
    process.exitCode = 1;
  };
}

/**
 * The floor: the store alone writing as many notification records, in batches, no pipeline; its
 * wall time, and the CPU the store and its client (this process) used for it.
 */
async function storeFloor(
  records: number,
): Promise<{ seconds: number; cpu_seconds: { store: number; client: number } }> {
  const dir = mkdtempSync(join(tmpdir(), 'flightpulse-floor-'));
  // Set up as the runtime's store is: its own process, table on disk.
  const dynamo = await startEmbeddedDynamoDb(dir, { ownProcess: true });
  const client = createDynamoDbClient({ endpoint: dynamo.endpoint });
  try {
    await ensureTable(client, 'FloorTable');
    const body = 'x'.repeat(700);
    const items = Array.from({ length: records }, (_, i) => ({
      ...keys.notification(
        'FP1000',
        `B${String(i).padStart(7, '0')}`,
        'e',
        i % 2 ? 'SMS' : 'EMAIL',
      ),
      body,
    }));
    const [storeCpu, clientCpu] = [processCpuMs(dynamo.pid), ownCpuMs()];
    const start = performance.now();
    await batchWrite(createDocumentClient(client), 'FloorTable', items);
    return {
      seconds: (performance.now() - start) / 1000,
      cpu_seconds: {
        store: (processCpuMs(dynamo.pid) - storeCpu) / 1000,
        client: (ownCpuMs() - clientCpu) / 1000,
      },
    };
  } finally {
    client.destroy();
    await dynamo.close().catch(closeFailed("the floor's store"));
    rmSync(dir, { recursive: true, force: true });
  }
}

const FLIGHTS = Math.max(K, Math.ceil((K * P) / 170));
const airlineDay = () =>
  generateAirlineDay({ flights: FLIGHTS, passengers: K * P, seed: SEED, hubs: K });
log(`airline day: ${FLIGHTS} flights over ${K} hubs, ${K * P} passengers (seed ${SEED})`);
log(
  `model: ${LATENCY} ms per call at concurrency ${CONCURRENCY}, simulated ${SCALE}× faster; projections use the real latency`,
);
const batch = await runVariant('batch');
log(`batch-oriented: ${batch.seconds_total.toFixed(1)} s`);
const perPassenger = values['batch-only'] ? undefined : await runVariant('per-passenger');
if (perPassenger) log(`per-passenger: ${perPassenger.seconds_total.toFixed(1)} s`);
const floor = await storeFloor(batch.counts.notifications);
const floorSeconds = floor.seconds;
const delivery = await deliveryFloor(batch.messages_received);
log(`delivery floor: ${delivery.seconds.toFixed(1)} s`);
// The wave's CPU spread over every core: no scheduling of the same work finishes sooner.
const cpuBoundSeconds =
  (batch.cpu_seconds.runtime + batch.cpu_seconds.store + batch.cpu_seconds.channels) /
  cpus().length;
const rebooking = values['batch-only'] ? undefined : await rebookingStage(SEED, log);
const ratio = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && b > 0 ? a / b : null;
const result = {
  command: `npm run bench -- --disruptions ${K} --passengers-per-disruption ${P}${values['batch-only'] ? ' --batch-only' : ''}`,
  machine: machine(),
  data: { hubs: K, flights: FLIGHTS, passengers: K * P, seed: SEED },
  model: { latency_ms: LATENCY, concurrency: CONCURRENCY, time_scale: SCALE },
  batch,
  per_passenger: perPassenger ?? null,
  store_floor_seconds: floorSeconds,
  store_floor_cpu_seconds: floor.cpu_seconds,
  delivery_floor: delivery,
  batch_cpu_bound_seconds: cpuBoundSeconds,
  ingest_events_per_second_under_load: batch.ingest_under_load.events_per_second,
  rebooking: rebooking ?? null,
  aws_at_scale: awsAtScale(batch.counts, K * P, batch.shape),
  ratios: {
    per_passenger_vs_batch_time_to_last_notification: ratio(
      perPassenger?.seconds_to_last_notification,
      batch.seconds_to_last_notification,
    ),
    per_passenger_vs_batch_projected_time: ratio(
      perPassenger?.projected_seconds_to_last_notification,
      batch.projected_seconds_to_last_notification,
    ),
    per_passenger_vs_batch_transitions: ratio(
      perPassenger?.counts.transitions,
      batch.counts.transitions,
    ),
    per_passenger_vs_batch_model_calls: ratio(
      perPassenger?.counts.modelCalls,
      batch.counts.modelCalls,
    ),
    per_passenger_vs_batch_cost: ratio(perPassenger?.aws.cost_usd.total, batch.aws.cost_usd.total),
    batch_vs_store_floor: ratio(batch.seconds_to_last_notification, floorSeconds),
    batch_cpu_bound_vs_store_floor: ratio(cpuBoundSeconds, floorSeconds),
    batch_vs_delivery_floor: ratio(batch.seconds_to_last_notification, delivery.seconds),
  },
};

if (values.json) console.log(JSON.stringify(result));
else console.log(benchReport(result));

/** The machine the numbers were measured on. */
function machine() {
  const cpu = cpus();
  let load = 'unknown';
  try {
    load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {}
  return {
    cores: cpu.length,
    cpu: cpu[0]?.model ?? 'unknown',
    memory_gb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    load_average_at_end: load,
  };
}

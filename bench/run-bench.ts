/**
 * Scale benchmark: K hub disruptions at once, through the real ingest path, for FlightPulse's
 * batch-oriented workflows and for the per-passenger design of the original specification,
 * side by side in one run, with the store's raw write time as the floor.
 *
 *   npm run bench -- --disruptions 10 --passengers-per-disruption 5000 [--json]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { batchWrite } from '../src/adapters/dynamodb/batch-write.ts';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../src/adapters/dynamodb/document-client.ts';
import { ensureTable } from '../src/adapters/dynamodb/ensure-table.ts';
import {
  bookingItems,
  flightItem,
  passengerItem,
} from '../src/adapters/dynamodb/table/table-items.ts';
import { keys } from '../src/adapters/dynamodb/table/table-keys.ts';
import { startEmbeddedDynamoDb } from '../src/adapters/local/dynamodb/embedded-dynamodb.ts';
import { intFlag } from '../src/cli/flag-values.ts';
import { progress } from '../src/cli/progress.ts';
import { UsageError } from '../src/cli/usage-error.ts';
import type { Flight } from '../src/domain/records/flight.ts';
import { loadConfig } from '../src/runtime/config.ts';
import { startLocalRuntime } from '../src/runtime/local-runtime.ts';
import { buildEvent } from '../src/simulator/build-event.ts';
import {
  type AirlineDay,
  generateAirlineDay,
  seededRandom,
} from '../src/simulator/generate-airline-day.ts';
import { costAndQuota } from './cost-model.ts';
import { rebookingStage } from './rebooking-stage.ts';
import { SimulatedModel } from './simulated-model.ts';

const USAGE = `Usage: npm run bench -- [options]   (npm run -s bench -- … --json for JSON alone)
  --disruptions K                  hubs disrupted at once, 1–12 (default 10)
  --passengers-per-disruption P    passengers per hub, 10–1,000,000 (default 5000)
  --model-latency-ms MS            simulated model latency per call, 1–60,000 (default 800)
  --model-concurrency N            concurrent model calls (a provider quota), 1–1000 (default 10)
  --time-scale X                   sleep the model X times faster, 1–10,000 (default 100)
  --seed S                         airline day seed (default 42)
  --json                           one JSON object on stdout, no progress`;

const OPTIONS = {
  disruptions: { type: 'string' },
  'passengers-per-disruption': { type: 'string' },
  'model-latency-ms': { type: 'string' },
  'model-concurrency': { type: 'string' },
  'time-scale': { type: 'string' },
  seed: { type: 'string' },
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
const { values, K, P, LATENCY, CONCURRENCY, SCALE, SEED } = readArgs();
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

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function runVariant(name: 'batch' | 'per-passenger', day: AirlineDay) {
  const dataDir = mkdtempSync(join(tmpdir(), 'flightpulse-bench-'));
  const model = new SimulatedModel(LATENCY, CONCURRENCY, SCALE);
  const notificationTimes: number[] = [];
  let t0 = 0;
  const runtime = await startLocalRuntime(
    loadConfig({}, { FLIGHTPULSE_DATA_DIR: dataDir, LOG_LEVEL: 'SILENT' }),
    {
      onBusEvent: (event) => {
        if (event['detail-type'].startsWith('notification.'))
          notificationTimes.push(performance.now() - t0);
      },
    },
    undefined,
    name === 'batch'
      ? { inMemoryStore: true, messenger: model }
      : { inMemoryStore: true, messenger: model, batchSize: 1, perPassengerMessages: true },
  );
  try {
    const loadStart = performance.now();
    const items = [
      ...day.flights.map(flightItem),
      ...day.passengers.map(passengerItem),
      ...day.bookings.flatMap(bookingItems),
    ];
    const loading = progress(`${name}: load`, items.length, 'items', { silent: values.json });
    await batchWrite(runtime.doc, runtime.tableName, items, 8, loading.update);
    loading.finish();
    const loadSeconds = (performance.now() - loadStart) / 1000;
    await runtime.idle();
    const opsBefore = new Map(runtime.storeOperations);
    const busBefore = runtime.busEvents.length;
    const outcomeTimes: number[] = [];
    const unsubscribe = runtime.hub.subscribe((a) => {
      if (a.kind === 'event') outcomeTimes.push(performance.now() - t0);
    });
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 200);
    const events = disruptionEvents(day);
    t0 = performance.now();
    await runtime.feed.produce(
      events.map((e) => ({
        key: (e.payload as { flight_id: string }).flight_id,
        value: JSON.stringify(e),
      })),
    );
    // Progress: workflow runs finished of one per event (ingest starts one per accepted event).
    const running = progress(`${name}: disruptions`, events.length, 'workflows', {
      silent: values.json,
    });
    const watcher = setInterval(
      () => running.update(runtime.executions.filter((e) => e.status !== 'RUNNING').length),
      250,
    );
    const failures = await runtime.idle();
    clearInterval(watcher);
    running.update(runtime.executions.filter((e) => e.status !== 'RUNNING').length);
    running.finish();
    const totalSeconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    unsubscribe();
    const ops = [...runtime.storeOperations].map(
      ([op, n]) => [op, n - (opsBefore.get(op) ?? 0)] as const,
    );
    const count = (pattern: RegExp) =>
      ops.filter(([op]) => pattern.test(op)).reduce((n, [, v]) => n + v, 0);
    const executions = runtime.executions;
    const lambdaTasks = executions.reduce(
      (n, e) =>
        n +
        e.steps
          .filter((s) =>
            /GetAffectedBookings|GetPassengerDetails|GeneratePersonalizedMessage|Send|MarkBatchForRebooking/.test(
              s.name,
            ),
          )
          .reduce((m, s) => m + s.entered, 0),
      0,
    );
    const sorted = [...notificationTimes].sort((a, b) => a - b);
    const notifications = sorted.length;
    const counts = {
      transitions: executions.reduce((n, e) => n + e.state_transitions, 0),
      lambdaInvocations: lambdaTasks + notifications + 1,
      lambdaSeconds: (lambdaTasks + notifications) * 0.1,
      busEvents: runtime.busEvents.length - busBefore,
      storeWrites: count(/^(Put|Update|Delete|BatchWrite)/),
      storeReads: count(/^(Get|Query|BatchGet|Scan)/),
      modelCalls: model.calls,
      notifications,
    };
    // At the real model latency the model alone needs this long: its calls queue behind its quota.
    const modelBoundSeconds = Math.ceil(model.calls / CONCURRENCY) * (LATENCY / 1000);
    return {
      variant: name,
      load_seconds: loadSeconds,
      events: events.length,
      events_per_second: events.length / ((outcomeTimes.at(-1) ?? 1) / 1000),
      seconds_to_first_notification: (sorted[0] ?? 0) / 1000,
      seconds_to_last_notification: (sorted.at(-1) ?? 0) / 1000,
      seconds_total: totalSeconds,
      latency_ms: {
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
      },
      model_bound_seconds_at_real_latency: modelBoundSeconds,
      projected_seconds_to_last_notification: Math.max(
        (sorted.at(-1) ?? 0) / 1000,
        modelBoundSeconds,
      ),
      counts: {
        ...counts,
        workflow_executions: executions.length,
        store_operations: Object.fromEntries(ops.filter(([, n]) => n > 0)),
        // Per notification, so a change to the write path is argued from one comparable number.
        store_operations_per_notification: Object.fromEntries(
          ops
            .filter(([, n]) => n > 0)
            .map(([op, n]) => [op, notifications > 0 ? n / notifications : 0]),
        ),
      },
      peak_rss_mb: Math.round(peakRss / 1024 / 1024),
      failures: failures.length,
      aws: costAndQuota(counts),
    };
  } finally {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The floor: the store alone writing as many notification records, in batches, no pipeline. */
async function storeFloor(records: number): Promise<number> {
  const dynamo = await startEmbeddedDynamoDb();
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
    const start = performance.now();
    await batchWrite(createDocumentClient(client), 'FloorTable', items);
    return (performance.now() - start) / 1000;
  } finally {
    client.destroy();
    await dynamo.close();
  }
}

const day = generateAirlineDay({
  flights: Math.max(K, Math.ceil((K * P) / 170)),
  passengers: K * P,
  seed: SEED,
  hubs: K,
});
log(
  `airline day: ${day.flights.length} flights over ${K} hubs, ${day.passengers.length} passengers (seed ${SEED})`,
);
log(
  `model: ${LATENCY} ms per call at concurrency ${CONCURRENCY}, simulated ${SCALE}× faster; projections use the real latency`,
);
const batch = await runVariant('batch', day);
log(`batch-oriented: ${batch.seconds_total.toFixed(1)} s`);
const perPassenger = await runVariant('per-passenger', day);
log(`per-passenger: ${perPassenger.seconds_total.toFixed(1)} s`);
const floorSeconds = await storeFloor(batch.counts.notifications);
const rebooking = await rebookingStage(SEED, log);
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
const result = {
  command: `npm run bench -- --disruptions ${K} --passengers-per-disruption ${P}`,
  machine: { cores: (await import('node:os')).cpus().length, node: process.version },
  data: { hubs: K, flights: day.flights.length, passengers: day.passengers.length, seed: SEED },
  model: { latency_ms: LATENCY, concurrency: CONCURRENCY, time_scale: SCALE },
  batch,
  per_passenger: perPassenger,
  store_floor_seconds: floorSeconds,
  rebooking,
  ratios: {
    per_passenger_vs_batch_time_to_last_notification: ratio(
      perPassenger.seconds_to_last_notification,
      batch.seconds_to_last_notification,
    ),
    per_passenger_vs_batch_projected_time: ratio(
      perPassenger.projected_seconds_to_last_notification,
      batch.projected_seconds_to_last_notification,
    ),
    per_passenger_vs_batch_transitions: ratio(
      perPassenger.counts.transitions,
      batch.counts.transitions,
    ),
    per_passenger_vs_batch_model_calls: ratio(
      perPassenger.counts.modelCalls,
      batch.counts.modelCalls,
    ),
    per_passenger_vs_batch_cost: ratio(perPassenger.aws.cost_usd.total, batch.aws.cost_usd.total),
    batch_vs_store_floor: ratio(batch.seconds_to_last_notification, floorSeconds),
  },
};

if (values.json) {
  console.log(JSON.stringify(result));
} else {
  const row = (label: string, a: string, b: string) =>
    `${label.padEnd(42)}${a.padStart(24)}${b.padStart(26)}`;
  const n = (v: number, d = 1) =>
    v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const lines = [
    '',
    row('', 'batch', 'per-passenger'),
    row(
      'events ingested per second',
      n(batch.events_per_second),
      n(perPassenger.events_per_second),
    ),
    row(
      'first notification (s)',
      n(batch.seconds_to_first_notification, 2),
      n(perPassenger.seconds_to_first_notification, 2),
    ),
    row(
      'last notification (s, measured)',
      n(batch.seconds_to_last_notification),
      n(perPassenger.seconds_to_last_notification),
    ),
    row(
      'model-bound time at real latency (s)',
      n(batch.model_bound_seconds_at_real_latency),
      n(perPassenger.model_bound_seconds_at_real_latency),
    ),
    row(
      'last notification, projected (s)',
      n(batch.projected_seconds_to_last_notification),
      n(perPassenger.projected_seconds_to_last_notification),
    ),
    row(
      'latency p50 / p95 / p99 (ms, measured)',
      `${n(batch.latency_ms.p50, 0)}/${n(batch.latency_ms.p95, 0)}/${n(batch.latency_ms.p99, 0)}`,
      `${n(perPassenger.latency_ms.p50, 0)}/${n(perPassenger.latency_ms.p95, 0)}/${n(perPassenger.latency_ms.p99, 0)}`,
    ),
    row('notifications', n(batch.counts.notifications, 0), n(perPassenger.counts.notifications, 0)),
    row(
      'workflow executions',
      n(batch.counts.workflow_executions, 0),
      n(perPassenger.counts.workflow_executions, 0),
    ),
    row('state transitions', n(batch.counts.transitions, 0), n(perPassenger.counts.transitions, 0)),
    row(
      'Lambda invocations (estimated)',
      n(batch.counts.lambdaInvocations, 0),
      n(perPassenger.counts.lambdaInvocations, 0),
    ),
    row('bus events', n(batch.counts.busEvents, 0), n(perPassenger.counts.busEvents, 0)),
    row(
      'store reads / writes',
      `${n(batch.counts.storeReads, 0)}/${n(batch.counts.storeWrites, 0)}`,
      `${n(perPassenger.counts.storeReads, 0)}/${n(perPassenger.counts.storeWrites, 0)}`,
    ),
    row('model calls', n(batch.counts.modelCalls, 0), n(perPassenger.counts.modelCalls, 0)),
    row(
      'store reads / writes per notification',
      `${n(batch.counts.storeReads / Math.max(1, batch.counts.notifications), 2)}/${n(batch.counts.storeWrites / Math.max(1, batch.counts.notifications), 2)}`,
      `${n(perPassenger.counts.storeReads / Math.max(1, perPassenger.counts.notifications), 2)}/${n(perPassenger.counts.storeWrites / Math.max(1, perPassenger.counts.notifications), 2)}`,
    ),
    row('peak RSS (MB)', n(batch.peak_rss_mb, 0), n(perPassenger.peak_rss_mb, 0)),
    row(
      'AWS cost per run (USD)',
      n(batch.aws.cost_usd.total, 3),
      n(perPassenger.aws.cost_usd.total, 3),
    ),
    row('  of which model', n(batch.aws.cost_usd.model, 3), n(perPassenger.aws.cost_usd.model, 3)),
    row(
      'Step Functions quota time (s)',
      n(batch.aws.quota_seconds.step_functions),
      n(perPassenger.aws.quota_seconds.step_functions),
    ),
    row(
      'Bedrock quota time (s)',
      n(batch.aws.quota_seconds.model),
      n(perPassenger.aws.quota_seconds.model),
    ),
    '',
    `store floor: ${n(floorSeconds)} s to write ${batch.counts.notifications} notification records alone`,
    ...Object.entries(result.ratios).map(
      ([k, v]) => `${k.replaceAll('_', ' ')}: ${v === null ? '—' : `${n(v, 2)}×`}`,
    ),
  ];
  lines.push(
    '',
    `Rebooking: ${rebooking.passengers} passengers on ${rebooking.cancelled_flights} cancelled flights (${rebooking.parties} parties)`,
    row('', 'wave allocation', 'naive first-come'),
    row('options for every passenger (ms)', String(rebooking.options_ms), '—'),
    row(
      'A-LIST PREFERRED stranded by a MEMBER',
      String(rebooking.wave.stranded_top_tier_passengers),
      String(rebooking.naive_first_come.stranded_top_tier_passengers),
    ),
    row(
      'parties split (a joint option existed)',
      String(rebooking.wave.split_parties),
      String(rebooking.naive_first_come.split_parties),
    ),
    row('cabins oversold', String(rebooking.wave.oversold_cabins), '—'),
    `${rebooking.concurrent_accepts.accepts} concurrent accepts for ${rebooking.concurrent_accepts.seats_available} seats: ${rebooking.concurrent_accepts.accepted} booked, ${rebooking.concurrent_accepts.rejected_409} × 409, oversold ${rebooking.concurrent_accepts.oversold}, ${rebooking.concurrent_accepts.seconds} s`,
  );
  console.log(lines.join('\n'));
}

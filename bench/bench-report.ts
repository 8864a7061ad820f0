import type { DeliveryFloor } from './delivery-floor.ts';
import type { rebookingStage } from './rebooking-stage.ts';

/** The benchmark's result as the table a person reads (`--json` prints the object instead). */

type Variant = {
  seconds_to_first_notification: number;
  seconds_to_last_notification: number;
  model_bound_seconds_at_real_latency: number;
  projected_seconds_to_last_notification: number;
  model_fallbacks: number;
  latency_ms: { p50: number; p95: number; p99: number };
  first_notification_per_event_ms: { p50: number; p95: number; max: number };
  first_notification_single_event_ms: {
    events: number;
    /** How long the machine took to go quiet after the wave, before the first (settle.ts). */
    settled: { waited_ms: number; quiet: boolean };
    p50: number;
    p95: number;
    received: { p50: number; p95: number };
    path: Array<{ stage: string; events: number; starts_at_ms: number; ms: number }>;
  };
  ingest_under_load: { events: number; events_per_second: number; during_wave: boolean };
  health: { p50_ms: number; p99_ms: number; requests: number };
  exactly_once: { expected: number; received: number; lost: number; duplicated: number };
  stages: Array<{ stage: string; calls: number; ms: number; ms_per_call: number }>;
  counts: {
    notifications: number;
    workflow_executions: number;
    transitions: number;
    lambdaInvocations: number;
    busEvents: number;
    storeReads: number;
    storeWrites: number;
    modelCalls: number;
    store_operations_per_notification: Record<string, number>;
  };
  /** CPU each process used from the wave's first event to its last run's end, every thread. */
  cpu_seconds: { runtime: number; store: number; channels: number };
  peak_rss_mb: number;
  store_peak_rss_mb: number;
  channels_peak_rss_mb: number;
  aws: { cost_usd: { total: number; model: number }; quota_seconds: Record<string, number> };
};

interface Scale {
  passengers: number;
  executions: number;
  child_executions: number;
  counts: Record<string, number>;
  cost_usd: { total: number };
  per_execution: {
    bookings: number;
    batches: number;
    largest_payload_bytes: number;
    payload_within_256kb: boolean;
    history_events: number;
    history_within_25000: boolean;
  };
  inline_map_instead: {
    largest_payload_bytes: number;
    history_events: number;
    within_limits: boolean;
  };
  model_within_rpm: boolean;
  transitions_per_second_if_done_in_60s: number;
  transitions_within_quota: boolean;
  design: string;
}

export interface BenchResult {
  machine: { cores: number; cpu: string; memory_gb: number; node: string };
  batch: Variant;
  per_passenger: Variant | null;
  store_floor_seconds: number;
  store_floor_cpu_seconds: { store: number; client: number };
  delivery_floor: DeliveryFloor;
  /** The batch wave's CPU spread over every core: the soonest the same work could finish. */
  batch_cpu_bound_seconds: number;
  ratios: Record<string, number | null>;
  aws_at_scale: Record<string, Scale>;
  /** What the rebooking stage measured, as it reports it (null with --batch-only). */
  rebooking: Awaited<ReturnType<typeof rebookingStage>> | null;
}

const n = (v: number, d = 1) =>
  v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
// A space between columns even when a value is wider than its column.
const row = (label: string, a: string, b: string) =>
  `${label.padEnd(44)} ${a.padStart(21)} ${b.padStart(23)}`;

/** One line per measure, batch beside per-passenger (— where a variant did not run). */
function variantRows(batch: Variant, other: Variant | null): string[] {
  const both = (f: (v: Variant) => string) => [f(batch), other ? f(other) : '—'] as const;
  const line = (label: string, f: (v: Variant) => string) => row(label, ...both(f));
  const perNotification = (v: Variant, ops: RegExp) =>
    Object.entries(v.counts.store_operations_per_notification)
      .filter(([op]) => ops.test(op))
      .reduce((sum, [, x]) => sum + x, 0);
  return [
    row('', 'batch', 'per-passenger'),
    line('first notification (s)', (v) => n(v.seconds_to_first_notification, 2)),
    line('last notification (s, measured)', (v) => n(v.seconds_to_last_notification)),
    line('first notification per event p50/p95 (ms)', (v) => {
      const f = v.first_notification_per_event_ms;
      return `${n(f.p50, 0)}/${n(f.p95, 0)}`;
    }),
    line('first notification, one event alone p50/p95 (ms)', (v) => {
      const f = v.first_notification_single_event_ms;
      return `${n(f.p50, 0)}/${n(f.p95, 0)} (${f.events} events)`;
    }),
    line('  first message a passenger received p50/p95 (ms)', (v) => {
      const f = v.first_notification_single_event_ms.received;
      return `${n(f.p50, 0)}/${n(f.p95, 0)}`;
    }),
    line('  after the machine went quiet in (s)', (v) => {
      const { waited_ms, quiet } = v.first_notification_single_event_ms.settled;
      return `${n(waited_ms / 1000, 1)}${quiet ? '' : ' (never quiet)'}`;
    }),
    line('model-bound time at real latency (s)', (v) => n(v.model_bound_seconds_at_real_latency)),
    line('last notification, projected (s)', (v) => n(v.projected_seconds_to_last_notification)),
    line('latency p50 / p95 / p99 (ms, measured)', (v) =>
      [v.latency_ms.p50, v.latency_ms.p95, v.latency_ms.p99].map((x) => n(x, 0)).join('/'),
    ),
    line(
      'ingest beside the wave (events/s)',
      (v) =>
        `${n(v.ingest_under_load.events_per_second, 0)}${v.ingest_under_load.during_wave ? '' : '*'}`,
    ),
    line('/health p50 / p99 (ms)', (v) => `${n(v.health.p50_ms, 1)}/${n(v.health.p99_ms, 1)}`),
    line('notifications', (v) => n(v.counts.notifications, 0)),
    line(
      'expected / lost / duplicated',
      (v) => `${n(v.exactly_once.expected, 0)}/${v.exactly_once.lost}/${v.exactly_once.duplicated}`,
    ),
    line('workflow executions', (v) => n(v.counts.workflow_executions, 0)),
    line('state transitions', (v) => n(v.counts.transitions, 0)),
    line('Lambda invocations (estimated)', (v) => n(v.counts.lambdaInvocations, 0)),
    line('bus events', (v) => n(v.counts.busEvents, 0)),
    line(
      'store read / write capacity units',
      (v) => `${n(v.counts.storeReads, 0)}/${n(v.counts.storeWrites, 0)}`,
    ),
    line(
      'store read / write calls per notification',
      (v) =>
        `${n(perNotification(v, /^(Get|Query|BatchGet|Scan|TransactGet)/), 2)}/${n(perNotification(v, /^(Put|Update|Delete|BatchWrite|TransactWrite)/), 2)}`,
    ),
    line(
      'model calls / template fallbacks',
      (v) => `${n(v.counts.modelCalls, 0)}/${n(v.model_fallbacks, 0)}`,
    ),
    line('CPU in the wave, runtime / store / channels (s)', (v) =>
      [v.cpu_seconds.runtime, v.cpu_seconds.store, v.cpu_seconds.channels]
        .map((x) => n(x, 0))
        .join('/'),
    ),
    line('  per notification (ms)', (v) => {
      const { runtime, store, channels } = v.cpu_seconds;
      return n(((runtime + store + channels) * 1000) / Math.max(1, v.counts.notifications), 2);
    }),
    line('peak RSS, runtime / store / channels process (MB)', (v) =>
      [v.peak_rss_mb, v.store_peak_rss_mb, v.channels_peak_rss_mb].map((x) => n(x, 0)).join('/'),
    ),
    line('AWS cost per run (USD)', (v) => n(v.aws.cost_usd.total, 3)),
    line('  of which model', (v) => n(v.aws.cost_usd.model, 3)),
  ];
}

function stageRows(batch: Variant): string[] {
  return [
    '',
    'Where the batch run spent its time (busy time summed over concurrent calls):',
    ...batch.stages.map(
      (s) =>
        `  ${s.stage.padEnd(20)}${n(s.ms / 1000, 1).padStart(10)} s${n(s.calls, 0).padStart(10)} calls${n(s.ms_per_call, 2).padStart(10)} ms/call`,
    ),
  ];
}

/** One event alone on its way to the first notification: when each stage began, how long it took. */
function pathRows(batch: Variant, other: Variant | null): string[] {
  const spans = (v: Variant | null) =>
    new Map(v?.first_notification_single_event_ms.path.map((p) => [p.stage, p]) ?? []);
  const [a, b] = [spans(batch), spans(other)];
  const stages = [...new Set([...a.keys(), ...b.keys()])];
  const cell = (span: { starts_at_ms: number; ms: number } | undefined) =>
    span ? `${n(span.starts_at_ms, 1)} + ${n(span.ms, 1)}` : '—';
  return [
    '',
    'One event alone, its first call of each stage before the first notification (p50 ms after',
    'the produce: begins + takes):',
    ...stages.map((stage) => row(`  ${stage}`, cell(a.get(stage)), cell(b.get(stage)))),
  ];
}

function scaleRows(scales: Record<string, Scale>): string[] {
  const yes = (ok: boolean) => (ok ? 'ok' : 'OVER');
  return [
    '',
    'AWS at scale (counts per passenger from this run):',
    ...Object.entries(scales).map(([name, s]) => {
      const e = s.per_execution;
      const inline = s.inline_map_instead;
      return [
        `  ${name}: ${n(s.passengers, 0)} passengers in ${n(s.executions, 0)} executions (+${n(s.child_executions, 0)} Distributed Map children), $${n(s.cost_usd.total, 2)}`,
        `    transitions ${n(s.counts.transitions ?? 0, 0)} (${n(s.transitions_per_second_if_done_in_60s, 0)}/s over a minute: ${yes(s.transitions_within_quota)}),` +
          ` Lambda ${n(s.counts.lambdaInvocations ?? 0, 0)}, write units ${n(s.counts.storeWrites ?? 0, 0)},` +
          ` EventBridge ${n(s.counts.busEvents ?? 0, 0)}, model calls ${n(s.counts.modelCalls ?? 0, 0)} (RPM: ${yes(s.model_within_rpm)})`,
        `    per execution: ${n(e.bookings, 0)} bookings in ${n(e.batches, 0)} batches, largest payload ${n(e.largest_payload_bytes / 1024, 0)} KB (${yes(e.payload_within_256kb)}),` +
          ` largest history ${n(e.history_events, 0)} events (${yes(e.history_within_25000)})`,
        `    an inline Map instead: payload ${n(inline.largest_payload_bytes / 1024, 0)} KB, history ${n(inline.history_events, 0)} events (${inline.within_limits ? 'ok' : 'OVER'})`,
      ].join('\n');
    }),
  ];
}

function rebookingRows(r: NonNullable<BenchResult['rebooking']>): string[] {
  const c = r.concurrent_accepts;
  return [
    '',
    `Rebooking: ${r.passengers} passengers on ${r.cancelled_flights} cancelled flights (${r.parties} parties)`,
    row('', 'wave allocation', 'naive first-come'),
    row('options for every passenger (ms)', String(r.options_ms), '—'),
    row(
      'A-LIST PREFERRED stranded by a MEMBER',
      String(r.wave.stranded_top_tier_passengers),
      String(r.naive_first_come.stranded_top_tier_passengers),
    ),
    row(
      'parties split (a joint option existed)',
      String(r.wave.split_parties),
      String(r.naive_first_come.split_parties),
    ),
    row('cabins oversold', String(r.wave.oversold_cabins), '—'),
    `${c.accepts} concurrent accepts for ${c.seats_available} seats: ${c.accepted} booked, ${c.rejected_409} × 409, oversold ${c.oversold}, ${c.seconds} s`,
  ];
}

export function benchReport(result: BenchResult): string {
  const { batch, machine } = result;
  const lines = [
    '',
    `machine: ${machine.cores} cores (${machine.cpu}), ${machine.memory_gb} GB, Node ${machine.node}`,
    ...variantRows(batch, result.per_passenger),
    ...stageRows(batch),
    ...pathRows(batch, result.per_passenger),
    '',
    `store floor: ${n(result.store_floor_seconds)} s to write ${batch.counts.notifications} notification records alone` +
      ` (CPU ${n(result.store_floor_cpu_seconds.store)} s in the store, ${n(result.store_floor_cpu_seconds.client)} s in its client)`,
    `delivery floor: ${n(result.delivery_floor.seconds)} s to carry ${result.delivery_floor.messages.EMAIL} e-mails and ${result.delivery_floor.messages.SMS} SMS alone` +
      ` (CPU ${n(result.delivery_floor.cpu_seconds.channels)} s in the channels' process, ${n(result.delivery_floor.cpu_seconds.client)} s in its client)`,
    `batch wave's CPU over ${machine.cores} cores: ${n(result.batch_cpu_bound_seconds)} s, the soonest this work could end`,
    ...Object.entries(result.ratios).map(
      ([k, v]) => `${k.replaceAll('_', ' ')}: ${v === null ? '—' : `${n(v, 2)}×`}`,
    ),
    ...scaleRows(result.aws_at_scale),
    ...(result.rebooking ? rebookingRows(result.rebooking) : []),
  ];
  if (!batch.ingest_under_load.during_wave)
    lines.push('* the ingest stream finished after the wave: measured partly without load');
  return lines.join('\n');
}

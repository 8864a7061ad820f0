import pLimit from 'p-limit';
import { enrichEvent } from '../domain/disruptions/enrich-event.ts';
import { eventAgeProblem } from '../domain/disruptions/event-age.ts';
import { judgeOrder, type OrderVerdict } from '../domain/disruptions/flight-order.ts';
import type { InboundEvent } from '../domain/disruptions/inbound-events.ts';
import {
  parseInboundRecord,
  type RecordIdentity,
} from '../domain/disruptions/parse-inbound-record.ts';
import { recordShapeProblem } from '../domain/disruptions/record-shape.ts';
import {
  type KafkaEvent,
  KafkaEventSchema,
  type KafkaRecord,
} from '../event-sources/kafka-event.ts';
import type {
  Clock,
  EventLog,
  EventOutcome,
  EventPublisher,
  FlightStore,
  KafkaCoordinates,
  Log,
  MetricName,
  MetricsRecorder,
  RunLedger,
} from '../ports.ts';

export interface IngestDeps {
  flights: FlightStore;
  events: EventLog;
  runs: RunLedger;
  publisher: EventPublisher;
  clock: Clock;
  metrics: MetricsRecorder;
  log: Log;
  /** Events older than this are dead-lettered (replays from the start of a topic). */
  maxEventAgeHours?: number;
}

export interface RecordOutcome extends KafkaCoordinates {
  outcome: EventOutcome;
  event_id?: string;
  detail_type?: string;
  reason?: string;
}

const PROCESSED_METRIC: Record<InboundEvent['event_type'], MetricName> = {
  FLIGHT_DELAY: 'DelayEventsProcessed',
  FLIGHT_CANCELLED: 'CancellationEventsProcessed',
  GATE_CHANGE: 'GateChangeEventsProcessed',
};

/** How much of a rejected record the dead-letter entry keeps. */
const DEAD_LETTER_COPY_CHARS = 4096;
/** Optimistic attempts at moving a flight's order before the batch is retried. */
const ORDER_ATTEMPTS = 8;

/** A record that cannot be processed; it goes to the dead-letter record, never stops the batch. */
class RejectedRecordError extends Error {
  override name = 'RejectedRecordError';
  readonly event: RecordIdentity | undefined;

  constructor(message: string, event?: RecordIdentity) {
    super(message);
    this.event = event;
  }
}

/**
 * The Kafka ingest function: judges each record on its own (shape, schema, age, flight, order),
 * de-duplicates by event_id, records the workflow run durably, and only then marks the event
 * ACCEPTED and publishes it. Records of one partition are handled in order; a store or bus
 * failure throws so the whole batch is retried (every step is idempotent), while a bad record is
 * dead-lettered with its own reason.
 */
export function createIngestHandler(deps: IngestDeps) {
  return async (event: KafkaEvent): Promise<{ outcomes: RecordOutcome[] }> => {
    const { records } = KafkaEventSchema.parse(event);
    const perPartition = await Promise.all(
      Object.values(records).map((partition) => ingestPartition(partition, deps)),
    );
    return { outcomes: perPartition.flat() };
  };
}

/** Flights of one batch ingested at once; a flight's own records stay in order. */
const CONCURRENT_FLIGHTS = 16;

/**
 * A partition's records, in order per flight (the record key): different flights are
 * independent, so they are ingested side by side instead of one store round trip after another.
 * Outcomes come back in record order.
 */
async function ingestPartition(
  partition: KafkaRecord[],
  deps: IngestDeps,
): Promise<RecordOutcome[]> {
  const byFlight = new Map<string, number[]>();
  partition.forEach((record, index) => {
    const key = record.key ?? `#${index}`;
    byFlight.set(key, [...(byFlight.get(key) ?? []), index]);
  });
  const outcomes: RecordOutcome[] = new Array(partition.length);
  const limit = pLimit(CONCURRENT_FLIGHTS);
  await Promise.all(
    [...byFlight.values()].map((indexes) =>
      limit(async () => {
        for (const index of indexes)
          outcomes[index] = await ingestRecord(partition[index] as KafkaRecord, deps);
      }),
    ),
  );
  return outcomes;
}

async function ingestRecord(record: KafkaRecord, deps: IngestDeps): Promise<RecordOutcome> {
  const coordinates: KafkaCoordinates = {
    topic: record.topic,
    partition: record.partition,
    offset: String(record.offset),
  };
  const receivedAt = deps.clock.now();
  const bytes = record.value === null ? new Uint8Array() : Buffer.from(record.value, 'base64');
  const raw = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  try {
    const inbound = admit(bytes, raw, receivedAt, deps);
    const flight = await deps.flights.getFlight(inbound.payload.flight_id);
    if (!flight)
      throw new RejectedRecordError(
        `unknown flight ${inbound.payload.flight_id}`,
        identity(inbound),
      );
    const claim = await deps.events.claim(inbound, receivedAt, coordinates);
    if (claim === 'duplicate') return await duplicate(inbound, receivedAt, coordinates, deps);
    const order = await placeInOrder(inbound, deps.events);
    if (order.verdict !== 'advance') {
      const outcome = order.verdict === 'stale' ? 'STALE' : 'SUPPRESSED';
      await deps.events.settleClaimed(inbound.event_id, outcome, order.reason);
      deps.log.info('event not applied', { event_id: inbound.event_id, reason: order.reason });
      return { ...coordinates, outcome, event_id: inbound.event_id, reason: order.reason };
    }
    const affected = await deps.flights.countFlightBookings(flight.flight_id);
    const entry = enrichEvent(inbound, flight, affected);
    // The run is on record before the event counts as ACCEPTED; resume re-drives it after a crash.
    await deps.runs.recordPending({ event_id: inbound.event_id, entry, recorded_at: receivedAt });
    await deps.events.markPublished(inbound.event_id, entry.detailType);
    await deps.publisher.publish([entry]);
    deps.metrics.count(PROCESSED_METRIC[inbound.event_type]);
    deps.metrics.count('AffectedPassengers', affected);
    deps.log.info('event accepted', { event_id: inbound.event_id, detail_type: entry.detailType });
    return {
      ...coordinates,
      outcome: 'ACCEPTED',
      event_id: inbound.event_id,
      detail_type: entry.detailType,
    };
  } catch (error) {
    if (!(error instanceof RejectedRecordError)) throw error;
    // A record too broken to name its flight is still listed under the flight its key names.
    const keyFlight = record.key ? Buffer.from(record.key, 'base64').toString('utf8') : undefined;
    await deadLetter(error, { raw, size: bytes.length, receivedAt, coordinates, keyFlight }, deps);
    return {
      ...coordinates,
      outcome: 'REJECTED',
      reason: error.message,
      ...(error.event?.event_id ? { event_id: error.event.event_id } : {}),
    };
  }
}

/** Everything that can be judged from the record alone: bytes, shape, schema and age. */
function admit(bytes: Uint8Array, raw: string, now: string, deps: IngestDeps): InboundEvent {
  if (bytes.length === 0) throw new RejectedRecordError('empty record (no value)');
  const shape = recordShapeProblem(raw, bytes.length);
  if (shape) throw new RejectedRecordError(shape);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new RejectedRecordError('invalid UTF-8 in the record value');
  }
  const parsed = parseInboundRecord(raw);
  if (!parsed.ok) throw new RejectedRecordError(parsed.reason, parsed.identity);
  const age = eventAgeProblem(parsed.event.timestamp, now, deps.maxEventAgeHours);
  if (age) throw new RejectedRecordError(age, identity(parsed.event));
  return parsed.event;
}

/** Moves the flight's order to this event, or says why it is stale or suppressed. */
async function placeInOrder(inbound: InboundEvent, events: EventLog): Promise<OrderVerdict> {
  for (let attempt = 0; attempt < ORDER_ATTEMPTS; attempt++) {
    const order = await events.flightOrder(inbound.payload.flight_id);
    const verdict = judgeOrder(inbound, order);
    if (verdict.verdict !== 'advance' || order?.last_event_id === inbound.event_id) return verdict;
    if (await events.advanceFlightOrder(inbound.payload.flight_id, verdict.next, order))
      return verdict;
  }
  throw new Error(`flight ${inbound.payload.flight_id}: order contended, retrying the batch`);
}

async function duplicate(
  inbound: InboundEvent,
  receivedAt: string,
  coordinates: KafkaCoordinates,
  deps: IngestDeps,
): Promise<RecordOutcome> {
  deps.log.info('duplicate event ignored', { event_id: inbound.event_id, ...coordinates });
  await deps.events.recordOutcome({
    ...identity(inbound),
    outcome: 'DUPLICATE',
    reason: `event ${inbound.event_id} was already processed`,
    received_at: receivedAt,
    kafka: coordinates,
  });
  return { ...coordinates, outcome: 'DUPLICATE', event_id: inbound.event_id };
}

/**
 * Writes the dead-letter entry: with a truncated copy and the size first, then with the reason
 * alone; if even that fails the record is logged and counted and the batch goes on, so one
 * record can never stall a partition.
 */
async function deadLetter(
  error: RejectedRecordError,
  record: {
    raw: string;
    size: number;
    receivedAt: string;
    coordinates: KafkaCoordinates;
    keyFlight: string | undefined;
  },
  deps: IngestDeps,
): Promise<void> {
  // What was read of a hostile record may itself be hostile: keep key fields short.
  const known = Object.fromEntries(
    Object.entries({
      ...(record.keyFlight ? { flight_id: record.keyFlight } : {}),
      ...error.event,
    }).map(([k, v]) => [k, String(v).slice(0, 128)]),
  );
  const entry = {
    ...known,
    outcome: 'REJECTED' as const,
    reason: error.message.slice(0, 1000),
    received_at: record.receivedAt,
    kafka: record.coordinates,
  };
  deps.metrics.count('EventsRejected');
  deps.log.warn('event rejected', { reason: entry.reason, ...record.coordinates });
  try {
    await deps.events.recordOutcome({
      ...entry,
      raw: record.raw.slice(0, DEAD_LETTER_COPY_CHARS),
      raw_bytes: record.size,
    });
    return;
  } catch (first) {
    deps.log.warn('dead-letter entry with copy failed', { error: String(first) });
  }
  try {
    await deps.events.recordOutcome({ ...entry, raw_bytes: record.size });
  } catch (second) {
    deps.metrics.count('DeadLetterWriteFailed');
    deps.log.error('dead-letter entry failed; record skipped', {
      ...record.coordinates,
      reason: entry.reason,
      error: String(second),
    });
  }
}

function identity(event: InboundEvent) {
  return {
    event_id: event.event_id,
    flight_id: event.payload.flight_id,
    event_type: event.event_type,
  };
}

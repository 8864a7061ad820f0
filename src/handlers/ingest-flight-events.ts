import pLimit from 'p-limit';
import { enrichEvent } from '../domain/disruptions/enrich-event.ts';
import type { InboundEvent } from '../domain/disruptions/inbound-events.ts';
import {
  type EventVerdict,
  judgeFlightEvents,
  type StoredFlightOrder,
} from '../domain/disruptions/judge-flight-events.ts';
import type { BusEntry } from '../domain/event-routing/bus-events.ts';
import type { Flight } from '../domain/records/flight.ts';
import { type KafkaEvent, KafkaEventSchema } from '../event-sources/kafka-event.ts';
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
  OrderCommit,
  RunLedger,
  SettledEvent,
} from '../ports.ts';
import {
  admit,
  deadLetter,
  identity,
  type ReadRecord,
  RejectedRecordError,
  type Rejection,
  readRecord,
} from './ingest-records.ts';

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

/** Optimistic attempts at moving the batch's flight orders before the batch is retried. */
const ORDER_ATTEMPTS = 8;
/** Booking counts of flights stored without one (a Query each) in flight at once. */
const CONCURRENT_COUNTS = 100;

/** A record that passed every check of its own, in batch order. */
interface Candidate {
  index: number;
  record: ReadRecord;
  event: InboundEvent;
}

/**
 * The Kafka ingest function, batch by batch: every record is judged on its own (shape, schema,
 * age), then the batch's flights, flight orders and earlier outcomes are read in a few
 * BatchGetItem calls, each flight's events are judged in record order against its order, the
 * orders are moved with conditional writes (gathered into transactions), the
 * workflow runs are recorded, and only then the events' outcomes (BatchWriteItem) and one
 * PutEvents-sized publish. A store or bus failure throws so the whole batch is retried (every
 * step is idempotent); a bad record is dead-lettered with its own reason.
 */
export function createIngestHandler(deps: IngestDeps) {
  return async (event: KafkaEvent): Promise<{ outcomes: RecordOutcome[] }> => {
    const { records } = KafkaEventSchema.parse(event);
    return { outcomes: await ingestBatch(Object.values(records).flat().map(readRecord), deps) };
  };
}

async function ingestBatch(records: ReadRecord[], deps: IngestDeps): Promise<RecordOutcome[]> {
  const receivedAt = deps.clock.now();
  const outcomes: RecordOutcome[] = new Array(records.length);
  const rejections: Rejection[] = [];
  const candidates: Candidate[] = [];
  records.forEach((record, index) => {
    try {
      candidates.push({ index, record, event: admit(record, receivedAt, deps.maxEventAgeHours) });
    } catch (error) {
      if (!(error instanceof RejectedRecordError)) throw error;
      rejections.push({ record, error });
    }
  });
  const { fresh, duplicates, kept } = await sortOut(candidates, rejections, deps);
  // A flight with a kept booking count needs no read of its own; one without is counted (a
  // Query) beside the order writes.
  const [verdicts, counts] = await Promise.all([
    judge(fresh, deps),
    countBookings(fresh.candidates, kept, deps),
  ]);
  const settled = await recordRuns(fresh, { verdicts, counts }, receivedAt, deps);
  await Promise.all([
    deps.events.settleEvents(settled.map((s) => s.settled)),
    recordDuplicates(duplicates, receivedAt, deps),
    deadLetter(rejections, receivedAt, deps),
  ]);
  const entries = settled.flatMap((s) => (s.entry ? [s.entry] : []));
  if (entries.length > 0) await deps.publisher.publish(entries);
  const at = new Map(records.map((record, index) => [record, index]));
  for (const r of rejections) outcomes[at.get(r.record) as number] = rejectedOutcome(r);
  for (const d of duplicates) outcomes[d.index] = duplicateOutcome(d, deps);
  for (const s of settled) outcomes[s.index] = settledOutcome(s, deps);
  return outcomes;
}

/**
 * Reads the batch's flights and what the store knows of its events; a record for an unknown
 * flight is rejected, an event already settled (or earlier in this batch) is a duplicate.
 */
async function sortOut(candidates: Candidate[], rejections: Rejection[], deps: IngestDeps) {
  const flightIds = [...new Set(candidates.map((c) => c.event.payload.flight_id))];
  const eventIds = [...new Set(candidates.map((c) => c.event.event_id))];
  const [flights, state, kept] = await Promise.all([
    flightIds.length > 0 ? deps.flights.getFlights(flightIds) : [],
    deps.events.ingestState(flightIds, eventIds),
    flightIds.length > 0 ? deps.flights.keptBookingCounts(flightIds) : new Map<string, number>(),
  ]);
  const known = new Map(flights.map((f) => [f.flight_id, f]));
  const seen = new Set<string>();
  const fresh: Array<Candidate & { flight: Flight }> = [];
  const duplicates: Candidate[] = [];
  for (const candidate of candidates) {
    const { event } = candidate;
    const flight = known.get(event.payload.flight_id);
    if (!flight) {
      const reason = `unknown flight ${event.payload.flight_id}`;
      rejections.push({
        record: candidate.record,
        error: new RejectedRecordError(reason, identity(event)),
      });
      continue;
    }
    if (state.settled.has(event.event_id) || seen.has(event.event_id)) duplicates.push(candidate);
    else fresh.push({ ...candidate, flight });
    seen.add(event.event_id);
  }
  return { fresh: { candidates: fresh, orders: state.orders }, duplicates, kept };
}

type Fresh = Awaited<ReturnType<typeof sortOut>>['fresh'];

/**
 * Each flight's events, in record order, judged against its order; the moved orders are written
 * only if no one moved them since they were read, else those flights are read and judged again.
 * Returns every fresh event's verdict.
 */
async function judge({ candidates, orders }: Fresh, deps: IngestDeps) {
  const byFlight = Map.groupBy(candidates, (c) => c.event.payload.flight_id);
  const verdicts = new Map<string, EventVerdict>();
  let stored: Map<string, StoredFlightOrder> = orders;
  let pending = [...byFlight.keys()];
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === ORDER_ATTEMPTS)
      throw new Error(`flights ${pending.join(', ')}: order contended, retrying the batch`);
    if (attempt > 0) stored = (await deps.events.ingestState(pending, [])).orders;
    const commits: OrderCommit[] = [];
    for (const flightId of pending) {
      const events = (byFlight.get(flightId) ?? []).map((c) => c.event);
      const judged = judgeFlightEvents(events, stored.get(flightId));
      for (const [i, e] of events.entries())
        verdicts.set(e.event_id, judged.verdicts[i] as EventVerdict);
      if (judged.commit)
        commits.push({ flightId, next: judged.commit, previous: stored.get(flightId) });
    }
    pending = commits.length > 0 ? await deps.events.commitOrders(commits) : [];
  }
  return verdicts;
}

interface Settled {
  index: number;
  settled: SettledEvent;
  entry: BusEntry | undefined;
}

/** The flights' booking counts (the bus event carries them): kept, or a Query each where not. */
async function countBookings(
  candidates: Fresh['candidates'],
  kept: Map<string, number>,
  deps: IngestDeps,
) {
  const limit = pLimit(CONCURRENT_COUNTS);
  const uncounted = [...new Set(candidates.map((c) => c.flight.flight_id))].filter(
    (id) => !kept.has(id),
  );
  const counted = await Promise.all(
    uncounted.map((id) =>
      limit(async () => [id, await deps.flights.countFlightBookings(id)] as const),
    ),
  );
  return new Map([...kept, ...counted]);
}

/**
 * The accepted events enriched and their workflow runs recorded: a run is on record before its
 * event counts as ACCEPTED; resume re-drives it after a crash.
 */
async function recordRuns(
  { candidates }: Fresh,
  { verdicts, counts }: { verdicts: Map<string, EventVerdict>; counts: Map<string, number> },
  receivedAt: string,
  deps: IngestDeps,
): Promise<Settled[]> {
  const settled = candidates.map((c): Settled => {
    const verdict = verdicts.get(c.event.event_id) as EventVerdict;
    const base = { event: c.event, received_at: receivedAt, kafka: c.record.coordinates };
    if (verdict.verdict !== 'advance') {
      const outcome = verdict.verdict === 'stale' ? 'STALE' : 'SUPPRESSED';
      return {
        index: c.index,
        settled: { ...base, outcome, reason: verdict.reason },
        entry: undefined,
      };
    }
    const entry = enrichEvent(c.event, c.flight, counts.get(c.flight.flight_id) ?? 0);
    const settled = { ...base, outcome: 'ACCEPTED' as const, detail_type: entry.detailType };
    return { index: c.index, settled, entry };
  });
  const runs = settled.flatMap((s) =>
    s.entry
      ? [{ event_id: s.settled.event.event_id, entry: s.entry, recorded_at: receivedAt }]
      : [],
  );
  if (runs.length > 0) await deps.runs.recordPending(runs);
  return settled;
}

async function recordDuplicates(duplicates: Candidate[], receivedAt: string, deps: IngestDeps) {
  if (duplicates.length === 0) return;
  await deps.events.recordOutcomes(
    duplicates.map(({ event, record }) => ({
      ...identity(event),
      outcome: 'DUPLICATE' as const,
      reason: `event ${event.event_id} was already processed`,
      received_at: receivedAt,
      kafka: record.coordinates,
    })),
  );
}

function rejectedOutcome({ record, error }: Rejection): RecordOutcome {
  return {
    ...record.coordinates,
    outcome: 'REJECTED',
    reason: error.message,
    ...(error.event?.event_id ? { event_id: error.event.event_id } : {}),
  };
}

function duplicateOutcome({ event, record }: Candidate, deps: IngestDeps): RecordOutcome {
  deps.log.info('duplicate event ignored', { event_id: event.event_id, ...record.coordinates });
  return { ...record.coordinates, outcome: 'DUPLICATE', event_id: event.event_id };
}

function settledOutcome({ settled, entry }: Settled, deps: IngestDeps): RecordOutcome {
  const { event, outcome, reason, kafka } = settled;
  if (!entry) {
    deps.log.info('event not applied', { event_id: event.event_id, reason });
    return { ...kafka, outcome, event_id: event.event_id, ...(reason ? { reason } : {}) };
  }
  deps.metrics.count(PROCESSED_METRIC[event.event_type]);
  deps.metrics.count('AffectedPassengers', entry.detail.affected_passengers_count as number);
  deps.log.info('event accepted', { event_id: event.event_id, detail_type: entry.detailType });
  return { ...kafka, outcome, event_id: event.event_id, detail_type: entry.detailType };
}

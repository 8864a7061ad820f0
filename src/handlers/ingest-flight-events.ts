import { enrichEvent } from '../domain/disruptions/enrich-event.ts';
import type { InboundEvent } from '../domain/disruptions/inbound-events.ts';
import { parseInboundRecord } from '../domain/disruptions/parse-inbound-record.ts';
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
} from '../ports.ts';

export interface IngestDeps {
  flights: FlightStore;
  events: EventLog;
  publisher: EventPublisher;
  clock: Clock;
  metrics: MetricsRecorder;
  log: Log;
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

/** A record that cannot be processed; it goes to the dead-letter record, never stops the batch. */
class RejectedRecordError extends Error {
  override name = 'RejectedRecordError';
  readonly event: { event_id?: string; flight_id?: string; event_type?: string } | undefined;

  constructor(
    message: string,
    event?: { event_id?: string; flight_id?: string; event_type?: string },
  ) {
    super(message);
    this.event = event;
  }
}

/**
 * The Kafka ingest function: validates each record, de-duplicates by event_id, enriches it from
 * the store, categorises it and publishes the internal event. Records of one partition are
 * handled in order; a store or bus failure throws so the whole batch is retried, while a bad
 * record is dead-lettered with its reason.
 */
export function createIngestHandler(deps: IngestDeps) {
  return async (event: KafkaEvent): Promise<{ outcomes: RecordOutcome[] }> => {
    const { records } = KafkaEventSchema.parse(event);
    const perPartition = await Promise.all(
      Object.values(records).map(async (partition) => {
        const outcomes: RecordOutcome[] = [];
        for (const record of partition) outcomes.push(await ingestRecord(record, deps));
        return outcomes;
      }),
    );
    return { outcomes: perPartition.flat() };
  };
}

async function ingestRecord(record: KafkaRecord, deps: IngestDeps): Promise<RecordOutcome> {
  const coordinates: KafkaCoordinates = {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
  };
  const receivedAt = deps.clock.now();
  const raw = record.value === null ? '' : Buffer.from(record.value, 'base64').toString('utf8');
  try {
    const inbound = parseInbound(raw);
    const flight = await deps.flights.getFlight(inbound.payload.flight_id);
    if (!flight)
      throw new RejectedRecordError(
        `unknown flight ${inbound.payload.flight_id}`,
        identity(inbound),
      );
    const claim = await deps.events.claim(inbound, receivedAt, coordinates);
    if (claim === 'duplicate') {
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
    const affected = await deps.flights.countFlightBookings(flight.flight_id);
    const entry = enrichEvent(inbound, flight, affected);
    await deps.publisher.publish([entry]);
    await deps.events.markPublished(inbound.event_id, entry.detailType);
    deps.metrics.count(PROCESSED_METRIC[inbound.event_type]);
    deps.metrics.count('AffectedPassengers', affected);
    deps.log.info('event published', {
      event_id: inbound.event_id,
      detail_type: entry.detailType,
      affected,
    });
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
    await deps.events.recordOutcome({
      ...(keyFlight ? { flight_id: keyFlight } : {}),
      ...error.event,
      outcome: 'REJECTED',
      reason: error.message,
      received_at: receivedAt,
      kafka: coordinates,
      raw: raw.slice(0, 4096),
    });
    deps.metrics.count('EventsRejected');
    deps.log.warn('event rejected', { reason: error.message, ...coordinates });
    return {
      ...coordinates,
      outcome: 'REJECTED',
      reason: error.message,
      ...(error.event?.event_id ? { event_id: error.event.event_id } : {}),
    };
  }
}

function identity(event: InboundEvent) {
  return {
    event_id: event.event_id,
    flight_id: event.payload.flight_id,
    event_type: event.event_type,
  };
}

/** Parses one record's value, turning a rejection into the error the batch loop dead-letters. */
function parseInbound(raw: string): InboundEvent {
  const parsed = parseInboundRecord(raw);
  if (!parsed.ok) throw new RejectedRecordError(parsed.reason, parsed.identity);
  return parsed.event;
}

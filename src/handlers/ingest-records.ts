// One Kafka record on its way into ingest: what can be judged from the record alone, and the
// dead-letter entry of a record that cannot be used.
import { eventAgeProblem } from '../domain/disruptions/event-age.ts';
import type { InboundEvent } from '../domain/disruptions/inbound-events.ts';
import {
  parseInboundRecord,
  type RecordIdentity,
} from '../domain/disruptions/parse-inbound-record.ts';
import { recordShapeProblem } from '../domain/disruptions/record-shape.ts';
import type { KafkaRecord } from '../event-sources/kafka-event.ts';
import type { EventLog, EventLogEntry, KafkaCoordinates, Log, MetricsRecorder } from '../ports.ts';

/** How much of a rejected record the dead-letter entry keeps. */
const DEAD_LETTER_COPY_CHARS = 4096;

/** A record that cannot be processed; it goes to the dead-letter record, never stops the batch. */
export class RejectedRecordError extends Error {
  override name = 'RejectedRecordError';
  readonly event: RecordIdentity | undefined;

  constructor(message: string, event?: RecordIdentity) {
    super(message);
    this.event = event;
  }
}

/** A record as read from the batch: its place in Kafka and its value. */
export interface ReadRecord {
  coordinates: KafkaCoordinates;
  bytes: Uint8Array;
  raw: string;
  /** The flight the record's key names (a record too broken to name its own is listed there). */
  keyFlight: string | undefined;
}

export function readRecord(record: KafkaRecord): ReadRecord {
  const bytes = record.value === null ? new Uint8Array() : Buffer.from(record.value, 'base64');
  return {
    coordinates: {
      topic: record.topic,
      partition: record.partition,
      offset: String(record.offset),
    },
    bytes,
    raw: new TextDecoder('utf-8', { fatal: false }).decode(bytes),
    keyFlight: record.key ? Buffer.from(record.key, 'base64').toString('utf8') : undefined,
  };
}

/** Everything that can be judged from the record alone: bytes, shape, schema and age. */
export function admit(record: ReadRecord, now: string, maxAgeHours?: number): InboundEvent {
  const { bytes, raw } = record;
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
  const age = eventAgeProblem(parsed.event.timestamp, now, maxAgeHours);
  if (age) throw new RejectedRecordError(age, identity(parsed.event));
  return parsed.event;
}

export function identity(event: InboundEvent) {
  return {
    event_id: event.event_id,
    flight_id: event.payload.flight_id,
    event_type: event.event_type,
  };
}

export interface Rejection {
  record: ReadRecord;
  error: RejectedRecordError;
}

interface DeadLetterDeps {
  events: EventLog;
  metrics: MetricsRecorder;
  log: Log;
}

/**
 * Writes the batch's dead-letter entries together (BatchWriteItem), each with a truncated copy
 * of its record and the size. A refused batch (one hostile record can make a whole call invalid)
 * falls back to one record at a time: with the copy first, then with the reason alone; if even
 * that fails the record is logged and counted and the batch goes on, so one record can never
 * stall a partition.
 */
export async function deadLetter(
  rejections: Rejection[],
  receivedAt: string,
  deps: DeadLetterDeps,
): Promise<void> {
  if (rejections.length === 0) return;
  const entries = rejections.map((r) => deadLetterEntry(r, receivedAt));
  for (const entry of entries) {
    deps.metrics.count('EventsRejected');
    deps.log.warn('event rejected', { reason: entry.reason, ...entry.kafka });
  }
  const withCopy = (entry: EventLogEntry, r: Rejection): EventLogEntry => ({
    ...entry,
    raw: r.record.raw.slice(0, DEAD_LETTER_COPY_CHARS),
    raw_bytes: r.record.bytes.length,
  });
  try {
    await deps.events.recordOutcomes(
      entries.map((e, i) => withCopy(e, rejections[i] as Rejection)),
    );
    return;
  } catch (error) {
    deps.log.warn('dead-letter batch failed; writing its entries one by one', {
      error: String(error),
    });
  }
  for (const [i, entry] of entries.entries()) {
    const r = rejections[i] as Rejection;
    await deadLetterOne([withCopy(entry, r), { ...entry, raw_bytes: r.record.bytes.length }], deps);
  }
}

/** Tries each form of one entry in turn until one is written. */
async function deadLetterOne(forms: EventLogEntry[], deps: DeadLetterDeps): Promise<void> {
  let last: unknown;
  for (const form of forms) {
    try {
      await deps.events.recordOutcome(form);
      return;
    } catch (error) {
      last = error;
      deps.log.warn('dead-letter entry failed', { error: String(error) });
    }
  }
  const entry = forms.at(-1) as EventLogEntry;
  deps.metrics.count('DeadLetterWriteFailed');
  deps.log.error('dead-letter entry failed; record skipped', {
    ...entry.kafka,
    reason: entry.reason,
    error: String(last),
  });
}

function deadLetterEntry({ record, error }: Rejection, receivedAt: string): EventLogEntry {
  // What was read of a hostile record may itself be hostile: keep key fields short.
  const known = Object.fromEntries(
    Object.entries({
      ...(record.keyFlight ? { flight_id: record.keyFlight } : {}),
      ...error.event,
    }).map(([k, v]) => [k, String(v).slice(0, 128)]),
  );
  return {
    ...known,
    outcome: 'REJECTED' as const,
    reason: error.message.slice(0, 1000),
    received_at: receivedAt,
    kafka: record.coordinates,
  };
}

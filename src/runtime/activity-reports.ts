import type { BusEvent } from '../adapters/local/eventbridge/local-bus.ts';
import type { ExecutionRecord } from '../adapters/local/step-functions/local-executor.ts';
import type { RecordOutcome } from '../handlers/ingest-flight-events.ts';
import type { ActivityHub } from './activity-hub.ts';

/** An ingested record: accepted, duplicate, or rejected with its reason. */
export function reportOutcome(hub: ActivityHub, outcome: RecordOutcome, at: string): void {
  hub.publish({
    kind: 'event',
    at,
    outcome: outcome.outcome,
    partition: outcome.partition,
    offset: outcome.offset,
    ...(outcome.event_id ? { event_id: outcome.event_id } : {}),
    ...(outcome.detail_type ? { detail_type: outcome.detail_type } : {}),
    ...(outcome.reason ? { reason: outcome.reason } : {}),
  });
}

/** A workflow run, as it starts, steps and ends. */
export function reportWorkflow(hub: ActivityHub, record: ExecutionRecord, at: string): void {
  const flightId = (
    (record.input as BusEvent | undefined)?.detail as { flight_id?: string } | undefined
  )?.flight_id;
  hub.publish({
    kind: 'workflow',
    at,
    execution_name: record.execution_name,
    state_machine: record.state_machine,
    status: record.status,
    steps: record.steps.map(({ name, entered, failed }) => ({ name, entered, failed })),
    ...(flightId ? { flight_id: flightId } : {}),
    ...(record.duration_ms !== undefined ? { duration_ms: record.duration_ms } : {}),
  });
}

/** Notifications and flight changes seen on the bus. */
export function reportBusEvent(hub: ActivityHub, event: BusEvent): void {
  const d = event.detail as Record<string, string | undefined>;
  if (event['detail-type'].startsWith('notification.')) {
    hub.publish({
      kind: 'notification',
      at: event.time,
      channel: String(d.channel),
      flight_id: String(d.flight_id),
      booking_id: String(d.booking_id),
      passenger_id: String(d.passenger_id),
      priority: String(d.priority),
      ...(d.subject ? { subject: d.subject } : {}),
    });
  } else if (event['detail-type'] === 'flight.status_changed') {
    hub.publish({
      kind: 'flight',
      at: event.time,
      flight_id: String(d.flight_id),
      ...(d.new_status ? { status: d.new_status } : {}),
    });
  }
}

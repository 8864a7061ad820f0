import { type Disruption, disruptionFrom } from '../../src/domain/disruptions/disruption.ts';
import { enrichEvent } from '../../src/domain/disruptions/enrich-event.ts';
import type { InboundEvent } from '../../src/domain/disruptions/inbound-events.ts';
import type { Flight } from '../../src/domain/records/flight.ts';
import { loadSampleData } from '../../src/runtime/sample-data.ts';
import { buildEvent, type ProduceOptions } from '../../src/simulator/build-event.ts';

/** Fixtures come from the same sample data `flightpulse seed` loads. */
export const sample = loadSampleData();

export function flight(id: string): Flight {
  const found = sample.flights.find((f) => f.flight_id === id);
  if (!found) throw new Error(`no sample flight ${id}`);
  return found;
}

export function passenger(id: string) {
  const found = sample.passengers.find((p) => p.passenger_id === id);
  if (!found) throw new Error(`no sample passenger ${id}`);
  return found;
}

export function booking(id: string) {
  const found = sample.bookings.find((b) => b.booking_id === id);
  if (!found) throw new Error(`no sample booking ${id}`);
  return found;
}

let counter = 0;
export function inboundEvent(
  options: ProduceOptions,
  timestamp = '2025-01-15T12:00:00Z',
): InboundEvent {
  counter++;
  const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  return buildEvent(
    options,
    sample.flights.find((f) => f.flight_id === options.flightId),
    id,
    timestamp,
  ) as InboundEvent;
}

const KIND = {
  FLIGHT_DELAY: 'DELAY',
  FLIGHT_CANCELLED: 'CANCELLATION',
  GATE_CHANGE: 'GATE_CHANGE',
} as const;

/** The disruption a workflow would see for this event on this sample flight. */
export function disruption(options: ProduceOptions): Disruption {
  const event = inboundEvent(options);
  const entry = enrichEvent(event, flight(options.flightId), 4);
  return disruptionFrom(KIND[event.event_type], entry.detail);
}

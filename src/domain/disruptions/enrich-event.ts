import {
  type BusEntry,
  DETAIL_TYPES,
  EVENT_SOURCES,
  type FlightDetails,
} from '../event-routing/bus-events.ts';
import type { Flight } from '../records/flight.ts';
import { toUtc } from '../records/local-time.ts';
import { categorizeDelay, delayDetailType } from './categorize-delay.ts';
import type { InboundEvent } from './inbound-events.ts';

function flightDetails(flight: Flight): FlightDetails {
  return {
    origin: flight.origin,
    destination: flight.destination,
    original_departure: flight.scheduled_departure,
    original_arrival: flight.scheduled_arrival,
    gate: flight.gate,
  };
}

/**
 * Turns a validated operations event into the internal bus event: categorised, with the
 * flight's details and the number of passengers it affects.
 *
 * @example
 * enrichEvent(delayEvent, flight, 4).detailType; // 'flight.delay.minor' for 25 minutes
 */
export function enrichEvent(
  event: InboundEvent,
  flight: Flight,
  affectedPassengers: number,
): BusEntry {
  const common = {
    event_id: event.event_id,
    flight_id: event.payload.flight_id,
    affected_passengers_count: affectedPassengers,
    flight_details: flightDetails(flight),
    // UTC, so the workflows' "newer event wins" conditions can compare times as strings.
    timestamp: toUtc(event.timestamp),
  };
  switch (event.event_type) {
    case 'FLIGHT_DELAY': {
      const category = categorizeDelay(event.payload.delay_minutes);
      return {
        source: EVENT_SOURCES.ingest,
        detailType: delayDetailType(category),
        detail: {
          ...common,
          delay_minutes: event.payload.delay_minutes,
          delay_category: category,
          reason: event.payload.reason,
          reason_detail: event.payload.reason_detail,
          new_departure: event.payload.new_departure,
          new_arrival: event.payload.new_arrival,
          ...(event.payload.reinstated === true ? { reinstated: true } : {}),
        },
      };
    }
    case 'FLIGHT_CANCELLED':
      return {
        source: EVENT_SOURCES.ingest,
        detailType: DETAIL_TYPES.cancelled,
        detail: {
          ...common,
          reason: event.payload.reason,
          reason_detail: event.payload.reason_detail,
          rebooking_priority: event.payload.rebooking_priority,
        },
      };
    case 'GATE_CHANGE':
      return {
        source: EVENT_SOURCES.ingest,
        detailType: DETAIL_TYPES.gateChange,
        detail: {
          ...common,
          old_gate: event.payload.old_gate,
          new_gate: event.payload.new_gate,
          terminal_change: event.payload.terminal_change,
        },
      };
  }
}

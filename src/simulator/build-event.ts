import type { Flight } from '../domain/records/flight.ts';
import { shiftLocalTime } from '../domain/records/local-time.ts';

/** What `flightpulse produce` takes, in the seed producer's words. */
export interface ProduceOptions {
  eventType: 'FLIGHT_DELAY' | 'FLIGHT_CANCELLED' | 'GATE_CHANGE';
  flightId: string;
  delayMinutes?: number;
  reason?: string;
  reasonDetail?: string;
  rebookingPriority?: 'HIGH' | 'NORMAL' | 'LOW';
  oldGate?: string;
  newGate?: string;
  terminalChange?: boolean;
}

const DEFAULT_DETAIL: Record<string, string> = {
  WEATHER: 'Thunderstorms in the departure area',
  MECHANICAL: 'Aircraft maintenance check required',
  CREW: 'Crew connection delayed',
  ATC: 'Air traffic control ground delay program',
  SECURITY: 'Additional security screening',
  OTHER: 'Operational adjustment',
};

/**
 * Builds an inbound operations event as the operations center would send it. New departure and
 * arrival times are the flight's scheduled times plus the delay, in the airports' local time.
 */
export function buildEvent(
  options: ProduceOptions,
  flight: Flight | undefined,
  eventId: string,
  timestamp: string,
): Record<string, unknown> {
  const base = { event_id: eventId, event_type: options.eventType, timestamp };
  switch (options.eventType) {
    case 'FLIGHT_DELAY': {
      const minutes = options.delayMinutes ?? 30;
      const reason = options.reason ?? 'WEATHER';
      // An unknown flight still gets an event (ingest will dead-letter it); its times count from now.
      const departure = flight?.scheduled_departure ?? timestamp;
      const arrival = flight?.scheduled_arrival ?? timestamp;
      return {
        ...base,
        source: 'operations_center',
        payload: {
          flight_id: options.flightId,
          delay_minutes: minutes,
          reason,
          reason_detail: options.reasonDetail ?? DEFAULT_DETAIL[reason] ?? '',
          new_departure: shiftLocalTime(departure, minutes),
          new_arrival: shiftLocalTime(arrival, minutes),
        },
      };
    }
    case 'FLIGHT_CANCELLED': {
      const reason = options.reason ?? 'WEATHER';
      return {
        ...base,
        source: 'operations_center',
        payload: {
          flight_id: options.flightId,
          reason,
          reason_detail: options.reasonDetail ?? DEFAULT_DETAIL[reason] ?? '',
          rebooking_priority: options.rebookingPriority ?? 'HIGH',
        },
      };
    }
    case 'GATE_CHANGE':
      return {
        ...base,
        source: 'airport_ops',
        payload: {
          flight_id: options.flightId,
          old_gate: options.oldGate ?? flight?.gate ?? '',
          new_gate: options.newGate ?? '',
          terminal_change: options.terminalChange ?? false,
        },
      };
  }
}

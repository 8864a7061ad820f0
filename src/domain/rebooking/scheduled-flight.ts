import type { Flight } from '../records/flight.ts';
import type { ScheduledFlight } from './rebooking-types.ts';

/** The flight as rebooking sees it, with its new times when delayed (no seats: none to offer). */
export function scheduledFlight(flight: Flight): ScheduledFlight {
  return {
    flight_id: flight.flight_id,
    origin: flight.origin,
    destination: flight.destination,
    departure: flight.estimated_departure ?? flight.scheduled_departure,
    arrival: flight.estimated_arrival ?? flight.scheduled_arrival,
    status: flight.status,
    // Already checked as the flight was read (FlightSchema): not parsed again per search.
    seats: flight.seats ?? {},
  };
}

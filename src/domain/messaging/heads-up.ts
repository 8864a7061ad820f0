import type { Booking } from '../records/booking.ts';
import type { Flight } from '../records/flight.ts';
import type { Passenger } from '../records/passenger.ts';
import { type FilledMessage, fillMessage } from './fill-message.ts';
import { localTime } from './local-clock.ts';
import { assistanceRequests } from './message-segment.ts';
import { headsUpTemplate, type Placeholder } from './message-templates.ts';
import { languagePack } from './templates/language-packs.ts';

/** The facts of a weather heads-up, in the passenger's language and the airport's local time. */
export function headsUpValues(
  passenger: Passenger,
  booking: Booking,
  flight: Flight,
  airport: string,
): Partial<Record<Placeholder, string>> {
  const pack = languagePack(passenger.language);
  const requests = assistanceRequests(booking.special_requests);
  return {
    ...(requests.length > 0
      ? { special_assistance: requests.map((r) => pack.requestWords[r]).join(` ${pack.and} `) }
      : {}),
    first_name: passenger.first_name,
    flight_id: flight.flight_id,
    origin: flight.origin,
    destination: flight.destination,
    airport,
    original_departure_time: localTime(flight.scheduled_departure, flight.origin, pack),
    confirmation_number: booking.confirmation_number,
  };
}

/**
 * The heads-up a passenger reads when the weather ahead may affect their flight: in their
 * language, with their tier, the departure in the airport's local time, and no promise.
 */
export function headsUpMessage(
  passenger: Passenger,
  booking: Booking,
  flight: Flight,
  airport: string,
): FilledMessage {
  return fillMessage(
    headsUpTemplate(
      passenger.language,
      passenger.tier,
      assistanceRequests(booking.special_requests).length > 0,
    ),
    headsUpValues(passenger, booking, flight, airport),
  );
}

import type { Channel, NotificationDetail } from '../event-routing/bus-events.ts';
import { notificationId } from '../notifications/plan-deliveries.ts';
import type { Booking } from '../records/booking.ts';
import type { Flight } from '../records/flight.ts';
import type { Passenger } from '../records/passenger.ts';
import type { FlightWeather } from './flight-weather-record.ts';

/** One heads-up per flight and assessment day: a second HIGH the same day tells no one twice. */
export function headsUpId(flight: Flight, weather: FlightWeather): string {
  return `weather-heads-up:${flight.flight_id}:${weather.assessed_at.slice(0, 10)}`;
}

const TOLD = new Set(['CONFIRMED', 'CHECKED_IN']);

function airportAtRisk(flight: Flight, weather: FlightWeather): string {
  return weather.departure.risk === 'HIGH' ? flight.origin : flight.destination;
}

/**
 * The heads-up a passenger gets when the weather watch sees a HIGH risk ahead: the flight is still
 * scheduled, the weather may change that, and FlightPulse will say so. It states no cause it cannot
 * see and promises nothing; times are the airport's local time as the flight record carries it.
 */
export function headsUpNotifications(
  flight: Flight,
  weather: FlightWeather,
  bookings: Booking[],
  passengers: Map<string, Passenger>,
  now: string,
): NotificationDetail[] {
  const eventId = headsUpId(flight, weather);
  const at = airportAtRisk(flight, weather);
  const departs = flight.scheduled_departure.slice(11, 16);
  const notifications: NotificationDetail[] = [];
  for (const booking of bookings) {
    const passenger = passengers.get(booking.passenger_id);
    if (!passenger || !TOLD.has(booking.booking_status)) continue;
    const base = (channel: Channel) => ({
      notification_id: notificationId(eventId, booking.booking_id, channel),
      event_id: eventId,
      flight_id: flight.flight_id,
      booking_id: booking.booking_id,
      passenger_id: passenger.passenger_id,
      message_type: 'WEATHER_HEADS_UP' as const,
      priority: 'NORMAL' as const,
      generated_by: 'TEMPLATE' as const,
      segment: 'WEATHER_HEADS_UP',
      created_at: now,
    });
    const prefs = passenger.notification_preferences;
    if (prefs.email) {
      notifications.push({
        ...base('EMAIL'),
        channel: 'EMAIL',
        recipient: passenger.email,
        subject: `Weather may affect flight ${flight.flight_id}`,
        body:
          `Hello ${passenger.first_name},\n\n` +
          `The weather forecast at ${at} may affect your flight ${flight.flight_id} ${flight.origin}-${flight.destination}, scheduled to depart at ${departs} local time. ` +
          'Your flight is still scheduled. We are watching the forecast and will tell you at once if anything changes.\n\n' +
          `Your confirmation number is ${booking.confirmation_number}.`,
      });
    }
    if (prefs.sms) {
      notifications.push({
        ...base('SMS'),
        channel: 'SMS',
        recipient: passenger.phone,
        body: `${passenger.first_name}, weather at ${at} may affect ${flight.flight_id} (dep ${departs}). It is still scheduled; we will text you if anything changes.`.slice(
          0,
          160,
        ),
      });
    }
  }
  return notifications;
}

import type { NotificationDetail } from '../event-routing/bus-events.ts';
import { headsUpMessage } from '../messaging/heads-up.ts';
import { notificationId, planDeliveries } from '../notifications/plan-deliveries.ts';
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
 * see and promises nothing. The words, language and local time are the messaging capability's
 * (`headsUpMessage`); the channels and their order are the delivery plan's.
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
  const notifications: NotificationDetail[] = [];
  for (const booking of bookings) {
    const passenger = passengers.get(booking.passenger_id);
    if (!passenger || !TOLD.has(booking.booking_status)) continue;
    const message = headsUpMessage(passenger, booking, flight, at);
    const plan = planDeliveries(
      passenger.notification_preferences,
      undefined,
      passenger.push_endpoints,
    );
    for (const { channel, priority } of plan.deliveries) {
      const base = {
        notification_id: notificationId(eventId, booking.booking_id, channel),
        event_id: eventId,
        flight_id: flight.flight_id,
        booking_id: booking.booking_id,
        passenger_id: passenger.passenger_id,
        message_type: 'WEATHER_HEADS_UP' as const,
        priority,
        generated_by: 'TEMPLATE' as const,
        segment: `WEATHER_HEADS_UP|${passenger.tier}|${passenger.language}`,
        created_at: now,
      };
      if (channel === 'EMAIL')
        notifications.push({
          ...base,
          channel,
          recipient: passenger.email,
          subject: message.email_subject,
          body: message.email_body,
        });
      else if (channel === 'SMS')
        notifications.push({
          ...base,
          channel,
          recipient: passenger.phone,
          body: message.sms_body,
        });
      else
        notifications.push({
          ...base,
          channel,
          // The device registered last.
          recipient: passenger.push_endpoints?.[0] ?? '',
          subject: message.email_subject,
          body: message.sms_body,
        });
    }
  }
  return notifications;
}

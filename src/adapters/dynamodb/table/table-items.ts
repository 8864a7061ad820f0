import type { Cabin } from '../../../domain/rebooking/cabin.ts';
import { type FlightSeats, freeSeats } from '../../../domain/rebooking/seat-inventory.ts';
import type { Booking } from '../../../domain/records/booking.ts';
import type { Flight } from '../../../domain/records/flight.ts';
import type { Passenger } from '../../../domain/records/passenger.ts';
import {
  DEFAULT_RETENTION,
  expiresAfterYears,
  type RetentionPolicy,
} from '../../../domain/records/retention.ts';
import { gsi1, gsi2, keys, TTL_ATTRIBUTE } from './table-keys.ts';

type Item = Record<string, unknown>;

/** Drops nulls: absent attributes keep conditions like attribute_not_exists meaningful. */
function present(record: Record<string, unknown>): Item {
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => v !== null && v !== undefined),
  );
}

export function flightItem(flight: Flight): Item {
  return present({
    ...keys.flight(flight.flight_id),
    ...gsi1.flightByStatus(flight.status, flight.scheduled_departure),
    ...flight,
    ...(flight.seats ? { seats: seatItems(flight.seats) } : {}),
  });
}

/** The kept count of a flight's booking lookup records (see `keys.flightBookingCount`). */
function bookingCountItem(flightId: string, count: number): Item {
  return { ...keys.flightBookingCount(flightId), flight_id: flightId, booking_count: count };
}

/**
 * An airline's records as table items: each flight and the count of its bookings (kept from then
 * on by the writes that add bookings), each passenger, and each booking with its lookup records.
 */
export function airlineItems(
  data: { flights: Flight[]; passengers: Passenger[]; bookings: Booking[] },
  retention: RetentionPolicy = DEFAULT_RETENTION,
): Item[] {
  const counts = new Map<string, number>();
  for (const b of data.bookings) counts.set(b.flight_id, (counts.get(b.flight_id) ?? 0) + 1);
  return [
    ...data.flights.flatMap((f) => [
      flightItem(f),
      bookingCountItem(f.flight_id, counts.get(f.flight_id) ?? 0),
    ]),
    ...data.passengers.map(passengerItem),
    ...data.bookings.flatMap((b) => bookingItems(b, retention)),
  ];
}

/**
 * Each cabin also stores `free` (capacity − booked − held): DynamoDB conditions cannot add, so
 * "room for n more" is the condition `free >= n` on the flight item, kept in step by every hold,
 * booking and release.
 */
export function seatItems(seats: FlightSeats): Item {
  return Object.fromEntries(
    Object.entries(seats).map(([cabin, s]) => [
      cabin,
      { ...s, free: freeSeats(seats, cabin as Cabin) },
    ]),
  );
}

export function passengerItem(passenger: Passenger): Item {
  return { ...keys.passenger(passenger.passenger_id), ...passenger };
}

/**
 * A booking and its two lookup records (flight → booking, passenger → booking), all three kept
 * for the booking retention period from the booking's creation.
 */
export function bookingItems(
  booking: Booking,
  retention: RetentionPolicy = DEFAULT_RETENTION,
): Item[] {
  const ttl = { [TTL_ATTRIBUTE]: expiresAfterYears(booking.created_at, retention.bookingYears) };
  return [
    {
      ...keys.booking(booking.booking_id),
      ...gsi2.bookingByStatus(booking.booking_status, booking.created_at),
      ...booking,
      ...ttl,
    },
    {
      ...keys.flightBooking(booking.flight_id, booking.booking_id),
      booking_id: booking.booking_id,
      passenger_id: booking.passenger_id,
      ...ttl,
    },
    {
      ...keys.passengerBooking(booking.passenger_id, booking.booking_id),
      booking_id: booking.booking_id,
      flight_id: booking.flight_id,
      ...ttl,
    },
  ];
}

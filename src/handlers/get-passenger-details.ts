import { z } from 'zod';
import type { Booking } from '../domain/records/booking.ts';
import type { Passenger } from '../domain/records/passenger.ts';
import type { BookingStore } from '../ports.ts';

const InputSchema = z.object({ booking_ids: z.array(z.string()).max(100) });

export interface Recipient {
  booking: Booking;
  passenger: Passenger;
}

/**
 * Workflow task: batch-reads a batch's bookings and their passengers. Bookings the passenger
 * cancelled are left out: nobody is told about a flight they no longer hold.
 */
export function createGetPassengerDetails(deps: { bookings: BookingStore }) {
  return async (input: unknown): Promise<{ recipients: Recipient[] }> => {
    const { booking_ids } = InputSchema.parse(input);
    const bookings = (await deps.bookings.getBookings(booking_ids)).filter(
      (b) => b.booking_status !== 'CANCELLED',
    );
    const passengers = await deps.bookings.getPassengers([
      ...new Set(bookings.map((b) => b.passenger_id)),
    ]);
    const byId = new Map(passengers.map((p) => [p.passenger_id, p]));
    const recipients: Recipient[] = [];
    for (const booking of bookings) {
      const passenger = byId.get(booking.passenger_id);
      if (passenger) recipients.push({ booking, passenger });
    }
    return { recipients };
  };
}

import { z } from 'zod';
import type { BookingStore } from '../ports.ts';
import type { Recipient } from './message-filling.ts';

const InputSchema = z.object({ booking_ids: z.array(z.string()).max(100) });

/** Who a batch tells, as workflow state carries it: ids only, never names or contact details. */
export const RecipientIdsSchema = z
  .array(z.object({ booking_id: z.string(), passenger_id: z.string() }))
  .max(100);
export type RecipientIds = z.infer<typeof RecipientIdsSchema>;

/**
 * The bookings of a batch with their passengers, read when a task needs them. Bookings the
 * passenger cancelled are left out (nobody is told about a flight they no longer hold), and so
 * are passengers erased meanwhile.
 */
export async function readRecipients(
  bookings: Pick<BookingStore, 'getBookings' | 'getPassengers'>,
  bookingIds: readonly string[],
): Promise<Recipient[]> {
  const held = (await bookings.getBookings([...bookingIds])).filter(
    (b) => b.booking_status !== 'CANCELLED',
  );
  const passengers = await bookings.getPassengers([...new Set(held.map((b) => b.passenger_id))]);
  const byId = new Map(passengers.map((p) => [p.passenger_id, p]));
  return held.flatMap((booking) => {
    const passenger = byId.get(booking.passenger_id);
    return passenger ? [{ booking, passenger }] : [];
  });
}

/**
 * Workflow task: the batch's bookings still held and their passengers, as ids. Personal data
 * stays out of the workflow's state and history: the steps that compose and send read the
 * records themselves, at the time they need them.
 */
export function createGetPassengerDetails(deps: { bookings: BookingStore }) {
  return async (input: unknown): Promise<{ recipients: RecipientIds }> => {
    const { booking_ids } = InputSchema.parse(input);
    const recipients = await readRecipients(deps.bookings, booking_ids);
    return {
      recipients: recipients.map(({ booking, passenger }) => ({
        booking_id: booking.booking_id,
        passenger_id: passenger.passenger_id,
      })),
    };
  };
}

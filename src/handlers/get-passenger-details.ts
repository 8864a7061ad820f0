import { z } from 'zod';
import type { Booking } from '../domain/records/booking.ts';
import type { Passenger } from '../domain/records/passenger.ts';
import type { BookingStore } from '../ports.ts';
import type { Recipient } from './message-filling.ts';

const InputSchema = z
  .object({
    booking_ids: z.array(z.string()).max(100),
    /** Each booking's passenger, in the same order (a manifest written before them has none). */
    passenger_ids: z.array(z.string()).max(100).optional(),
  })
  .refine((i) => !i.passenger_ids || i.passenger_ids.length === i.booking_ids.length, {
    message: 'passenger_ids must name one passenger per booking',
  });

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
  const held = heldOnly(await bookings.getBookings([...bookingIds]));
  return joined(held, await bookings.getPassengers(passengerIdsOf(held)));
}

/**
 * The same for the later tasks of a batch, which know the passengers' ids already (the workflow
 * state carries them): bookings and passengers are read at once, one round trip instead of two.
 * A booking whose passenger is not the one expected has that passenger read after.
 */
export async function readKnownRecipients(
  bookings: Pick<BookingStore, 'getBookings' | 'getPassengers'>,
  recipients: RecipientIds,
): Promise<Recipient[]> {
  const expected = new Set(recipients.map((r) => r.passenger_id));
  const [found, passengers] = await Promise.all([
    bookings.getBookings(recipients.map((r) => r.booking_id)),
    bookings.getPassengers([...expected]),
  ]);
  const held = heldOnly(found);
  const unexpected = passengerIdsOf(held).filter((id) => !expected.has(id));
  const others = unexpected.length > 0 ? await bookings.getPassengers(unexpected) : [];
  return joined(held, [...passengers, ...others]);
}

const heldOnly = (found: Booking[]) => found.filter((b) => b.booking_status !== 'CANCELLED');

const passengerIdsOf = (held: Booking[]) => [...new Set(held.map((b) => b.passenger_id))];

function joined(held: Booking[], passengers: Passenger[]): Recipient[] {
  const byId = new Map(passengers.map((p) => [p.passenger_id, p]));
  return held.flatMap((booking) => {
    const passenger = byId.get(booking.passenger_id);
    return passenger ? [{ booking, passenger }] : [];
  });
}

/**
 * Workflow task: the batch's bookings still held and their passengers, as ids; read in one
 * round trip where the manifest names each booking's passenger. Personal data stays out of the
 * workflow's state and history: the steps that compose and send read the records themselves, at
 * the time they need them.
 */
export function createGetPassengerDetails(deps: {
  bookings: Pick<BookingStore, 'getBookings' | 'getPassengers'>;
}) {
  return async (input: unknown): Promise<{ recipients: RecipientIds }> => {
    const { booking_ids, passenger_ids } = InputSchema.parse(input);
    const recipients = passenger_ids
      ? await readKnownRecipients(
          deps.bookings,
          booking_ids.map((booking_id, i) => ({
            booking_id,
            passenger_id: passenger_ids[i] as string,
          })),
        )
      : await readRecipients(deps.bookings, booking_ids);
    return {
      recipients: recipients.map(({ booking, passenger }) => ({
        booking_id: booking.booking_id,
        passenger_id: passenger.passenger_id,
      })),
    };
  };
}

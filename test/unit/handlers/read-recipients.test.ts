import { describe, expect, it } from 'vitest';
import { readKnownRecipients } from '../../../src/handlers/get-passenger-details.ts';
import { InMemoryStores } from '../../support/fakes.ts';

/** The sample stores, recording each read in the order it was asked. */
function recordingStores() {
  const stores = new InMemoryStores();
  const asked: string[] = [];
  const reads = {
    getBookings: async (ids: string[]) => {
      asked.push('bookings');
      // Answers a turn later: a read that waited for it would be asked after.
      await new Promise((resolve) => setImmediate(resolve));
      return stores.getBookings(ids);
    },
    getPassengers: async (ids: string[]) => {
      asked.push(`passengers ${ids.join(',')}`);
      return stores.getPassengers(ids);
    },
  };
  return { stores, asked, reads };
}

describe('readKnownRecipients', () => {
  it('reads the bookings and their known passengers at once', async () => {
    const { stores, asked, reads } = recordingStores();
    const [booking] = stores.bookings.values();
    if (!booking) throw new Error('no sample booking');

    const recipients = await readKnownRecipients(reads, [
      { booking_id: booking.booking_id, passenger_id: booking.passenger_id },
    ]);

    expect(asked).toEqual(['bookings', `passengers ${booking.passenger_id}`]);
    expect(recipients.map((r) => [r.booking.booking_id, r.passenger.passenger_id])).toEqual([
      [booking.booking_id, booking.passenger_id],
    ]);
  });

  it('reads after a passenger the booking names but the state did not expect', async () => {
    const { stores, asked, reads } = recordingStores();
    const [booking, other] = stores.bookings.values();
    if (!booking || !other || other.passenger_id === booking.passenger_id)
      throw new Error('the sample needs two passengers');

    const recipients = await readKnownRecipients(reads, [
      { booking_id: booking.booking_id, passenger_id: other.passenger_id },
    ]);

    expect(asked.at(-1)).toBe(`passengers ${booking.passenger_id}`);
    expect(recipients.map((r) => r.passenger.passenger_id)).toEqual([booking.passenger_id]);
  });

  it('leaves out cancelled bookings and erased passengers', async () => {
    const { stores, reads } = recordingStores();
    const [cancelled, erased] = stores.bookings.values();
    if (!cancelled || !erased) throw new Error('the sample needs two bookings');
    stores.bookings.set(cancelled.booking_id, { ...cancelled, booking_status: 'CANCELLED' });
    stores.passengers.delete(erased.passenger_id);

    const recipients = await readKnownRecipients(
      reads,
      [cancelled, erased].map((b) => ({ booking_id: b.booking_id, passenger_id: b.passenger_id })),
    );

    expect(recipients).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  createGetPassengerDetails,
  readKnownRecipients,
} from '../../../src/handlers/get-passenger-details.ts';
import { InMemoryStores } from '../../support/fakes.ts';

/** The sample stores, recording each read in the order it was asked. */
function recordingStores() {
  const stores = new InMemoryStores();
  const asked: string[] = [];
  const reads = {
    getBookings: async (ids: string[]) => {
      asked.push('bookings');
      // Answers a turn later: a read that waited for it is asked after the answer.
      await new Promise((resolve) => setImmediate(resolve));
      asked.push('bookings answered');
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

    expect(asked).toEqual(['bookings', `passengers ${booking.passenger_id}`, 'bookings answered']);
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

describe('GetPassengerDetails task', () => {
  /** The task over the recording reads. */
  const task = (reads: ReturnType<typeof recordingStores>['reads']) =>
    createGetPassengerDetails({ bookings: reads });

  it('reads bookings and passengers at once where the manifest names each booking’s passenger', async () => {
    const { stores, asked, reads } = recordingStores();
    const [a, b] = stores.bookings.values();
    if (!a || !b) throw new Error('the sample needs two bookings');

    const { recipients } = await task(reads)({
      booking_ids: [a.booking_id, b.booking_id],
      passenger_ids: [a.passenger_id, b.passenger_id],
    });

    expect(asked).toEqual([
      'bookings',
      `passengers ${a.passenger_id},${b.passenger_id}`,
      'bookings answered',
    ]);
    expect(recipients).toEqual(
      [a, b].map((x) => ({ booking_id: x.booking_id, passenger_id: x.passenger_id })),
    );
  });

  it('reads the bookings first for a manifest without passengers (written before it named them)', async () => {
    const { stores, asked, reads } = recordingStores();
    const [a] = stores.bookings.values();
    if (!a) throw new Error('no sample booking');

    const { recipients } = await task(reads)({ booking_ids: [a.booking_id] });

    expect(asked).toEqual(['bookings', 'bookings answered', `passengers ${a.passenger_id}`]);
    expect(recipients).toEqual([{ booking_id: a.booking_id, passenger_id: a.passenger_id }]);
  });

  it('refuses passengers that do not pair with the bookings', async () => {
    const { reads } = recordingStores();
    await expect(task(reads)({ booking_ids: ['B1', 'B2'], passenger_ids: ['P1'] })).rejects.toThrow(
      /one passenger per booking/,
    );
  });
});

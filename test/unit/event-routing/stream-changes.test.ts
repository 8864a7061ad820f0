import { describe, expect, it } from 'vitest';
import { bookingItems, flightItem } from '../../../src/adapters/dynamodb/table/table-items.ts';
import { secondaryEvents } from '../../../src/domain/event-routing/stream-changes.ts';
import { booking, flight } from '../../support/fixtures.ts';

const at = '2025-01-15T12:00:00.000Z';

describe('secondaryEvents', () => {
  it('raises booking.status_changed when a booking status changes', () => {
    const [before] = bookingItems(booking('B009'));
    const after = { ...before, booking_status: 'NEEDS_REBOOKING' };
    expect(
      secondaryEvents({
        eventName: 'MODIFY',
        oldImage: before,
        newImage: after,
        approximateCreationTime: at,
      }),
    ).toEqual([
      {
        source: 'flightpulse.stream-handler',
        detailType: 'booking.status_changed',
        detail: {
          booking_id: 'B009',
          flight_id: 'SW9012',
          passenger_id: 'P005',
          old_status: 'CONFIRMED',
          new_status: 'NEEDS_REBOOKING',
          changed_at: at,
        },
      },
    ]);
  });

  it('raises flight.status_changed when a flight status changes', () => {
    const before = flightItem(flight('SW9012'));
    const [entry] = secondaryEvents({
      eventName: 'MODIFY',
      oldImage: before,
      newImage: { ...before, status: 'CANCELLED' },
      approximateCreationTime: at,
    });
    expect(entry?.detailType).toBe('flight.status_changed');
    expect(entry?.detail).toMatchObject({ old_status: 'SCHEDULED', new_status: 'CANCELLED' });
  });

  it('stays quiet for inserts, lookup records and changes that keep the status', () => {
    const [item, lookup] = bookingItems(booking('B001'));
    expect(
      secondaryEvents({ eventName: 'INSERT', newImage: item, approximateCreationTime: at }),
    ).toEqual([]);
    expect(
      secondaryEvents({
        eventName: 'MODIFY',
        oldImage: lookup,
        newImage: lookup,
        approximateCreationTime: at,
      }),
    ).toEqual([]);
    expect(
      secondaryEvents({
        eventName: 'MODIFY',
        oldImage: item,
        newImage: { ...item, seat: '1A' },
        approximateCreationTime: at,
      }),
    ).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  type BookingOnFlight,
  disruptedParties,
} from '../../../src/domain/rebooking/disrupted-parties.ts';
import { at, flight } from './wave-fixtures.ts';

const scheduled = { departure: at(600), arrival: at(660) };
const delayed = (minutes: number) => ({
  ...flight('SW5678', 'HOU', 'DEN', 600 + minutes, 660 + minutes, { capacity: 10 }),
});

function booking(id: string, overrides: Partial<BookingOnFlight> = {}): BookingOnFlight {
  return {
    booking_id: id,
    passenger_id: `P${id.slice(1)}`,
    confirmation_number: `REC${id}`,
    fare_class: 'WGA',
    booking_status: 'CONFIRMED',
    special_requests: [],
    tier: 'MEMBER',
    ...overrides,
  };
}

describe('disruptedParties', () => {
  it('takes everyone off a cancelled flight, one party per record locator', () => {
    const parties = disruptedParties(delayed(0), scheduled, { kind: 'CANCELLATION' }, [
      booking('B001', { confirmation_number: 'FAMILY', tier: 'A-LIST' }),
      booking('B002', { confirmation_number: 'FAMILY', special_requests: ['EXTRA_SEAT'] }),
      booking('B003'),
      booking('B004', { booking_status: 'CANCELLED' }),
    ]);
    expect(parties.map((p) => [p.booking_ids, p.tier, p.seats_needed, p.voluntary])).toEqual([
      [['B001', 'B002'], 'A-LIST', 3, false],
      [['B003'], 'MEMBER', 1, false],
    ]);
  });

  it('on a delay takes only those whose connection falls under the hub minimum', () => {
    const onwardSoon = flight('SW5701', 'DEN', 'SLC', 720, 800, { capacity: 10 });
    const onwardLater = flight('SW5703', 'DEN', 'SLC', 900, 980, { capacity: 10 });
    const parties = disruptedParties(delayed(90), scheduled, { kind: 'DELAY', delay_minutes: 90 }, [
      booking('B001', { onward: onwardSoon }),
      booking('B002', { onward: onwardLater }),
      booking('B003'),
    ]);
    expect(parties).toHaveLength(1);
    expect(parties[0]).toMatchObject({
      booking_ids: ['B001'],
      reason: 'MISCONNECT',
      voluntary: false,
      trip: { origin: 'DEN', destination: 'SLC', originalArrival: at(800) },
    });
    // DEN's minimum connecting time is 40 minutes after the new arrival at 12:30.
    expect(parties[0]?.trip.notBefore).toBe(at(750 + 40));
  });

  it('offers everyone a voluntary change when the delay reaches three hours', () => {
    const parties = disruptedParties(
      delayed(180),
      scheduled,
      { kind: 'DELAY', delay_minutes: 180 },
      [booking('B001'), booking('B002')],
    );
    expect(parties.map((p) => [p.reason, p.voluntary])).toEqual([
      ['LONG_DELAY', true],
      ['LONG_DELAY', true],
    ]);
    expect(
      disruptedParties(delayed(179), scheduled, { kind: 'DELAY', delay_minutes: 179 }, [
        booking('B001'),
      ]),
    ).toEqual([]);
  });

  it('gives every passenger a voluntary change under a waiver', () => {
    const [p] = disruptedParties(delayed(0), scheduled, { kind: 'WAIVER' }, [booking('B001')]);
    expect(p).toMatchObject({ reason: 'WAIVER', voluntary: true, excluded_flights: ['SW5678'] });
  });
});

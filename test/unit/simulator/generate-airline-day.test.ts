import { describe, expect, it } from 'vitest';
import { BookingSchema } from '../../../src/domain/records/booking.ts';
import { FlightSchema } from '../../../src/domain/records/flight.ts';
import { PassengerSchema } from '../../../src/domain/records/passenger.ts';
import { generateAirlineDay } from '../../../src/simulator/generate-airline-day.ts';

describe('generateAirlineDay', () => {
  const day = generateAirlineDay({ flights: 40, passengers: 6000, seed: 7, hubs: 4 });

  it('is reproducible from its seed', () => {
    expect(generateAirlineDay({ flights: 40, passengers: 6000, seed: 7, hubs: 4 })).toEqual(day);
    expect(generateAirlineDay({ flights: 40, passengers: 6000, seed: 8, hubs: 4 })).not.toEqual(
      day,
    );
  });

  it('holds exactly the passengers asked for, every record valid', () => {
    expect(day.passengers).toHaveLength(6000);
    expect(day.bookings).toHaveLength(6000);
    for (const f of day.flights) FlightSchema.parse(f);
    for (const p of day.passengers) PassengerSchema.parse(p);
    for (const b of day.bookings) BookingSchema.parse(b);
    expect(new Set(day.bookings.map((b) => b.booking_id)).size).toBe(6000);
  });

  it('looks like an airline day: hubs, aircraft sizes, tiers, channels, special requests', () => {
    expect(new Set(day.flights.map((f) => f.origin)).size).toBe(4);
    expect(new Set(day.flights.map((f) => f.aircraft)).size).toBeGreaterThan(3);
    const share = (n: number) => n / day.passengers.length;
    expect(share(day.passengers.filter((p) => p.tier === 'MEMBER').length)).toBeCloseTo(0.7, 1);
    expect(
      share(day.passengers.filter((p) => p.notification_preferences.sms).length),
    ).toBeGreaterThan(0.6);
    expect(
      share(
        day.bookings.filter((b) => b.special_requests.includes('WHEELCHAIR_ASSISTANCE')).length,
      ),
    ).toBeGreaterThan(0.01);
  });
});

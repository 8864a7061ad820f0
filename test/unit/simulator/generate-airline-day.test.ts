import { describe, expect, it } from 'vitest';
import { BookingSchema } from '../../../src/domain/records/booking.ts';
import { FlightSchema } from '../../../src/domain/records/flight.ts';
import { PassengerSchema } from '../../../src/domain/records/passenger.ts';
import { generateAirlineDay, HUBS } from '../../../src/simulator/generate-airline-day.ts';

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
    const hubs = new Set<string>(HUBS.slice(0, 4).map((h) => h.code));
    expect(day.flights.every((f) => hubs.has(f.origin) || hubs.has(f.destination))).toBe(true);
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

  it('has what rebooking needs: repeated routes, connections, parties, nearly full flights', () => {
    const routes = new Map<string, number>();
    for (const f of day.flights)
      routes.set(
        `${f.origin}-${f.destination}`,
        (routes.get(`${f.origin}-${f.destination}`) ?? 0) + 1,
      );
    expect([...routes.values()].some((n) => n > 1)).toBe(true);
    expect(day.flights.some((f) => f.scheduled_departure.startsWith('2025-01-16'))).toBe(true);
    const flights = new Map(day.flights.map((f) => [f.flight_id, f]));
    const connecting = day.bookings.filter((b) => b.onward_flight_id);
    expect(connecting.length).toBeGreaterThan(100);
    for (const b of connecting)
      expect(flights.get(b.onward_flight_id ?? '')?.origin).toBe(
        flights.get(b.flight_id)?.destination,
      );
    const records = new Map<string, number>();
    for (const b of day.bookings)
      records.set(b.confirmation_number, (records.get(b.confirmation_number) ?? 0) + 1);
    expect([...records.values()].filter((n) => n > 1).length).toBeGreaterThan(100);
    for (const f of day.flights)
      for (const c of Object.values(f.seats ?? {}))
        expect(c.booked).toBeLessThanOrEqual(c.capacity);
    const nearlyFull = day.flights.filter((f) => {
      const e = f.seats?.ECONOMY;
      return e !== undefined && e.capacity - e.booked <= 3;
    });
    expect(nearlyFull.length).toBeGreaterThan(0);
  });
});

import type { Disruption } from '../../src/domain/disruptions/disruption.ts';
import type { Booking } from '../../src/domain/records/booking.ts';
import type { Passenger } from '../../src/domain/records/passenger.ts';
import type { ProduceOptions } from '../../src/simulator/build-event.ts';
import { disruption, passenger, sample } from './fixtures.ts';

/** One event of every severity a message has: minor, major, severe, cancelled, gate, terminal. */
export const EVERY_SEVERITY: Array<Omit<ProduceOptions, 'flightId'>> = [
  { eventType: 'FLIGHT_DELAY', delayMinutes: 25, reason: 'WEATHER' },
  { eventType: 'FLIGHT_DELAY', delayMinutes: 90, reason: 'MECHANICAL' },
  { eventType: 'FLIGHT_DELAY', delayMinutes: 150, reason: 'ATC' },
  { eventType: 'FLIGHT_CANCELLED', reason: 'CREW' },
  { eventType: 'GATE_CHANGE', oldGate: 'A5', newGate: 'D15', terminalChange: true },
  { eventType: 'GATE_CHANGE', oldGate: 'A5', newGate: 'A7', terminalChange: false },
];

export interface MessageCase {
  name: string;
  passenger: Passenger;
  booking: Booking;
  disruption: Disruption;
}

/** Every sample booking with every severity of disruption on its own flight. */
export function everySampleCase(): MessageCase[] {
  return sample.bookings.flatMap((b) =>
    EVERY_SEVERITY.map((event) => {
      const d = disruption({ ...event, flightId: b.flight_id });
      const p = passenger(b.passenger_id);
      return {
        name: `${b.booking_id} ${p.language} ${event.eventType} ${event.delayMinutes ?? ''}${event.terminalChange ?? ''}`,
        passenger: p,
        booking: b,
        disruption: d,
      };
    }),
  );
}

import { randomUUID } from 'node:crypto';

export type Event = { event_id: string; payload: { flight_id: string } };
export interface FeedRecord {
  key: string;
  value?: unknown;
  value_base64?: string;
}

/** A cancellation of a flight, stamped `at` (now by default). */
export function cancellation(flightId: string, at = new Date()): Event {
  return {
    event_id: randomUUID(),
    event_type: 'FLIGHT_CANCELLED',
    timestamp: at.toISOString(),
    source: 'operations_center',
    payload: {
      flight_id: flightId,
      reason: 'WEATHER',
      reason_detail: 'Thunderstorms over the hub',
      rebooking_priority: 'HIGH',
    },
  } as Event;
}

/** A delay of a flight by `minutes`, stamped `at`. */
export function delay(flightId: string, at: Date, minutes: number): Event {
  const departure = new Date(at.getTime() + 3600_000 + minutes * 60_000).toISOString();
  return {
    event_id: randomUUID(),
    event_type: 'FLIGHT_DELAY',
    timestamp: at.toISOString(),
    source: 'operations_center',
    payload: {
      flight_id: flightId,
      delay_minutes: minutes,
      reason: 'CREW',
      reason_detail: 'Crew rest',
      new_departure: departure,
      new_arrival: new Date(Date.parse(departure) + 7200_000).toISOString(),
    },
  } as Event;
}

/** A gate change of a flight, stamped `at`. */
export function gateChange(flightId: string, at: Date, gate: string): Event {
  return {
    event_id: randomUUID(),
    event_type: 'GATE_CHANGE',
    timestamp: at.toISOString(),
    source: 'airport_ops',
    payload: { flight_id: flightId, old_gate: 'A1', new_gate: gate, terminal_change: false },
  } as Event;
}

/** A time as Python's `datetime.utcnow().isoformat()` writes it: microseconds, no offset. */
export const withoutOffset = (at: Date) => `${at.toISOString().slice(0, -1)}000`;

/** A feed record of an event, keyed by its flight (so one flight's events share a partition). */
export const record = (event: Event, key = event.payload.flight_id): FeedRecord => ({
  key,
  value: event,
});

/** A seeded shuffle (the same seed, the same order). */
export function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

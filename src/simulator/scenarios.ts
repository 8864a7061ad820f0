import type { Flight } from '../domain/records/flight.ts';
import { buildEvent, type ProduceOptions } from './build-event.ts';

/** One record to put on the feed: an event, or raw text (to show how bad input is handled). */
export type ScenarioRecord =
  | { event: Record<string, unknown> }
  | { raw: string; key: string | null };

export interface Scenario {
  id: number;
  title: string;
  records: ScenarioRecord[];
}

export const SCENARIO_IDS = [1, 2, 3, 4, 5] as const;

interface ScenarioContext {
  flights: Map<string, Flight>;
  newId: () => string;
  /** Event time of the scenario's first event; later events are a second apart. */
  now: Date;
}

/** The five test scenarios of the specification. */
export function buildScenario(id: number, context: ScenarioContext): Scenario {
  let tick = 0;
  const event = (options: ProduceOptions, eventId = context.newId()) => ({
    event: buildEvent(
      options,
      context.flights.get(options.flightId),
      eventId,
      new Date(context.now.getTime() + 1000 * tick++).toISOString(),
    ),
  });
  switch (id) {
    case 1:
      return {
        id,
        title: 'Minor delay: SW1234 delayed 25 minutes (weather)',
        records: [
          event({
            eventType: 'FLIGHT_DELAY',
            flightId: 'SW1234',
            delayMinutes: 25,
            reason: 'WEATHER',
          }),
        ],
      };
    case 2:
      return {
        id,
        title: 'Major delay: SW5678 delayed 90 minutes (mechanical), A-List priority messages',
        records: [
          event({
            eventType: 'FLIGHT_DELAY',
            flightId: 'SW5678',
            delayMinutes: 90,
            reason: 'MECHANICAL',
          }),
        ],
      };
    case 3:
      return {
        id,
        title: 'Cancellation: SW9012 cancelled, every booking needs rebooking',
        records: [
          event({
            eventType: 'FLIGHT_CANCELLED',
            flightId: 'SW9012',
            reason: 'MECHANICAL',
            rebookingPriority: 'HIGH',
          }),
        ],
      };
    case 4:
      return {
        id,
        title: 'Gate change with terminal change: SW3456 A5 → D15',
        records: [
          event({
            eventType: 'GATE_CHANGE',
            flightId: 'SW3456',
            oldGate: 'A5',
            newGate: 'D15',
            terminalChange: true,
          }),
        ],
      };
    case 5: {
      const first = event({
        eventType: 'FLIGHT_DELAY',
        flightId: 'SW7890',
        delayMinutes: 45,
        reason: 'ATC',
      });
      return {
        id,
        title:
          'Rapid sequence: two SW7890 delays, an SW1234 gate change, a duplicate and two bad records',
        records: [
          first,
          event({
            eventType: 'GATE_CHANGE',
            flightId: 'SW1234',
            oldGate: 'A12',
            newGate: 'A14',
            terminalChange: false,
          }),
          event({
            eventType: 'FLIGHT_DELAY',
            flightId: 'SW7890',
            delayMinutes: 150,
            reason: 'ATC',
          }),
          first,
          { raw: '{"event_type": "FLIGHT_DELAY", "payload": ', key: 'SW7890' },
          event({ eventType: 'FLIGHT_CANCELLED', flightId: 'SW0000', reason: 'WEATHER' }),
        ],
      };
    }
    default:
      throw new RangeError(`scenario must be one of ${SCENARIO_IDS.join(', ')}, got ${id}`);
  }
}

/** A scenario record as a feed record, keyed by flight id as Kafka producers key them. */
export function feedRecord(record: ScenarioRecord): { key: string | null; value: string } {
  if ('raw' in record) return { key: record.key, value: record.raw };
  const payload = record.event.payload as { flight_id?: string };
  return { key: payload.flight_id ?? null, value: JSON.stringify(record.event) };
}

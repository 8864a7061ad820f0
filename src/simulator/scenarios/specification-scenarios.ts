import type { ScenarioDefinition } from './scenario-definition.ts';

/** The five test scenarios of the specification. */
export const SPECIFICATION_SCENARIOS: Record<number, ScenarioDefinition> = {
  1: {
    title: 'Minor delay: SW1234 delayed 25 minutes (weather)',
    records: ({ event }) => [
      event({ eventType: 'FLIGHT_DELAY', flightId: 'SW1234', delayMinutes: 25, reason: 'WEATHER' }),
    ],
  },
  2: {
    title: 'Major delay: SW5678 delayed 90 minutes (mechanical), A-List priority messages',
    records: ({ event }) => [
      event({
        eventType: 'FLIGHT_DELAY',
        flightId: 'SW5678',
        delayMinutes: 90,
        reason: 'MECHANICAL',
      }),
    ],
  },
  3: {
    title: 'Cancellation: SW9012 cancelled, every booking needs rebooking',
    records: ({ event }) => [
      event({
        eventType: 'FLIGHT_CANCELLED',
        flightId: 'SW9012',
        reason: 'MECHANICAL',
        rebookingPriority: 'HIGH',
      }),
    ],
  },
  4: {
    title: 'Gate change with terminal change: SW3456 A5 → D15',
    records: ({ event }) => [
      event({
        eventType: 'GATE_CHANGE',
        flightId: 'SW3456',
        oldGate: 'A5',
        newGate: 'D15',
        terminalChange: true,
      }),
    ],
  },
  5: {
    title:
      'Rapid sequence: two SW7890 delays, an SW1234 gate change, a duplicate and two bad records',
    records: ({ event }) => {
      const first = event({
        eventType: 'FLIGHT_DELAY',
        flightId: 'SW7890',
        delayMinutes: 45,
        reason: 'ATC',
      });
      return [
        first,
        event({
          eventType: 'GATE_CHANGE',
          flightId: 'SW1234',
          oldGate: 'A12',
          newGate: 'A14',
          terminalChange: false,
        }),
        event({ eventType: 'FLIGHT_DELAY', flightId: 'SW7890', delayMinutes: 150, reason: 'ATC' }),
        { ...first, expect: 'DUPLICATE' },
        { raw: '{"event_type": "FLIGHT_DELAY", "payload": ', key: 'SW7890', expect: 'REJECTED' },
        {
          ...event({ eventType: 'FLIGHT_CANCELLED', flightId: 'SW0000', reason: 'WEATHER' }),
          expect: 'REJECTED',
        },
      ];
    },
  },
};

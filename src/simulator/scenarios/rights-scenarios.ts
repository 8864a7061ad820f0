import type { ScenarioDefinition } from './scenario-definition.ts';

/**
 * Disruptions of the flights that leave the EU, the UK and Canada, where the passengers' rights
 * follow the departure airport: EU261, UK261 and Canada's APPR (and the US DOT refund rule into
 * New York).
 */
export const RIGHTS_SCENARIOS: Record<number, ScenarioDefinition> = {
  6: {
    title: 'EU261: SW4100 Frankfurt → New York delayed 4 h 10 min (mechanical), €600 each',
    records: ({ event }) => [
      event({
        eventType: 'FLIGHT_DELAY',
        flightId: 'SW4100',
        delayMinutes: 250,
        reason: 'MECHANICAL',
      }),
    ],
  },
  7: {
    title:
      'UK261: SW4200 London Heathrow → Edinburgh cancelled on the day (crew); rerouted within 2 h owes nothing, 4 h 15 min later £220',
    records: ({ event }) => [
      event({
        eventType: 'FLIGHT_CANCELLED',
        flightId: 'SW4200',
        reason: 'CREW',
        rebookingPriority: 'HIGH',
      }),
    ],
  },
  8: {
    title: 'APPR: SW4300 Toronto → Vancouver delayed 6 h 40 min (crew), CAD 700 each',
    records: ({ event }) => [
      event({ eventType: 'FLIGHT_DELAY', flightId: 'SW4300', delayMinutes: 400, reason: 'CREW' }),
    ],
  },
};

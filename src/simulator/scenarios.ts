import type { Flight } from '../domain/records/flight.ts';
import { buildEvent, type ProduceOptions } from './build-event.ts';
import { RIGHTS_SCENARIOS } from './scenarios/rights-scenarios.ts';
import type { ScenarioDefinition, ScenarioRecord } from './scenarios/scenario-definition.ts';
import { SPECIFICATION_SCENARIOS } from './scenarios/specification-scenarios.ts';
import { WEATHER_SCENARIOS } from './scenarios/weather-scenarios.ts';

export type { ScenarioRecord } from './scenarios/scenario-definition.ts';

export interface Scenario {
  id: number;
  title: string;
  records: ScenarioRecord[];
  act?: ScenarioDefinition['act'];
}

/** Every scenario by number; a capability adds its own file under scenarios/ and lists it here. */
const SCENARIOS: Record<number, ScenarioDefinition> = {
  ...SPECIFICATION_SCENARIOS,
  ...RIGHTS_SCENARIOS,
  ...WEATHER_SCENARIOS,
};

export const SCENARIO_IDS: readonly number[] = Object.keys(SCENARIOS).map(Number);

interface ScenarioContext {
  flights: Map<string, Flight>;
  newId: () => string;
  /** Event time of the scenario's first event; later events are a second apart. */
  now: Date;
}

export function buildScenario(id: number, context: ScenarioContext): Scenario {
  const definition = SCENARIOS[id];
  if (!definition) {
    throw new RangeError(`scenario must be one of ${SCENARIO_IDS.join(', ')}, got ${id}`);
  }
  let tick = 0;
  const event = (options: ProduceOptions, eventId = context.newId()) => ({
    event: buildEvent(
      options,
      context.flights.get(options.flightId),
      eventId,
      new Date(context.now.getTime() + 1000 * tick++).toISOString(),
    ),
  });
  return {
    id,
    title: definition.title,
    records: definition.records({ event }),
    ...(definition.act ? { act: definition.act } : {}),
  };
}

/** A scenario record as a feed record, keyed by flight id as Kafka producers key them. */
export function feedRecord(record: ScenarioRecord): { key: string | null; value: string } {
  if ('raw' in record) return { key: record.key, value: record.raw };
  const payload = record.event.payload as { flight_id?: string };
  return { key: payload.flight_id ?? null, value: JSON.stringify(record.event) };
}

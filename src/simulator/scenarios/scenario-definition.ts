import type { ProduceOptions } from '../build-event.ts';

/** One record to put on the feed: an event, or raw text (to show how bad input is handled). */
export type ScenarioRecord =
  | { event: Record<string, unknown> }
  | { raw: string; key: string | null };

export interface ScenarioBuilder {
  /** An event for a known flight, stamped a second after the previous one of the scenario. */
  event(options: ProduceOptions, eventId?: string): ScenarioRecord;
}

/** A scenario as data: its title and how to build its records. */
export interface ScenarioDefinition {
  title: string;
  records(builder: ScenarioBuilder): ScenarioRecord[];
}

import type { ProduceOptions } from '../build-event.ts';

/**
 * One record to put on the feed: an event, or raw text (to show how bad input is handled).
 * `expect` names an outcome other than ACCEPTED the scenario means to show (a deliberate bad record).
 */
export type ScenarioRecord = (
  | { event: Record<string, unknown> }
  | { raw: string; key: string | null }
) & { expect?: 'REJECTED' | 'DUPLICATE' | 'IGNORED' | 'STALE' | 'SUPPRESSED' };

export interface ScenarioBuilder {
  /** An event for a known flight, stamped a second after the previous one of the scenario. */
  event(options: ProduceOptions, eventId?: string): ScenarioRecord;
}

/** What a scenario may do besides feeding records: call the API as operations would, run the watch. */
export interface ScenarioActions {
  request(
    path: string,
    init?: { method: string; body?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  watchWeather(at?: string): Promise<unknown>;
}

/** A scenario as data: its title, how to build its records, and what it does after feeding them. */
export interface ScenarioDefinition {
  title: string;
  records(builder: ScenarioBuilder): ScenarioRecord[];
  act?(actions: ScenarioActions): Promise<void>;
}

// How events enter the local runtime: the feed (embedded or Kafka), the ingest function,
// and the re-drive of runs a crash or a failed batch left pending.
import type { Logger } from '@aws-lambda-powertools/logger';
import type { InMemoryMetrics } from '../adapters/local/cloudwatch/in-memory-metrics.ts';
import type { LocalBus } from '../adapters/local/eventbridge/local-bus.ts';
import type { WorkTracker } from '../adapters/local/work-tracker.ts';
import { createIngestHandler } from '../handlers/ingest-flight-events.ts';
import type { Clock } from '../ports.ts';
import type { ActivityHub } from './activity-hub.ts';
import { reportOutcome } from './activity-reports.ts';
import type { Config } from './config.ts';
import type { RuntimeOptions } from './local-runtime.ts';
import { pendingRunRedrive } from './pending-run-redrive.ts';
import { startRuntimeFeed } from './runtime-feed.ts';
import type { RuntimeStore } from './runtime-store.ts';
import type { StageTimings } from './stage-timings.ts';
import type { StoreLanes } from './store-lanes.ts';

/** What the ingest function reports to and measures with. */
interface IngestDeps {
  bus: LocalBus;
  hub: ActivityHub;
  clock: Clock;
  metrics: InMemoryMetrics;
  log: Logger;
  stages: StageTimings;
  lanes: StoreLanes;
}

/**
 * The way in: the ingest handler behind the feed (embedded or Kafka). Runs recorded before a
 * crash are driven again and stored records consumed again before new ones; and every
 * REDRIVE_INTERVAL_SECONDS a run that ended failed (a dead-lettered batch) is driven again.
 */
export async function startIntake(
  config: Config,
  options: RuntimeOptions,
  deps: IngestDeps & {
    store: RuntimeStore;
    tracker: WorkTracker;
    /** Whether a run of the event is under way in this process (not re-driven). */
    underWay: (eventId: string) => boolean;
  },
) {
  const { store, bus, clock, metrics, log, tracker, underWay } = deps;
  const ingest = runtimeIngest(config, store, deps);
  const feed = await startRuntimeFeed({
    ...{ config, ingest, ...store, tracker, clock, log },
    inMemory: options.inMemoryStore ?? false,
  });
  const redrive = pendingRunRedrive(
    { runs: store.runs, bus, tracker, clock, log, metrics, underWay },
    config,
  );
  await redrive.now();
  feed.resume();
  return { feed, redrive };
}

/** The ingest function, reporting each record's outcome to the console. */
export function runtimeIngest(config: Config, store: RuntimeStore, deps: IngestDeps) {
  const { flights, stages } = { flights: store.flights, stages: deps.stages };
  const ingestHandler = createIngestHandler({
    ...store,
    // Reading the batch's flights and their booking counts is the enrich stage.
    flights: Object.assign(Object.create(flights) as typeof flights, {
      getFlights: stages.wrap('enrich', flights.getFlights.bind(flights)),
      countFlightBookings: stages.wrap('enrich', flights.countFlightBookings.bind(flights)),
      keptBookingCounts: stages.wrap('enrich', flights.keptBookingCounts.bind(flights)),
    }),
    publisher: deps.bus,
    clock: deps.clock,
    metrics: deps.metrics,
    log: deps.log,
    maxEventAgeHours: config.FLIGHTPULSE_MAX_EVENT_AGE_HOURS,
  });
  const ingest: typeof ingestHandler = async (event) => {
    const result = await deps.lanes.priority(() =>
      stages.time('ingest', () => ingestHandler(event)),
    );
    for (const outcome of result.outcomes) reportOutcome(deps.hub, outcome, deps.clock.now());
    return result;
  };
  return ingest;
}

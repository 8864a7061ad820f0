// Lambda entry: Kafka (MSK or self-managed) → ingest.
import { createIngestHandler } from '../handlers/ingest-flight-events.ts';
import { awsDependencies, withMetrics } from './aws-dependencies.ts';

const { flights, events, runs, publisher, clock, recorder, log, metrics } = awsDependencies(
  process.env,
);
export const handler = withMetrics(
  metrics,
  createIngestHandler({
    flights,
    events,
    runs,
    publisher,
    clock,
    metrics: recorder,
    log,
    maxEventAgeHours: Number(process.env.FLIGHTPULSE_MAX_EVENT_AGE_HOURS ?? 168),
  }),
);

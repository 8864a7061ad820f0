// Lambda entry: Kafka (MSK or self-managed) → ingest.
import { createIngestHandler } from '../handlers/ingest-flight-events.ts';
import { awsDependencies, withMetrics } from './aws-dependencies.ts';

const { flights, events, publisher, clock, recorder, log, metrics } = awsDependencies(process.env);
export const handler = withMetrics(
  metrics,
  createIngestHandler({ flights, events, publisher, clock, metrics: recorder, log }),
);

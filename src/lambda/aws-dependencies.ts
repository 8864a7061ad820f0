import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { z } from 'zod';
import { createDocumentClient } from '../adapters/dynamodb/document-client.ts';
import { DynamoDbBookingStore } from '../adapters/dynamodb/dynamodb-booking-store.ts';
import { DynamoDbDeviceStore } from '../adapters/dynamodb/dynamodb-device-store.ts';
import { DynamoDbEntitlementStore } from '../adapters/dynamodb/dynamodb-entitlement-store.ts';
import { DynamoDbEventLog } from '../adapters/dynamodb/dynamodb-event-log.ts';
import { DynamoDbExecutionLog } from '../adapters/dynamodb/dynamodb-execution-log.ts';
import { DynamoDbFlightStore } from '../adapters/dynamodb/dynamodb-flight-store.ts';
import { DynamoDbNotificationLog } from '../adapters/dynamodb/dynamodb-notification-log.ts';
import { DynamoDbOfferStore } from '../adapters/dynamodb/dynamodb-offer-store.ts';
import { DynamoDbPassengerErasure } from '../adapters/dynamodb/dynamodb-passenger-erasure.ts';
import { DynamoDbPreferenceStore } from '../adapters/dynamodb/dynamodb-preference-store.ts';
import { DynamoDbRunLedger } from '../adapters/dynamodb/dynamodb-run-ledger.ts';
import { SingleTable } from '../adapters/dynamodb/single-table.ts';
import { EventBridgePublisher } from '../adapters/eventbridge/eventbridge-publisher.ts';
import { PowertoolsMetricsRecorder } from '../adapters/powertools-metrics.ts';
import { describeIssues } from '../domain/records/describe-issues.ts';
import { DEFAULT_CLAIM_FORM_URL, type RightsSettings } from '../domain/rights/rights-settings.ts';
import type { Clock } from '../ports.ts';

const LambdaEnvSchema = z.object({
  TABLE_NAME: z.string().min(3),
  EVENT_BUS_NAME: z.string().min(1).default('flightpulse-bus'),
  AWS_REGION: z.string().min(1),
  CLAIM_FORM_URL: z.url().default(DEFAULT_CLAIM_FORM_URL),
  /** Days notifications and ingested events are kept (the table's TTL deletes them after). */
  RETENTION_DAYS: z.coerce.number().min(1).max(3650).default(90),
  EU261_REVISION_EFFECTIVE_FROM: z.iso.date().optional(),
});

/**
 * The AWS composition root, built once per Lambda container from its environment: the same
 * stores and handlers as locally, with the real DynamoDB, EventBridge and Powertools.
 */
export function awsDependencies(env: Record<string, string | undefined>) {
  const parsed = LambdaEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`invalid Lambda environment: ${describeIssues(parsed.error)}`);
  }
  const config = parsed.data;
  const tracer = new Tracer({ serviceName: 'flightpulse' });
  const dynamodb = tracer.captureAWSv3Client(new DynamoDBClient({ region: config.AWS_REGION }));
  const eventbridge = tracer.captureAWSv3Client(
    new EventBridgeClient({ region: config.AWS_REGION }),
  );
  const table = new SingleTable(createDocumentClient(dynamodb), config.TABLE_NAME);
  const metrics = new Metrics({ namespace: 'FlightPulse', serviceName: 'flightpulse' });
  const clock: Clock = { now: () => new Date().toISOString() };
  return {
    log: new Logger({ serviceName: 'flightpulse' }),
    metrics,
    recorder: new PowertoolsMetricsRecorder(metrics),
    clock,
    flights: new DynamoDbFlightStore(table),
    bookings: new DynamoDbBookingStore(table),
    events: new DynamoDbEventLog(table, config.RETENTION_DAYS),
    notifications: new DynamoDbNotificationLog(table, config.RETENTION_DAYS),
    executions: new DynamoDbExecutionLog(table),
    erasure: new DynamoDbPassengerErasure(table),
    preferences: new DynamoDbPreferenceStore(table),
    devices: new DynamoDbDeviceStore(table),
    entitlements: new DynamoDbEntitlementStore(table),
    offers: new DynamoDbOfferStore(table),
    rights: {
      effectiveDates: config.EU261_REVISION_EFFECTIVE_FROM
        ? { 'EU261-2026': config.EU261_REVISION_EFFECTIVE_FROM }
        : {},
      claimFormUrl: config.CLAIM_FORM_URL,
    } satisfies RightsSettings,
    runs: new DynamoDbRunLedger(table),
    publisher: new EventBridgePublisher(eventbridge, config.EVENT_BUS_NAME),
  };
}

/** Publishes the metrics an invocation recorded, whatever its outcome. */
export function withMetrics<E, R>(
  metrics: Metrics,
  handler: (event: E) => Promise<R>,
): (event: E) => Promise<R> {
  return async (event) => {
    try {
      return await handler(event);
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}

import type { FunctionFactory } from './function-factory.ts';

/** The functions outside the workflows: ingest, stream, API, notification records, delivery. */
export function coreFunctions(functions: FunctionFactory) {
  const make = functions.make.bind(functions);
  const ingest = make(
    'Ingest',
    'ingest-flight-events',
    'Kafka → validate, de-duplicate, enrich, categorise, publish',
    {
      // A batch at a time: batch reads and writes, the flight orders' conditional puts in
      // TransactWriteItems (authorised as PutItem), a booking count (Query) for a flight without a
      // kept count.
      table: { actions: ['BatchGetItem', 'BatchWriteItem', 'PutItem', 'Query'], indexes: false },
      publishes: true,
    },
  );
  const streamChanges = make(
    'StreamChanges',
    'stream-changes',
    'Table stream → booking and flight status events',
    { publishes: true },
  );
  const api = functions.rebookingAccess(
    // Writes: offers, and GDPR erasure (DELETE /passengers/{id}, admins only).
    make('Api', 'api', 'REST API', {
      table: {
        actions: ['GetItem', 'Query', 'BatchGetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
        indexes: true,
      },
      publishes: true,
      environment: functions.rebookingEnv,
    }),
  );
  const recordNotification = make(
    'RecordNotification',
    'record-notification',
    'notification.* → idempotent notification record',
    { table: { actions: ['PutItem'], indexes: false } },
  );
  const deliveryStatus = make(
    'DeliveryStatus',
    'delivery-status',
    'SES events, SMS receipts, push failures → notification status and fallback',
    // Reports arriving together read their pointers and moved records in BatchGetItem calls.
    {
      table: { actions: ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem'], indexes: false },
      publishes: true,
    },
  );
  const platformApplications = make(
    'PushPlatformApplications',
    'push-platform-applications',
    'Custom resource: SNS platform applications for APNs and FCM',
  );
  return { ingest, streamChanges, api, recordNotification, deliveryStatus, platformApplications };
}

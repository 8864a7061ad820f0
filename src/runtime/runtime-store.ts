import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../adapters/dynamodb/document-client.ts';
import { DynamoDbBookingStore } from '../adapters/dynamodb/dynamodb-booking-store.ts';
import { DynamoDbDeviceStore } from '../adapters/dynamodb/dynamodb-device-store.ts';
import { DynamoDbEntitlementStore } from '../adapters/dynamodb/dynamodb-entitlement-store.ts';
import { DynamoDbEventLog } from '../adapters/dynamodb/dynamodb-event-log.ts';
import { DynamoDbExecutionLog } from '../adapters/dynamodb/dynamodb-execution-log.ts';
import { DynamoDbFlightStore } from '../adapters/dynamodb/dynamodb-flight-store.ts';
import { DynamoDbIdempotencyStore } from '../adapters/dynamodb/dynamodb-idempotency-store.ts';
import { DynamoDbNotificationLog } from '../adapters/dynamodb/dynamodb-notification-log.ts';
import { DynamoDbOfferStore } from '../adapters/dynamodb/dynamodb-offer-store.ts';
import { DynamoDbPassengerErasure } from '../adapters/dynamodb/dynamodb-passenger-erasure.ts';
import { DynamoDbPreferenceStore } from '../adapters/dynamodb/dynamodb-preference-store.ts';
import { DynamoDbRebookingBookings } from '../adapters/dynamodb/dynamodb-rebooking-bookings.ts';
import { DynamoDbRunLedger } from '../adapters/dynamodb/dynamodb-run-ledger.ts';
import { DynamoDbSeatInventory } from '../adapters/dynamodb/dynamodb-seat-inventory.ts';
import { ensureTable } from '../adapters/dynamodb/ensure-table.ts';
import { SingleTable } from '../adapters/dynamodb/single-table.ts';
import {
  type EmbeddedDynamoDb,
  startEmbeddedDynamoDb,
} from '../adapters/local/dynamodb/embedded-dynamodb.ts';
import { unsignedForLocalEndpoint } from '../adapters/local/unsigned-requests.ts';
import type { Config } from './config.ts';
import { type CapacityCount, countCapacity, countOperations } from './count-operations.ts';

/** The runtime's table and the stores over it. */
export interface RuntimeStore {
  /** The DynamoDB endpoint in use (embedded dynalite or DYNAMODB_ENDPOINT). */
  endpoint: string;
  /** The embedded store's own process, when it runs in one. */
  storePid: number | undefined;
  connection: { endpoint: string; region: string };
  /** The client every store writes through (the change-feed tap wraps it). */
  client: DynamoDBClient;
  /** A second client for reads the tap itself makes (never tapped). */
  reader: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  tableName: string;
  storeOperations: Map<string, number>;
  /** Capacity units the store reported, when asked to count them (the bench). */
  storeCapacity: CapacityCount | undefined;
  flights: DynamoDbFlightStore;
  bookings: DynamoDbBookingStore;
  events: DynamoDbEventLog;
  notifications: DynamoDbNotificationLog;
  executionLog: DynamoDbExecutionLog;
  entitlements: DynamoDbEntitlementStore;
  erasure: DynamoDbPassengerErasure;
  preferences: DynamoDbPreferenceStore;
  /** Passengers' push devices. */
  devices: DynamoDbDeviceStore;
  runs: DynamoDbRunLedger;
  table: SingleTable;
  offers: DynamoDbOfferStore;
  inventory: DynamoDbSeatInventory;
  idempotency: DynamoDbIdempotencyStore;
  rebooking: DynamoDbRebookingBookings;
  close(): Promise<void>;
}

/** The stores over the runtime's table (the API's thread builds the same over its own client). */
export function storesOver(table: SingleTable, config: Config) {
  return {
    table,
    flights: new DynamoDbFlightStore(table),
    bookings: new DynamoDbBookingStore(table),
    events: new DynamoDbEventLog(table, config.RETENTION_DAYS),
    // Locally only the loopback carrier reports deliveries (SMS), to this process.
    notifications: new DynamoDbNotificationLog(table, config.RETENTION_DAYS, {
      reportedHere: ['SMS'],
    }),
    executionLog: new DynamoDbExecutionLog(table),
    entitlements: new DynamoDbEntitlementStore(table),
    erasure: new DynamoDbPassengerErasure(table),
    preferences: new DynamoDbPreferenceStore(table),
    devices: new DynamoDbDeviceStore(table),
    runs: new DynamoDbRunLedger(table),
    offers: new DynamoDbOfferStore(table),
    inventory: new DynamoDbSeatInventory(table),
    idempotency: new DynamoDbIdempotencyStore(table),
    rebooking: new DynamoDbRebookingBookings(table),
  };
}

/** What the API reads and writes, by the names its app takes them. */
export function apiStores(stores: ReturnType<typeof storesOver>) {
  const { flights, bookings, events, notifications, runs, entitlements, erasure, preferences } =
    stores;
  return {
    ...{ flights, bookings, events, notifications, runs, entitlements, erasure, preferences },
    executions: stores.executionLog,
  };
}

/** Opens the store: an embedded dynalite under the data directory unless DYNAMODB_ENDPOINT is set. */
export async function openRuntimeStore(
  config: Config,
  inMemoryStore: boolean,
  ownProcess = false,
  countStoreCapacity = false,
): Promise<RuntimeStore> {
  const embedded: EmbeddedDynamoDb | undefined = config.DYNAMODB_ENDPOINT
    ? undefined
    : await startEmbeddedDynamoDb(
        inMemoryStore ? undefined : join(config.FLIGHTPULSE_DATA_DIR, 'dynamodb'),
        { ownProcess },
      );
  const endpoint = (config.DYNAMODB_ENDPOINT ?? embedded?.endpoint) as string;
  const connection = { endpoint, region: config.AWS_REGION };
  const client = createDynamoDbClient(connection);
  const reader = createDynamoDbClient(connection);
  if (embedded) for (const c of [client, reader]) unsignedForLocalEndpoint(c);
  const tableName = config.TABLE_NAME;
  await ensureTable(reader, tableName);
  const storeOperations = countOperations(client, reader);
  // Every call then asks the store for its units: only when someone reads them.
  const storeCapacity = countStoreCapacity ? countCapacity(client, reader) : undefined;
  const doc = createDocumentClient(client);
  const table = new SingleTable(doc, tableName);
  return {
    endpoint,
    storePid: embedded?.pid,
    connection,
    client,
    reader,
    doc,
    tableName,
    storeOperations,
    storeCapacity,
    ...storesOver(table, config),
    async close() {
      client.destroy();
      reader.destroy();
      await embedded?.close();
    },
  };
}

import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoDbClient } from '../adapters/dynamodb/document-client.ts';
import { ensureTable } from '../adapters/dynamodb/ensure-table.ts';
import {
  type EmbeddedDynamoDb,
  startEmbeddedDynamoDb,
} from '../adapters/local/dynamodb/embedded-dynamodb.ts';
import type { Config } from '../runtime/config.ts';
import { claimDataDir, describeHolder, releaseDataDir, storeHolder } from './data-dir-lock.ts';
import { CommandFailure } from './usage-error.ts';

/** Where a command's store is, and what to tell the user about it. */
export interface StoreTarget {
  client: DynamoDBClient;
  /** Set when a running `flightpulse start` holds the embedded store and serves it. */
  viaServer?: { pid: number; url?: string };
}

/**
 * Runs `work` against the store a command targets: DYNAMODB_ENDPOINT, the deployed table in AWS
 * (`aws`), the store of a `flightpulse start` serving the data directory (over its loopback
 * DynamoDB API), or the embedded store under the data directory. Local tables are created when missing.
 */
export async function withStore<T>(
  config: Config,
  work: (client: DynamoDBClient, target: StoreTarget) => Promise<T>,
  aws = false,
  command = 'store',
): Promise<T> {
  let embedded: EmbeddedDynamoDb | undefined;
  let endpoint = config.DYNAMODB_ENDPOINT;
  let viaServer: StoreTarget['viaServer'];
  const dataDir = config.FLIGHTPULSE_DATA_DIR;
  if (!aws && !endpoint) {
    const holder = storeHolder(dataDir);
    if (holder?.store_endpoint) {
      endpoint = holder.store_endpoint;
      viaServer = { pid: holder.pid, ...(holder.url ? { url: holder.url } : {}) };
    } else if (holder) {
      throw new CommandFailure(describeHolder(dataDir, holder));
    } else {
      claimDataDir(dataDir, command);
      try {
        embedded = await startEmbeddedDynamoDb(join(dataDir, 'dynamodb'));
      } catch (error) {
        releaseDataDir(dataDir);
        throw new CommandFailure(`cannot open the store in ${dataDir}: ${String(error)}`);
      }
      endpoint = embedded.endpoint;
    }
  }
  const client = createDynamoDbClient({
    ...(endpoint ? { endpoint } : {}),
    region: config.AWS_REGION,
  });
  try {
    // The deployed table belongs to the CDK stack; only local stores are created here.
    if (endpoint) await ensureTable(client, config.TABLE_NAME);
    return await work(client, { client, ...(viaServer ? { viaServer } : {}) });
  } finally {
    client.destroy();
    if (embedded) {
      await embedded.close();
      releaseDataDir(dataDir);
    }
  }
}

/** The data directory, and the server whose store it is when one is running. */
export function storeName(dataDir: string, target: StoreTarget): string {
  const server = target.viaServer;
  return server
    ? `${dataDir} (through the running flightpulse start, pid ${server.pid}${server.url ? ` at ${server.url}` : ''})`
    : dataDir;
}

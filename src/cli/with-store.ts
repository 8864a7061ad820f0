import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoDbClient } from '../adapters/dynamodb/document-client.ts';
import { ensureTable } from '../adapters/dynamodb/ensure-table.ts';
import {
  type EmbeddedDynamoDb,
  startEmbeddedDynamoDb,
} from '../adapters/local/dynamodb/embedded-dynamodb.ts';
import type { Config } from '../runtime/config.ts';
import { UsageError } from './usage-error.ts';

/**
 * Runs `work` against the store a command targets: DYNAMODB_ENDPOINT, the deployed table in AWS
 * (`aws`), or the embedded store under the data directory. Local tables are created when missing.
 */
export async function withStore<T>(
  config: Config,
  work: (client: DynamoDBClient) => Promise<T>,
  aws = false,
): Promise<T> {
  let embedded: EmbeddedDynamoDb | undefined;
  let endpoint = config.DYNAMODB_ENDPOINT;
  if (!aws && !endpoint) {
    try {
      embedded = await startEmbeddedDynamoDb(join(config.FLIGHTPULSE_DATA_DIR, 'dynamodb'));
    } catch (error) {
      throw new UsageError(
        `cannot open the store in ${config.FLIGHTPULSE_DATA_DIR} (${String(error)}); is \`flightpulse start\` using it?`,
      );
    }
    endpoint = embedded.endpoint;
  }
  const client = createDynamoDbClient({
    ...(endpoint ? { endpoint } : {}),
    region: config.AWS_REGION,
  });
  try {
    // The deployed table belongs to the CDK stack; only local stores are created here.
    if (endpoint) await ensureTable(client, config.TABLE_NAME);
    return await work(client);
  } finally {
    client.destroy();
    await embedded?.close();
  }
}

import { join } from 'node:path';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../adapters/dynamodb/document-client.ts';
import { ensureTable } from '../adapters/dynamodb/ensure-table.ts';
import { seedItems } from '../adapters/dynamodb/seed-items.ts';
import {
  type EmbeddedDynamoDb,
  startEmbeddedDynamoDb,
} from '../adapters/local/embedded-dynamodb.ts';
import { loadConfig } from '../runtime/config.ts';
import { sampleDataItems } from '../runtime/sample-data.ts';
import { UsageError } from './usage-error.ts';

/**
 * `flightpulse seed`: loads the sample data where it is missing; safe to run again. Targets the
 * embedded store under the data directory, DYNAMODB_ENDPOINT, or with `--aws` the deployed table.
 */
export async function seedCommand(
  env: Record<string, string | undefined>,
  flags: { dataDir?: string | undefined; aws?: boolean | undefined },
): Promise<void> {
  const config = loadConfig(env, flags.dataDir ? { FLIGHTPULSE_DATA_DIR: flags.dataDir } : {});
  let embedded: EmbeddedDynamoDb | undefined;
  let endpoint = config.DYNAMODB_ENDPOINT;
  if (!flags.aws && !endpoint) {
    try {
      embedded = await startEmbeddedDynamoDb(join(config.FLIGHTPULSE_DATA_DIR, 'dynamodb'));
    } catch (error) {
      throw new UsageError(
        `cannot open the store in ${config.FLIGHTPULSE_DATA_DIR} (${String(error)}); is \`flightpulse start\` using it? It seeds an empty store itself.`,
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
    const { written, existing } = await seedItems(
      createDocumentClient(client),
      config.TABLE_NAME,
      sampleDataItems(),
    );
    const where = flags.aws
      ? `${config.TABLE_NAME} in ${config.AWS_REGION}`
      : (config.DYNAMODB_ENDPOINT ?? config.FLIGHTPULSE_DATA_DIR);
    console.log(`Sample data in ${where}: ${written} items written, ${existing} already present.`);
  } finally {
    client.destroy();
    await embedded?.close();
  }
}

import { createDocumentClient } from '../adapters/dynamodb/document-client.ts';
import { seedItems } from '../adapters/dynamodb/seed-items.ts';
import { loadConfig, retentionOf } from '../runtime/config.ts';
import { sampleDataItems } from '../runtime/sample-data.ts';
import { progress } from './progress.ts';
import { storeName, withStore } from './with-store.ts';

/**
 * `flightpulse seed`: loads the sample data where it is missing; safe to run again. Targets the
 * embedded store under the data directory, DYNAMODB_ENDPOINT, or with `--aws` the deployed table.
 */
export async function seedCommand(
  env: Record<string, string | undefined>,
  flags: { dataDir?: string | undefined; aws?: boolean | undefined },
): Promise<void> {
  const config = loadConfig(env, flags.dataDir ? { FLIGHTPULSE_DATA_DIR: flags.dataDir } : {});
  const items = sampleDataItems(retentionOf(config));
  const bar = progress('seed', items.length, 'items');
  const { written, existing, where } = await withStore(
    config,
    async (client, target) => ({
      ...(await seedItems(createDocumentClient(client), config.TABLE_NAME, items, 16, bar.update)),
      where: flags.aws
        ? `${config.TABLE_NAME} in ${config.AWS_REGION}`
        : (config.DYNAMODB_ENDPOINT ?? storeName(config.FLIGHTPULSE_DATA_DIR, target)),
    }),
    flags.aws === true,
    'seed',
  );
  bar.finish();
  console.log(`Sample data in ${where}: ${written} items written, ${existing} already present.`);
}

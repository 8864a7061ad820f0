import { batchWrite } from '../adapters/dynamodb/batch-write.ts';
import { createDocumentClient } from '../adapters/dynamodb/document-client.ts';
import { airlineItems } from '../adapters/dynamodb/table/table-items.ts';
import { loadConfig, retentionOf } from '../runtime/config.ts';
import { generateAirlineDay, HUBS } from '../simulator/generate-airline-day.ts';
import { intFlag } from './flag-values.ts';
import { progress } from './progress.ts';
import { storeName, withStore } from './with-store.ts';

/** `flightpulse generate`: a reproducible synthetic airline day written with batched writes. */
export async function generateCommand(
  env: Record<string, string | undefined>,
  flags: {
    flights?: string | undefined;
    passengers?: string | undefined;
    seed?: string | undefined;
    hubs?: string | undefined;
    dataDir?: string | undefined;
    json?: boolean | undefined;
  },
): Promise<void> {
  const flights = intFlag('flights', flags.flights, 100, 1, 9000);
  const passengers = intFlag('passengers', flags.passengers, 15_000, 1, 5_000_000);
  const seed = intFlag('seed', flags.seed, 42, -(2 ** 31), 2 ** 31 - 1);
  const hubs = intFlag('hubs', flags.hubs, HUBS.length, 1, HUBS.length);
  const config = loadConfig(env, flags.dataDir ? { FLIGHTPULSE_DATA_DIR: flags.dataDir } : {});
  const started = performance.now();
  const day = generateAirlineDay({ flights, passengers, seed, hubs });
  const items = airlineItems(day, retentionOf(config));
  const bar = progress('generate', items.length, 'items', { silent: flags.json === true });
  const where = await withStore(
    config,
    async (client, target) => {
      await batchWrite(createDocumentClient(client), config.TABLE_NAME, items, 8, bar.update);
      bar.finish();
      return config.DYNAMODB_ENDPOINT ?? storeName(config.FLIGHTPULSE_DATA_DIR, target);
    },
    false,
    'generate',
  );
  const seconds = (performance.now() - started) / 1000;
  const summary = {
    flights: day.flights.length,
    passengers: day.passengers.length,
    bookings: day.bookings.length,
    seed,
    items: items.length,
    seconds: Number(seconds.toFixed(1)),
    store: where,
  };
  console.log(
    flags.json
      ? JSON.stringify(summary)
      : `Generated ${summary.flights} flights, ${summary.passengers} passengers, ${summary.bookings} bookings (seed ${seed}): ${items.length} items in ${seconds.toFixed(1)} s (${Math.round(items.length / seconds)} items/s) into ${where}`,
  );
}

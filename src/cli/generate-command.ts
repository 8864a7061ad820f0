import { batchWrite } from '../adapters/dynamodb/batch-write.ts';
import { createDocumentClient } from '../adapters/dynamodb/document-client.ts';
import { bookingItems, flightItem, passengerItem } from '../adapters/dynamodb/table/table-items.ts';
import { loadConfig } from '../runtime/config.ts';
import { generateAirlineDay } from '../simulator/generate-airline-day.ts';
import { UsageError } from './usage-error.ts';
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
  },
): Promise<void> {
  const flights = Number(flags.flights ?? 100);
  const passengers = Number(flags.passengers ?? 15_000);
  const seed = Number(flags.seed ?? 42);
  if (!Number.isInteger(flights) || flights < 1 || flights > 9000)
    throw new UsageError('--flights must be 1–9000');
  if (!Number.isInteger(passengers) || passengers < 1 || passengers > 5_000_000)
    throw new UsageError('--passengers must be 1–5,000,000');
  const config = loadConfig(env, flags.dataDir ? { FLIGHTPULSE_DATA_DIR: flags.dataDir } : {});
  const started = performance.now();
  const day = generateAirlineDay({
    flights,
    passengers,
    seed,
    ...(flags.hubs ? { hubs: Number(flags.hubs) } : {}),
  });
  const items = [
    ...day.flights.map(flightItem),
    ...day.passengers.map(passengerItem),
    ...day.bookings.flatMap(bookingItems),
  ];
  const where = await withStore(
    config,
    async (client, target) => {
      await batchWrite(createDocumentClient(client), config.TABLE_NAME, items);
      return config.DYNAMODB_ENDPOINT ?? storeName(config.FLIGHTPULSE_DATA_DIR, target);
    },
    false,
    'generate',
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Generated ${day.flights.length} flights, ${day.passengers.length} passengers, ${day.bookings.length} bookings (seed ${seed}): ${items.length} items in ${seconds.toFixed(1)} s (${Math.round(items.length / seconds)} items/s) into ${where}`,
  );
}

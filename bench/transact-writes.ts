/**
 * Conditional claims against the embedded store in its own process: N conditional PutItem calls
 * against the same N puts in TransactWriteItems of 100 (a measurement, not a test).
 *
 *   node bin/run.js bench/transact-writes.ts [--items 10000] [--in-flight 1,16]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../src/adapters/dynamodb/document-client.ts';
import { ensureTable } from '../src/adapters/dynamodb/ensure-table.ts';
import { startEmbeddedDynamoDb } from '../src/adapters/local/dynamodb/embedded-dynamodb.ts';
import { cpuMs } from './process-usage.ts';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '10000' },
    'in-flight': { type: 'string', default: '1,16' },
  },
});
const items = Number(values.items);
const TABLE = 'TransactBench';
const PER_TRANSACTION = 100;

const dir = mkdtempSync(join(tmpdir(), 'flightpulse-transact-bench-'));
const store = await startEmbeddedDynamoDb(join(dir, 'db'), { ownProcess: true });
const client = createDynamoDbClient({ endpoint: store.endpoint });
const doc = createDocumentClient(client);

/** A notification claim, as the wave writes one. */
const claim = (run: string, i: number) => ({
  TableName: TABLE,
  Item: {
    PK: `FLIGHT#${run}`,
    SK: `NOTIFICATION#B${String(i).padStart(7, '0')}#EMAIL`,
    status: 'PENDING',
    channel: 'EMAIL',
    passenger_id: `P${i}`,
    created_at: '2025-01-15T10:00:00.000Z',
    ttl: 1_800_000_000,
  },
  ConditionExpression: 'attribute_not_exists(PK)',
});

/** CPU milliseconds the store's process has used (the machine may be shared: wall time varies). */
function storeCpuMs(): number {
  const ms = store.pid === undefined ? undefined : cpuMs(store.pid);
  if (ms === undefined) throw new Error("the store's process CPU time cannot be read from /proc");
  return ms;
}

/** Runs `calls` with at most `inFlight` of them at once: elapsed and store CPU milliseconds. */
async function timed(
  calls: Array<() => Promise<unknown>>,
  inFlight: number,
): Promise<{ ms: number; storeCpuMs: number }> {
  const start = performance.now();
  const cpu = storeCpuMs();
  let next = 0;
  const worker = async () => {
    while (next < calls.length) await calls[next++]?.();
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { ms: Math.round(performance.now() - start), storeCpuMs: Math.round(storeCpuMs() - cpu) };
}

try {
  await ensureTable(client, TABLE);
  const results = [];
  for (const inFlight of String(values['in-flight']).split(',').map(Number)) {
    const indexes = Array.from({ length: items }, (_, i) => i);
    const putRun = `PUT-${inFlight}`;
    const putMs = await timed(
      indexes.map((i) => () => doc.send(new PutCommand(claim(putRun, i)))),
      inFlight,
    );
    const transactRun = `TX-${inFlight}`;
    const transactions = Array.from({ length: Math.ceil(items / PER_TRANSACTION) }, (_, t) =>
      indexes.slice(t * PER_TRANSACTION, (t + 1) * PER_TRANSACTION),
    );
    const transactMs = await timed(
      transactions.map(
        (chunk) => () =>
          doc.send(
            new TransactWriteCommand({
              TransactItems: chunk.map((i) => ({ Put: claim(transactRun, i) })),
            }),
          ),
      ),
      inFlight,
    );
    results.push({
      items,
      inFlight,
      putItem: putMs,
      transactWriteItems: transactMs,
      speedup: Number((putMs.ms / transactMs.ms).toFixed(1)),
    });
  }
  console.log(JSON.stringify(results, null, 2));
} finally {
  client.destroy();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

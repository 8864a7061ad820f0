import { createRequire } from 'node:module';
import { PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type EmbeddedTable, startEmbeddedTable } from '../support/embedded-table.ts';

// dynalite's own `level`, whose iterators every Query and Scan reads through.
const { Level } = createRequire(createRequire(import.meta.url).resolve('dynalite'))('level') as {
  Level: {
    prototype: Record<'keys' | 'values', (...args: unknown[]) => { close(): Promise<void> }>;
  };
};
const TABLE = 'Iterators';
const open = new Set<object>();
const originals = { keys: Level.prototype.keys, values: Level.prototype.values };
let embedded: EmbeddedTable;

/** Counts the iterators dynalite opens and has not closed (it serves in this process). */
function watchIterators() {
  for (const method of ['keys', 'values'] as const) {
    Level.prototype[method] = function (this: unknown, ...args: unknown[]) {
      const iterator = originals[method].apply(this, args);
      open.add(iterator);
      const close = iterator.close.bind(iterator);
      iterator.close = () => {
        open.delete(iterator);
        return close();
      };
      return iterator;
    };
  }
}

beforeAll(async () => {
  watchIterators();
  embedded = await startEmbeddedTable(TABLE);
  for (let i = 0; i < 5; i++)
    await embedded.doc.send(
      new PutCommand({
        TableName: TABLE,
        Item: { PK: 'FLIGHT#FP1', SK: `BOOKING#B${i}`, GSI2PK: 'CONFIRMED', GSI2SK: `${i}` },
      }),
    );
});
afterAll(async () => {
  Object.assign(Level.prototype, originals);
  await embedded?.close();
});

describe('the embedded store closes what its reads open', () => {
  it('closes the iterator of every Query and Scan, read to the end or cut short by Limit', async () => {
    const query = { TableName: TABLE, KeyConditionExpression: 'PK = :p' };
    const values = { ':p': 'FLIGHT#FP1' };
    const reads = [
      new QueryCommand({ ...query, ExpressionAttributeValues: values }),
      new QueryCommand({ ...query, ExpressionAttributeValues: values, Limit: 2 }),
      new QueryCommand({
        TableName: TABLE,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :s',
        ExpressionAttributeValues: { ':s': 'CONFIRMED' },
        Limit: 1,
      }),
      new ScanCommand({ TableName: TABLE }),
      new ScanCommand({ TableName: TABLE, Limit: 3 }),
    ];
    for (const read of reads) {
      const page = await embedded.doc.send(read as QueryCommand);
      expect(page.Items?.length).toBeGreaterThan(0);
    }
    // Closing finishes after the answer is sent: wait for it, however long it takes.
    await vi.waitFor(() => expect(open.size).toBe(0), { timeout: 10_000 });
  });
});

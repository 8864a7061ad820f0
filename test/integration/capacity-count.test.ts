import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchWrite } from '../../src/adapters/dynamodb/batch-write.ts';
import { countCapacity } from '../../src/runtime/count-operations.ts';
import { type EmbeddedTable, startEmbeddedTable } from '../support/embedded-table.ts';

const TABLE = 'CapacityCount';

describe('capacity units counted as the store reports them', () => {
  let store: EmbeddedTable;
  beforeAll(async () => {
    store = await startEmbeddedTable(TABLE);
  });
  afterAll(() => store.close());

  it('bills a batch per item and a transaction twice per item, not per call', async () => {
    const units = countCapacity(store.client);
    const item = (i: number) => ({ PK: `T#${i}`, SK: 'METADATA', n: i });
    await batchWrite(
      store.doc,
      TABLE,
      Array.from({ length: 25 }, (_, i) => item(i)),
    );
    expect(units).toEqual({ read: 0, write: 25 });

    await store.doc.send(
      new TransactWriteCommand({
        TransactItems: Array.from({ length: 10 }, (_, i) => ({
          Put: { TableName: TABLE, Item: item(100 + i) },
        })),
      }),
    );
    expect(units.write).toBe(45);

    await store.doc.send(
      new GetCommand({
        TableName: TABLE,
        Key: { PK: 'T#1', SK: 'METADATA' },
        ConsistentRead: true,
      }),
    );
    expect(units).toEqual({ read: 1, write: 45 });
  });
});

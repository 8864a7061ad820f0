import { readdirSync } from 'node:fs';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { WRITE_BUFFER_BYTES } from '../../src/adapters/local/dynamodb/dynalite-write-buffer.ts';
import { startEmbeddedTable } from '../support/embedded-table.ts';

const TABLE = 'WriteBuffer';
/** LevelDB's own default, which the store's buffer replaces. */
const LEVELDB_DEFAULT_BUFFER = 4 * 1024 * 1024;

describe('the embedded store on disk', () => {
  it('keeps writes three times the size of LevelDB’s default buffer in its own, unflushed', async () => {
    expect(WRITE_BUFFER_BYTES).toBeGreaterThan(4 * LEVELDB_DEFAULT_BUFFER);
    const embedded = await startEmbeddedTable(TABLE, { ownProcess: true });
    try {
      // 12 MiB of items: with LevelDB's 4 MiB buffer, full memtables would have been written out
      // as tables (.ldb) by now (a third switch waits for the flush of the one before).
      const pad = 'x'.repeat(1000);
      for (let batch = 0; batch < 3 * (LEVELDB_DEFAULT_BUFFER / 1024 / 25) + 1; batch++)
        await embedded.doc.send(
          new BatchWriteCommand({
            RequestItems: {
              [TABLE]: Array.from({ length: 25 }, (_, i) => ({
                PutRequest: { Item: { PK: `FLIGHT#${batch}`, SK: `NOTIFICATION#${i}`, pad } },
              })),
            },
          }),
        );
      const tables = readdirSync(embedded.path).filter((f) => f.endsWith('.ldb'));
      expect(tables).toEqual([]);
    } finally {
      await embedded.close();
    }
  });
});

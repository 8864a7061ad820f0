import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../src/adapters/dynamodb/document-client.ts';
import { ensureTable } from '../../src/adapters/dynamodb/ensure-table.ts';
import { tapChangeFeed } from '../../src/adapters/local/dynamodb/change-feed-tap.ts';
import { startEmbeddedDynamoDb } from '../../src/adapters/local/dynamodb/embedded-dynamodb.ts';
import { raisesSecondaryEvents } from '../../src/domain/event-routing/stream-changes.ts';

type Tap = Parameters<typeof tapChangeFeed>;

/**
 * A table on a fresh embedded store with the tap on it: `doc` writes through the tapped client,
 * `records` collects what the tap emits, `reads()` counts the tap's own reads.
 */
async function withTap(
  table: string,
  options: Tap[4],
  body: (tap: {
    doc: DynamoDBDocumentClient;
    records: DynamoDBRecord[];
    reads: () => number;
  }) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'flightpulse-feed-'));
  const dynamo = await startEmbeddedDynamoDb(join(dir, 'db'));
  const client = createDynamoDbClient({ endpoint: dynamo.endpoint });
  const reader = createDynamoDbClient({ endpoint: dynamo.endpoint });
  try {
    await ensureTable(reader, table);
    let reads = 0;
    reader.middlewareStack.add(
      (next) => (args) => {
        reads++;
        return next(args);
      },
      { step: 'initialize', name: 'countReads' },
    );
    const records: DynamoDBRecord[] = [];
    tapChangeFeed(client, reader, table, (batch) => records.push(...batch), options);
    await body({ doc: createDocumentClient(client), records, reads: () => reads });
  } finally {
    client.destroy();
    reader.destroy();
    await dynamo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('change feed tap on dynalite', () => {
  it('turns every write into a NEW_AND_OLD_IMAGES stream record, and ignores failed or no-op writes', async () => {
    await withTap('Tap1', undefined, async ({ doc, records }) => {
      const Key = { PK: 'BOOKING#B1', SK: 'METADATA' };
      await doc.send(
        new PutCommand({ TableName: 'Tap1', Item: { ...Key, booking_status: 'CONFIRMED' } }),
      );
      await doc.send(
        new UpdateCommand({
          TableName: 'Tap1',
          Key,
          UpdateExpression: 'SET booking_status = :s',
          ExpressionAttributeValues: { ':s': 'NEEDS_REBOOKING' },
        }),
      );
      await doc.send(
        new PutCommand({ TableName: 'Tap1', Item: { ...Key, booking_status: 'NEEDS_REBOOKING' } }),
      );
      await expect(
        doc.send(
          new PutCommand({
            TableName: 'Tap1',
            Item: Key,
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        ),
      ).rejects.toThrow();
      await doc.send(new DeleteCommand({ TableName: 'Tap1', Key }));
      expect(records.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
      expect(records[1]?.dynamodb).toMatchObject({
        Keys: { PK: { S: 'BOOKING#B1' }, SK: { S: 'METADATA' } },
        OldImage: { booking_status: { S: 'CONFIRMED' } },
        NewImage: { booking_status: { S: 'NEEDS_REBOOKING' } },
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      });
      expect(records[2]?.dynamodb?.NewImage).toBeUndefined();
    });
  });

  it('takes the images from the writes themselves: no read-back, and the caller gets the answer it asked for', async () => {
    await withTap('Tap2', undefined, async ({ doc, records, reads }) => {
      const Key = { PK: 'BOOKING#B2', SK: 'METADATA' };
      const put = await doc.send(
        new PutCommand({ TableName: 'Tap2', Item: { ...Key, booking_status: 'CONFIRMED' } }),
      );
      expect(put.Attributes).toBeUndefined();
      const updated = await doc.send(
        new UpdateCommand({
          TableName: 'Tap2',
          Key,
          UpdateExpression: 'SET booking_status = :s',
          ExpressionAttributeValues: { ':s': 'NEEDS_REBOOKING' },
          ReturnValues: 'ALL_NEW',
        }),
      );
      expect(updated.Attributes).toEqual({ ...Key, booking_status: 'NEEDS_REBOOKING' });
      await doc.send(
        new BatchWriteCommand({
          RequestItems: {
            Tap2: [
              {
                PutRequest: {
                  Item: { PK: 'BOOKING#B3', SK: 'METADATA', booking_status: 'CONFIRMED' },
                },
              },
              { DeleteRequest: { Key } },
            ],
          },
        }),
      );
      // The update's old image was the put's item; only the batch's unknown key was read.
      expect(reads()).toBe(1);
      expect(records.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'INSERT', 'REMOVE']);
      expect(records[1]?.dynamodb).toMatchObject({
        OldImage: { booking_status: { S: 'CONFIRMED' } },
        NewImage: { booking_status: { S: 'NEEDS_REBOOKING' } },
      });
      expect(records[3]?.dynamodb?.OldImage).toMatchObject({
        booking_status: { S: 'NEEDS_REBOOKING' },
      });
    });
  });

  it('leaves out writes to items its reader does not watch: untapped, unread, no records', async () => {
    await withTap('Tap3', { watches: raisesSecondaryEvents }, async ({ doc, records, reads }) => {
      const claim = { PK: 'FLIGHT#F1', SK: 'NOTIFICATION#B1#n1' };
      const put = await doc.send(new PutCommand({ TableName: 'Tap3', Item: { ...claim, s: 'Q' } }));
      expect(put.Attributes).toBeUndefined();
      await doc.send(
        new UpdateCommand({
          TableName: 'Tap3',
          Key: claim,
          UpdateExpression: 'SET s = :s',
          ExpressionAttributeValues: { ':s': 'SENT' },
        }),
      );
      await doc.send(
        new BatchWriteCommand({
          RequestItems: { Tap3: [{ PutRequest: { Item: { PK: 'PROVIDER#m1', SK: 'P' } } }] },
        }),
      );
      expect(reads()).toBe(0);
      expect(records).toEqual([]);
      const Key = { PK: 'FLIGHT#F1', SK: 'METADATA' };
      await doc.send(new PutCommand({ TableName: 'Tap3', Item: { ...Key, status: 'SCHEDULED' } }));
      await doc.send(
        new UpdateCommand({
          TableName: 'Tap3',
          Key,
          UpdateExpression: 'SET #s = :s',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':s': 'DELAYED' },
        }),
      );
      expect(records.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY']);
      expect(records[1]?.dynamodb?.OldImage).toMatchObject({ status: { S: 'SCHEDULED' } });
    });
  });

  it('passes unwatched transactions through, and turns a watched one into records after it commits', async () => {
    await withTap('Tap4', { watches: raisesSecondaryEvents }, async ({ doc, records, reads }) => {
      const TableName = 'Tap4';
      const booking = (id: string) => ({ PK: `BOOKING#${id}`, SK: 'METADATA' });
      const claim = (id: string) => ({
        Put: {
          TableName,
          Item: { PK: 'FLIGHT#F1', SK: `NOTIFICATION#${id}#n1`, s: 'Q' },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });
      await doc.send(new TransactWriteCommand({ TransactItems: [claim('B1'), claim('B2')] }));
      expect(reads()).toBe(0);
      expect(records).toEqual([]);
      await doc.send(
        new PutCommand({ TableName, Item: { ...booking('B2'), booking_status: 'CONFIRMED' } }),
      );
      await doc.send(
        new PutCommand({ TableName, Item: { ...booking('B3'), booking_status: 'CANCELLED' } }),
      );
      const update = (status: string) => ({
        Update: {
          TableName,
          Key: booking('B2'),
          UpdateExpression: 'SET booking_status = :s',
          ExpressionAttributeValues: { ':s': status },
        },
      });
      const failing = {
        ConditionCheck: {
          TableName,
          Key: booking('B9'),
          ConditionExpression: 'attribute_exists(PK)',
        },
      };
      await expect(
        doc.send(new TransactWriteCommand({ TransactItems: [update('REBOOKED'), failing] })),
      ).rejects.toThrow('ConditionalCheckFailed');
      await doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName, Item: { ...booking('B1'), booking_status: 'CONFIRMED' } } },
            update('NEEDS_REBOOKING'),
            { Delete: { TableName, Key: booking('B3') } },
            claim('B3'),
          ],
        }),
      );
      expect(records.map((r) => [r.eventName, r.dynamodb?.Keys?.PK?.S])).toEqual([
        ['INSERT', 'BOOKING#B2'],
        ['INSERT', 'BOOKING#B3'],
        ['INSERT', 'BOOKING#B1'],
        ['MODIFY', 'BOOKING#B2'],
        ['REMOVE', 'BOOKING#B3'],
        ['INSERT', 'FLIGHT#F1'],
      ]);
      expect(records[3]?.dynamodb).toMatchObject({
        OldImage: { booking_status: { S: 'CONFIRMED' } },
        NewImage: { booking_status: { S: 'NEEDS_REBOOKING' } },
      });
      expect(records[4]?.dynamodb?.OldImage).toMatchObject({ booking_status: { S: 'CANCELLED' } });
    });
  });
});

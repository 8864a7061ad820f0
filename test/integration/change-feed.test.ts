import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../src/adapters/dynamodb/document-client.ts';
import { ensureTable } from '../../src/adapters/dynamodb/ensure-table.ts';
import { tapChangeFeed } from '../../src/adapters/local/dynamodb/change-feed-tap.ts';
import { startEmbeddedDynamoDb } from '../../src/adapters/local/dynamodb/embedded-dynamodb.ts';

describe('change feed tap on dynalite', () => {
  it('turns every write into a NEW_AND_OLD_IMAGES stream record, and ignores failed or no-op writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flightpulse-feed-'));
    const dynamo = await startEmbeddedDynamoDb(join(dir, 'db'));
    const client = createDynamoDbClient({ endpoint: dynamo.endpoint });
    const reader = createDynamoDbClient({ endpoint: dynamo.endpoint });
    try {
      await ensureTable(reader, 'Tap1');
      const records: DynamoDBRecord[] = [];
      tapChangeFeed(client, reader, 'Tap1', (batch) => records.push(...batch));
      const doc = createDocumentClient(client);
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
    } finally {
      client.destroy();
      reader.destroy();
      await dynamo.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

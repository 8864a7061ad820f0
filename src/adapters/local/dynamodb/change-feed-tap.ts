import {
  type AttributeValue,
  BatchGetItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { batchGetAll } from '../../dynamodb/batch-get.ts';
import { KeyLocks } from './key-locks.ts';
import { type Image, type Key, streamRecord } from './stream-record.ts';

const WRITE_COMMANDS = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
]);

/**
 * Gives a store without streams (dynalite) a DynamoDB-Streams-shaped change feed: every write
 * through `client` is wrapped so the item's old and new images are read around it, and a
 * NEW_AND_OLD_IMAGES record is handed to `onRecords`. Writes to the same key are serialised so
 * the images are exact as long as this process is the store's only writer (true when embedded).
 */
export function tapChangeFeed(
  client: DynamoDBClient,
  reader: DynamoDBClient,
  tableName: string,
  onRecords: (records: DynamoDBRecord[]) => void,
  region = 'local',
): void {
  const locks = new KeyLocks();
  let sequence = 0;
  const readImages = async (keys: Key[]): Promise<Map<string, Image>> => {
    const items = await batchGetAll<Key, Key>(keys, async (Keys) => {
      const result = await reader.send(
        new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys, ConsistentRead: true } } }),
      );
      return {
        items: result.Responses?.[tableName] ?? [],
        unprocessed: (result.UnprocessedKeys?.[tableName]?.Keys as Key[] | undefined) ?? [],
      };
    });
    return new Map(items.map((item) => [keyId(item), item]));
  };

  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      const command = context.commandName ?? '';
      if (!WRITE_COMMANDS.has(command) || !writesTo(input, tableName, command)) return next(args);
      const keys = writtenKeys(input, tableName, command);
      const release = await locks.acquire(keys.map(keyId));
      try {
        const before = await readImages(keys);
        const result = await next(args);
        const after = await readImages(keys);
        const now = Date.now();
        const records = keys.flatMap((key) => {
          const change = { key, oldImage: before.get(keyId(key)), newImage: after.get(keyId(key)) };
          const record = streamRecord(change, { tableName, region, sequence: sequence + 1, now });
          if (record) sequence++;
          return record ? [record] : [];
        });
        if (records.length > 0) onRecords(records);
        return result;
      } finally {
        release();
      }
    },
    { step: 'serialize', name: 'flightPulseChangeFeedTap', priority: 'high' },
  );
}

function keyId(item: Record<string, AttributeValue>): string {
  return `${item.PK?.S}|${item.SK?.S}`;
}

/** The item's key as AttributeValues; document-client commands may still carry plain strings here. */
function keyOf(item: Record<string, unknown>): Key {
  const attribute = (value: unknown) =>
    typeof value === 'string' ? { S: value } : (value as AttributeValue);
  return { PK: attribute(item.PK), SK: attribute(item.SK) };
}

function writesTo(input: Record<string, unknown>, tableName: string, command: string): boolean {
  if (command === 'BatchWriteItemCommand') {
    return Object.hasOwn((input.RequestItems as object | undefined) ?? {}, tableName);
  }
  return input.TableName === tableName;
}

function writtenKeys(input: Record<string, unknown>, tableName: string, command: string): Key[] {
  switch (command) {
    case 'PutItemCommand':
      return [keyOf(input.Item as Key)];
    case 'UpdateItemCommand':
    case 'DeleteItemCommand':
      return [keyOf(input.Key as Key)];
    default: {
      const requests =
        (input.RequestItems as Record<string, Array<Record<string, { Item?: Key; Key?: Key }>>>)[
          tableName
        ] ?? [];
      return requests.map((r) => keyOf((r.PutRequest?.Item ?? r.DeleteRequest?.Key) as Key));
    }
  }
}

import {
  type AttributeValue,
  BatchGetItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';

type Key = Record<string, AttributeValue>;
type Image = Record<string, AttributeValue> | undefined;

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
  const locks = new Map<string, Promise<void>>();
  let sequence = 0;

  const lock = async (ids: string[]): Promise<() => void> => {
    const release: Array<() => void> = [];
    for (const id of [...new Set(ids)].sort()) {
      const previous = locks.get(id) ?? Promise.resolve();
      let unlock!: () => void;
      const mine = new Promise<void>((resolve) => {
        unlock = resolve;
      });
      const chained = previous.then(() => mine);
      locks.set(id, chained);
      await previous;
      release.push(() => {
        unlock();
        if (locks.get(id) === chained) locks.delete(id);
      });
    }
    return () => {
      for (const r of release) r();
    };
  };

  const readImages = async (keys: Key[]): Promise<Map<string, Image>> => {
    const images = new Map<string, Image>();
    for (let i = 0; i < keys.length; i += 100) {
      let pending: Key[] = keys.slice(i, i + 100);
      while (pending.length > 0) {
        const result = await reader.send(
          new BatchGetItemCommand({
            RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } },
          }),
        );
        for (const item of result.Responses?.[tableName] ?? []) images.set(keyId(item), item);
        pending = (result.UnprocessedKeys?.[tableName]?.Keys as Key[] | undefined) ?? [];
      }
    }
    return images;
  };

  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      if (
        !WRITE_COMMANDS.has(context.commandName ?? '') ||
        !writesTo(input, tableName, context.commandName)
      ) {
        return next(args);
      }
      const keys = writtenKeys(input, tableName, context.commandName ?? '');
      const release = await lock(keys.map(keyId));
      try {
        const before = await readImages(keys);
        const result = await next(args);
        const after = await readImages(keys);
        const now = Date.now();
        const records: DynamoDBRecord[] = [];
        for (const key of keys) {
          const id = keyId(key);
          const oldImage = before.get(id);
          const newImage = after.get(id);
          if (JSON.stringify(oldImage) === JSON.stringify(newImage)) continue;
          sequence++;
          records.push({
            eventID: `${now}-${sequence}`,
            eventName: !oldImage ? 'INSERT' : !newImage ? 'REMOVE' : 'MODIFY',
            eventVersion: '1.1',
            eventSource: 'aws:dynamodb',
            awsRegion: region,
            eventSourceARN: `arn:aws:dynamodb:${region}:000000000000:table/${tableName}/stream/local`,
            dynamodb: {
              ApproximateCreationDateTime: Math.floor(now / 1000),
              Keys: key as never,
              ...(newImage ? { NewImage: newImage as never } : {}),
              ...(oldImage ? { OldImage: oldImage as never } : {}),
              SequenceNumber: String(sequence).padStart(21, '0'),
              SizeBytes: JSON.stringify(newImage ?? oldImage ?? {}).length,
              StreamViewType: 'NEW_AND_OLD_IMAGES',
            },
          });
        }
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

function writesTo(input: Record<string, unknown>, tableName: string, command?: string): boolean {
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

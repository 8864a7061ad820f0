import {
  type AttributeValue,
  BatchGetItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { batchGetAll } from '../../dynamodb/batch-get.ts';
import { KeyLocks } from '../key-locks.ts';
import { ImageCache } from './image-cache.ts';
import { type Image, type Key, streamRecord } from './stream-record.ts';

const WRITE_COMMANDS = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);

export interface TapOptions {
  region?: string;
  /** Time the tap itself spent on a write (image reads, record building), for the profile. */
  onTapped?: (ms: number) => void;
  /** Item images kept to know an update's old image without reading it. */
  cacheSize?: number;
  /**
   * The items whose changes the feed's reader wants (by key); writes touching none of them go
   * to the store untapped: no images asked for or read, no records (default: every item).
   */
  watches?: (key: { PK: string | undefined; SK: string | undefined }) => boolean;
}

/** What the tap asked of a write, carried from the serialize step to the build step. */
interface TapContext {
  flightPulseTap?: { command: string; asked: string | undefined };
  __aws_sdk_context?: { features?: Record<string, string> };
}

/**
 * Gives a store without streams (dynalite) a DynamoDB-Streams-shaped change feed from the writes
 * themselves: a put or delete asks for the item it replaced (`ReturnValues: ALL_OLD`) and its
 * new image is the item written; an update asks for the item after it (`ALL_NEW`) and knows the
 * item before from the last write this process made to it (a read only when it made none); a
 * batch write or a transaction reads only the old images it does not know, and a transaction's
 * updates read their items after it (a transaction returns no images). Writes to the same key are serialised
 * so the images are exact as long as this process is the store's only writer (true when
 * embedded). The caller sees the answer it asked for: attributes it did not ask for are removed.
 */
export function tapChangeFeed(
  client: DynamoDBClient,
  reader: DynamoDBClient,
  tableName: string,
  onRecords: (records: DynamoDBRecord[]) => void,
  options: TapOptions = {},
): void {
  const locks = new KeyLocks();
  const images = new ImageCache(options.cacheSize ?? 20_000);
  const region = options.region ?? 'local';
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
    const found = new Map<string, Image>(keys.map((key) => [keyId(key), undefined]));
    for (const item of items) found.set(keyId(item), item);
    return found;
  };
  /** Old images of the keys: from the cache where known, one batch read for the rest. */
  const knownOrRead = async (keys: Key[]): Promise<Map<string, Image>> => {
    const known = new Map<string, Image>();
    const missing: Key[] = [];
    for (const key of keys) {
      const id = keyId(key);
      if (images.has(id)) known.set(id, images.get(id));
      else missing.push(key);
    }
    if (missing.length > 0)
      for (const [id, image] of await readImages(missing)) known.set(id, image);
    return known;
  };

  // Serialize step, before the document client marshals: ask the write for the image it replaced.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      const command = context.commandName ?? '';
      if (!WRITE_COMMANDS.has(command) || !writesTo(input, tableName, command)) return next(args);
      if (options.watches && !writtenKeys(input, tableName, command).some(watched(options.watches)))
        return next(args);
      const asked = input.ReturnValues as string | undefined;
      (context as TapContext).flightPulseTap = { command, asked };
      const wanted = returnValuesFor(command, asked);
      return next(wanted ? { ...args, input: { ...input, ReturnValues: wanted } } : args);
    },
    { step: 'serialize', name: 'flightPulseChangeFeedReturnValues', priority: 'high' },
  );

  // Build step: the input is marshalled here (AttributeValues) whichever client sent it.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const tap = (context as TapContext).flightPulseTap;
      if (!tap) return next(args);
      const input = args.input as Record<string, unknown>;
      const keys = writtenKeys(input, tableName, tap.command);
      const release = await locks.acquire(keys.map(keyId));
      let tapped = 0;
      const timed = async <T>(work: () => Promise<T> | T): Promise<T> => {
        const start = performance.now();
        try {
          return await work();
        } finally {
          tapped += performance.now() - start;
        }
      };
      try {
        const needsOld = !['PutItemCommand', 'DeleteItemCommand'].includes(tap.command);
        const before = needsOld ? await timed(() => knownOrRead(keys)) : new Map<string, Image>();
        const result = await next(args);
        const output = result.output as unknown as Record<string, unknown>;
        const documentForm =
          (context as TapContext).__aws_sdk_context?.features?.DDB_MAPPER === 'd';
        const changes = await timed(() =>
          changesOf(tap, input, output, { keys, before, documentForm, tableName, readImages }),
        );
        const now = Date.now();
        const records = changes.flatMap((change) => {
          const id = keyId(change.key);
          images.set(id, change.newImage);
          const record = streamRecord(change, { tableName, region, sequence: sequence + 1, now });
          if (record) sequence++;
          return record ? [record] : [];
        });
        if (!tap.asked || tap.asked === 'NONE') delete output.Attributes;
        if (records.length > 0) onRecords(records);
        return result;
      } finally {
        release();
        options.onTapped?.(tapped);
      }
    },
    { step: 'build', name: 'flightPulseChangeFeedTap', priority: 'high' },
  );
}

/** The ReturnValues the tap asks a write for, or undefined to leave the caller's choice. */
function returnValuesFor(command: string, asked: string | undefined): string | undefined {
  if (asked && asked !== 'NONE') return undefined;
  if (command === 'PutItemCommand' || command === 'DeleteItemCommand') return 'ALL_OLD';
  if (command === 'UpdateItemCommand') return 'ALL_NEW';
  return undefined;
}

interface Change {
  key: Key;
  oldImage: Image;
  newImage: Image;
}

/** Each written key's old and new image, from the write's input and answer. */
async function changesOf(
  tap: { command: string; asked: string | undefined },
  input: Record<string, unknown>,
  output: Record<string, unknown>,
  context: {
    keys: Key[];
    before: Map<string, Image>;
    documentForm: boolean;
    tableName: string;
    readImages: (keys: Key[]) => Promise<Map<string, Image>>;
  },
): Promise<Change[]> {
  const { keys, before, documentForm } = context;
  const returned = output.Attributes
    ? documentForm
      ? (marshall(output.Attributes, { removeUndefinedValues: true }) as Key)
      : (output.Attributes as Key)
    : undefined;
  const key = keys[0] as Key;
  const asked = tap.asked && tap.asked !== 'NONE' ? tap.asked : undefined;
  switch (tap.command) {
    case 'PutItemCommand':
      if (asked && asked !== 'ALL_OLD') break;
      return [{ key, oldImage: returned, newImage: input.Item as Key }];
    case 'DeleteItemCommand':
      if (asked && asked !== 'ALL_OLD') break;
      return [{ key, oldImage: returned, newImage: undefined }];
    case 'UpdateItemCommand':
      if (asked && asked !== 'ALL_NEW') break;
      return [{ key, oldImage: before.get(keyId(key)), newImage: returned }];
    case 'TransactWriteItemsCommand':
      return transactionChanges(input, context);
    default:
      return batchChanges(input, output, context);
  }
  // The caller asked for another view of the item: read what it became.
  const after = await context.readImages(keys);
  return [{ key, oldImage: before.get(keyId(key)), newImage: after.get(keyId(key)) }];
}

/** A batch write's changes: puts become their item, deletes nothing; unprocessed ones no change. */
function batchChanges(
  input: Record<string, unknown>,
  output: Record<string, unknown>,
  context: { before: Map<string, Image>; tableName: string },
): Change[] {
  const unprocessed = new Set(
    (
      ((output.UnprocessedItems as Record<string, BatchRequest[]> | undefined)?.[
        context.tableName
      ] ?? []) as BatchRequest[]
    ).map((r) => keyId(keyOf((r.PutRequest?.Item ?? r.DeleteRequest?.Key) as Key))),
  );
  const requests = (input.RequestItems as Record<string, BatchRequest[]>)[context.tableName] ?? [];
  return requests.flatMap((r) => {
    const key = keyOf((r.PutRequest?.Item ?? r.DeleteRequest?.Key) as Key);
    const id = keyId(key);
    if (unprocessed.has(id)) return [];
    return [{ key, oldImage: context.before.get(id), newImage: r.PutRequest?.Item as Image }];
  });
}

type BatchRequest = { PutRequest?: { Item: Key }; DeleteRequest?: { Key: Key } };

/** A transaction's changes (it failed as a whole if it failed): puts and deletes as asked, updates as read after. */
async function transactionChanges(
  input: Record<string, unknown>,
  context: {
    before: Map<string, Image>;
    tableName: string;
    readImages: (keys: Key[]) => Promise<Map<string, Image>>;
  },
): Promise<Change[]> {
  const writes = transactionWrites(input, context.tableName);
  const updated = writes.filter((w) => w.kind === 'Update').map((w) => w.key);
  const after = updated.length > 0 ? await context.readImages(updated) : new Map<string, Image>();
  return writes.map(({ kind, key, item }) => ({
    key,
    oldImage: context.before.get(keyId(key)),
    newImage: kind === 'Put' ? item : kind === 'Update' ? after.get(keyId(key)) : undefined,
  }));
}

type TransactAction = { TableName?: string; Item?: Key; Key?: Key };
type TransactItem = Partial<Record<'Put' | 'Update' | 'Delete' | 'ConditionCheck', TransactAction>>;

/** The transaction's writes to the table (its condition checks write nothing). */
function transactionWrites(
  input: Record<string, unknown>,
  tableName: string,
): Array<{ kind: 'Put' | 'Update' | 'Delete'; key: Key; item: Image }> {
  return ((input.TransactItems as TransactItem[] | undefined) ?? []).flatMap((entry) =>
    (['Put', 'Update', 'Delete'] as const).flatMap((kind) => {
      const action = entry[kind];
      if (action?.TableName !== tableName) return [];
      return [{ kind, key: keyOf((action.Item ?? action.Key) as Key), item: action.Item }];
    }),
  );
}

function watched(watches: NonNullable<TapOptions['watches']>) {
  return (key: Key) => watches({ PK: key.PK?.S, SK: key.SK?.S });
}

function keyId(item: Record<string, unknown>): string {
  const part = (value: unknown) =>
    typeof value === 'string' ? value : (value as AttributeValue | undefined)?.S;
  return `${part(item.PK)}|${part(item.SK)}`;
}

/** The item's key as AttributeValues; an answer in document form may carry plain strings. */
function keyOf(item: Record<string, unknown>): Key {
  const attribute = (value: unknown) =>
    typeof value === 'string' ? { S: value } : (value as AttributeValue);
  return { PK: attribute(item.PK), SK: attribute(item.SK) };
}

function writesTo(input: Record<string, unknown>, tableName: string, command: string): boolean {
  if (command === 'BatchWriteItemCommand') {
    return Object.hasOwn((input.RequestItems as object | undefined) ?? {}, tableName);
  }
  if (command === 'TransactWriteItemsCommand')
    return transactionWrites(input, tableName).length > 0;
  return input.TableName === tableName;
}

function writtenKeys(input: Record<string, unknown>, tableName: string, command: string): Key[] {
  switch (command) {
    case 'PutItemCommand':
      return [keyOf(input.Item as Key)];
    case 'UpdateItemCommand':
    case 'DeleteItemCommand':
      return [keyOf(input.Key as Key)];
    case 'TransactWriteItemsCommand':
      return transactionWrites(input, tableName).map((w) => w.key);
    default: {
      const requests = (input.RequestItems as Record<string, BatchRequest[]>)[tableName] ?? [];
      return requests.map((r) => keyOf((r.PutRequest?.Item ?? r.DeleteRequest?.Key) as Key));
    }
  }
}

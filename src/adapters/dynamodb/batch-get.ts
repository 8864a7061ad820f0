import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TableKey } from './table/table-keys.ts';

const BATCH_GET_LIMIT = 100;
const MAX_ROUNDS = 8;

/** One BatchGetItem call: the items it returned and the keys it left unprocessed. */
export type BatchGetCall<K, I> = (keys: K[]) => Promise<{ items: I[]; unprocessed: K[] }>;

/**
 * Reads keys in BatchGetItem calls of 100, retrying unprocessed keys with backoff; `call` makes
 * one request, so the document client and the raw client (AttributeValues) share the logic.
 */
export async function batchGetAll<K, I>(keys: K[], call: BatchGetCall<K, I>): Promise<I[]> {
  const items: I[] = [];
  for (let i = 0; i < keys.length; i += BATCH_GET_LIMIT) {
    let pending = keys.slice(i, i + BATCH_GET_LIMIT);
    for (let round = 0; pending.length > 0; round++) {
      if (round === MAX_ROUNDS)
        throw new Error(`BatchGetItem left ${pending.length} keys unprocessed`);
      if (round > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** round));
      const result = await call(pending);
      items.push(...result.items);
      pending = result.unprocessed;
    }
  }
  return items;
}

/**
 * Reads many items by key through the document client; duplicate keys are read once. `consistent`
 * asks for strongly consistent reads.
 */
export async function batchGet(
  doc: DynamoDBDocumentClient,
  tableName: string,
  keys: TableKey[],
  consistent = false,
): Promise<Record<string, unknown>[]> {
  const unique = [...new Map(keys.map((k) => [`${k.PK}|${k.SK}`, { ...k }])).values()];
  return batchGetAll<Record<string, unknown>, Record<string, unknown>>(unique, async (Keys) => {
    const result = await doc.send(
      new BatchGetCommand({
        RequestItems: { [tableName]: { Keys, ...(consistent ? { ConsistentRead: true } : {}) } },
      }),
    );
    return {
      items: result.Responses?.[tableName] ?? [],
      unprocessed: result.UnprocessedKeys?.[tableName]?.Keys ?? [],
    };
  });
}

import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TableKey } from './table/table-keys.ts';

const BATCH_GET_LIMIT = 100;
const MAX_ROUNDS = 8;

/** Reads many items by key in BatchGetItem calls of 100, retrying unprocessed keys with backoff. */
export async function batchGet(
  doc: DynamoDBDocumentClient,
  tableName: string,
  keys: TableKey[],
): Promise<Record<string, unknown>[]> {
  const unique = [...new Map(keys.map((k) => [`${k.PK}|${k.SK}`, k])).values()];
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < unique.length; i += BATCH_GET_LIMIT) {
    let pending: Record<string, unknown>[] = unique
      .slice(i, i + BATCH_GET_LIMIT)
      .map((k) => ({ ...k }));
    for (let round = 0; pending.length > 0; round++) {
      if (round === MAX_ROUNDS)
        throw new Error(`BatchGetItem left ${pending.length} keys unprocessed`);
      if (round > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** round));
      const result = await doc.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }),
      );
      items.push(...(result.Responses?.[tableName] ?? []));
      pending = result.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return items;
}

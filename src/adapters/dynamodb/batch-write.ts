import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import pLimit from 'p-limit';

const BATCH_WRITE_LIMIT = 25;

/** Writes many items in BatchWriteItem calls of 25, several at once, retrying unprocessed items. */
export async function batchWrite(
  doc: DynamoDBDocumentClient,
  tableName: string,
  items: Record<string, unknown>[],
  concurrency = 8,
  onProgress?: (written: number) => void,
): Promise<void> {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += BATCH_WRITE_LIMIT)
    chunks.push(items.slice(i, i + BATCH_WRITE_LIMIT));
  const limit = pLimit(concurrency);
  const writeChunk = async (chunk: Record<string, unknown>[]) => {
    let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
    for (let round = 0; pending.length > 0; round++) {
      if (round > 8) throw new Error(`BatchWriteItem left ${pending.length} items unprocessed`);
      if (round > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** round));
      const result = await doc.send(
        new BatchWriteCommand({ RequestItems: { [tableName]: pending } }),
      );
      pending = (result.UnprocessedItems?.[tableName] ?? []) as typeof pending;
    }
  };
  let written = 0;
  await Promise.all(
    chunks.map((chunk) =>
      limit(async () => {
        await writeChunk(chunk);
        written += chunk.length;
        onProgress?.(written);
      }),
    ),
  );
}

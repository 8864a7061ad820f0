import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import pLimit from 'p-limit';

/**
 * Writes items that are not there yet. Existing items are left alone, so seeding twice changes
 * nothing and never undoes what a workflow wrote.
 */
export async function seedItems(
  doc: DynamoDBDocumentClient,
  tableName: string,
  items: Record<string, unknown>[],
  concurrency = 16,
  onProgress?: (done: number) => void,
): Promise<{ written: number; existing: number }> {
  const limit = pLimit(concurrency);
  const writeIfMissing = async (item: Record<string, unknown>): Promise<boolean> => {
    try {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  };
  let done = 0;
  const results = await Promise.all(
    items.map((item) =>
      limit(async () => {
        const wrote = await writeIfMissing(item);
        onProgress?.(++done);
        return wrote;
      }),
    ),
  );
  const written = results.filter(Boolean).length;
  return { written, existing: items.length - written };
}

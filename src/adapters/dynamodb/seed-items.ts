import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

/**
 * Writes items that are not there yet. Existing items are left alone, so seeding twice changes
 * nothing and never undoes what a workflow wrote.
 */
export async function seedItems(
  doc: DynamoDBDocumentClient,
  tableName: string,
  items: Record<string, unknown>[],
  concurrency = 16,
): Promise<{ written: number; existing: number }> {
  let written = 0;
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: item,
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
        written++;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { written, existing: items.length - written };
}

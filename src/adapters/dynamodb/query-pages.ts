import {
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../../pagination/cursor.ts';
import type { Page, PageRequest } from '../../ports.ts';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** One page of a query, with an opaque cursor for the next. */
export async function queryPage(
  doc: DynamoDBDocumentClient,
  input: QueryCommandInput,
  page: PageRequest = {},
): Promise<Page<Record<string, unknown>>> {
  const limit = Math.min(page.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const start = decodeCursor(page.cursor);
  if (start) checkCursorFits(start, input);
  let result: QueryCommandOutput;
  try {
    result = await doc.send(new QueryCommand({ ...input, Limit: limit, ExclusiveStartKey: start }));
  } catch (error) {
    // Whatever else the store finds wrong with a start key, it is a bad cursor, not a fault.
    if (start && (error as { name?: string }).name === 'ValidationException')
      throw new InvalidCursorError('cursor is not one this API issued');
    throw error;
  }
  const nextCursor = encodeCursor(result.LastEvaluatedKey);
  return { items: result.Items ?? [], ...(nextCursor ? { nextCursor } : {}) };
}

/**
 * Items read per round trip when a caller wants them all. Unbounded, the store answers 1 MB
 * pages, and decoding one (thousands of items) holds the event loop for tens of milliseconds;
 * a page this size is a few milliseconds, so ingest and the API get a turn between pages.
 */
export const READ_ALL_PAGE_SIZE = 200;

/** A query's items page by page, following LastEvaluatedKey. */
export async function* queryPages(
  doc: DynamoDBDocumentClient,
  input: QueryCommandInput,
): AsyncGenerator<Record<string, unknown>[]> {
  let start: Record<string, unknown> | undefined;
  do {
    const result = await doc.send(
      new QueryCommand({ Limit: READ_ALL_PAGE_SIZE, ...input, ExclusiveStartKey: start }),
    );
    yield result.Items ?? [];
    start = result.LastEvaluatedKey;
  } while (start);
}

/** Every item of a query. */
export async function queryAll(
  doc: DynamoDBDocumentClient,
  input: QueryCommandInput,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of queryPages(doc, input)) items.push(...page);
  return items;
}

/**
 * A cursor must name exactly the key attributes of the table or index it pages, with non-empty
 * values of a sane size, and lie in the partition the query reads; anything else was forged.
 */
function checkCursorFits(start: Record<string, unknown>, input: QueryCommandInput): void {
  const index = input.IndexName;
  const expected = index ? ['PK', 'SK', `${index}PK`, `${index}SK`] : ['PK', 'SK'];
  const names = Object.keys(start).sort();
  const fits =
    names.length === expected.length &&
    [...expected].sort().every((name, i) => names[i] === name) &&
    Object.values(start).every((v) => typeof v === 'string' && v.length > 0 && v.length <= 1024);
  const partition = input.ExpressionAttributeValues?.[':pk'];
  const partitionName = index ? `${index}PK` : 'PK';
  if (!fits || (typeof partition === 'string' && start[partitionName] !== partition))
    throw new InvalidCursorError('cursor is not one this API issued');
}

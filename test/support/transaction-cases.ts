import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  PutCommand,
  ScanCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';

type Actions = NonNullable<TransactWriteCommandInput['TransactItems']>;

/**
 * One TransactWriteItems case: items written first, then one transaction. `key(id)` keeps a
 * case's items apart from the other cases' in a shared table.
 */
export interface TransactionCase {
  name: string;
  seed: (key: (id: string) => { PK: string; SK: string }) => Record<string, unknown>[];
  actions: (table: string, key: (id: string) => { PK: string; SK: string }) => Actions;
}

/** What a transaction answered: success, or the error's name and its cancellation reasons. */
export type Outcome =
  | { ok: true }
  | { error: string; reasons?: Array<{ Code?: string; Item?: Record<string, unknown> }> };

export const TRANSACTION_CASES: TransactionCase[] = [
  {
    name: 'put, update, delete and condition check all apply',
    seed: (key) => [
      { ...key('updated'), status: 'CONFIRMED', changes: 1 },
      { ...key('deleted'), status: 'CANCELLED' },
      { ...key('checked'), status: 'OPEN' },
    ],
    actions: (TableName, key) => [
      {
        Put: {
          TableName,
          Item: { ...key('put'), status: 'SENT' },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Update: {
          TableName,
          Key: key('updated'),
          UpdateExpression: 'SET #s = :s ADD changes :one',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':s': 'NEEDS_REBOOKING', ':one': 1 },
          ConditionExpression: 'attribute_exists(PK)',
        },
      },
      {
        Delete: {
          TableName,
          Key: key('deleted'),
          ConditionExpression: '#s = :c',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':c': 'CANCELLED' },
        },
      },
      {
        ConditionCheck: {
          TableName,
          Key: key('checked'),
          ConditionExpression: '#s = :o',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':o': 'OPEN' },
        },
      },
    ],
  },
  {
    name: 'a failed condition cancels every action, with the old item where asked',
    seed: (key) => [{ ...key('claimed'), status: 'SENT' }],
    actions: (TableName, key) => [
      { Put: { TableName, Item: { ...key('fresh'), status: 'SENT' } } },
      {
        Put: {
          TableName,
          Item: { ...key('claimed'), status: 'PENDING' },
          ConditionExpression: 'attribute_not_exists(PK)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      {
        Update: {
          TableName,
          Key: key('untouched'),
          UpdateExpression: 'SET #s = :s',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':s': 'SENT' },
        },
      },
    ],
  },
  {
    name: 'failed conditions without ALL_OLD, or on a missing item, carry no item',
    seed: (key) => [
      { ...key('claimed'), status: 'SENT' },
      { ...key('delivered'), status: 'SENT' },
    ],
    actions: (TableName, key) => [
      {
        Put: {
          TableName,
          Item: { ...key('claimed'), status: 'PENDING' },
          ConditionExpression: 'attribute_not_exists(PK)',
          ReturnValuesOnConditionCheckFailure: 'NONE',
        },
      },
      {
        ConditionCheck: {
          TableName,
          Key: key('missing'),
          ConditionExpression: 'attribute_exists(PK)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      {
        Delete: {
          TableName,
          Key: key('delivered'),
          ConditionExpression: '#s = :p',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':p': 'PENDING' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
    ],
  },
  {
    name: 'two actions on one item are refused',
    seed: () => [],
    actions: (TableName, key) => [
      { Put: { TableName, Item: { ...key('twice'), status: 'SENT' } } },
      {
        ConditionCheck: {
          TableName,
          Key: key('twice'),
          ConditionExpression: 'attribute_exists(PK)',
        },
      },
    ],
  },
  {
    name: 'an update that cannot apply to the item cancels the transaction',
    seed: (key) => [{ ...key('text'), count: 'three' }],
    actions: (TableName, key) => [
      { Put: { TableName, Item: { ...key('fresh'), status: 'SENT' } } },
      {
        Update: {
          TableName,
          Key: key('text'),
          UpdateExpression: 'SET #c = #c + :one',
          ExpressionAttributeNames: { '#c': 'count' },
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
    ],
  },
  {
    name: 'an update of a key attribute is refused',
    seed: () => [],
    actions: (TableName, key) => [
      {
        Update: {
          TableName,
          Key: key('moved'),
          UpdateExpression: 'SET SK = :sk',
          ExpressionAttributeValues: { ':sk': 'OTHER' },
        },
      },
    ],
  },
];

/** Runs a case under `prefix` in `table`: its outcome and the case's items afterwards. */
export async function runTransactionCase(
  doc: DynamoDBDocumentClient,
  table: string,
  prefix: string,
  testCase: TransactionCase,
): Promise<{ outcome: Outcome; items: Record<string, unknown>[] }> {
  const key = (id: string) => ({ PK: `${prefix}#${id}`, SK: 'METADATA' });
  for (const Item of testCase.seed(key)) await doc.send(new PutCommand({ TableName: table, Item }));
  const outcome = await transactionOutcome(
    doc.send(new TransactWriteCommand({ TransactItems: testCase.actions(table, key) })),
  );
  const scanned = await doc.send(
    new ScanCommand({
      TableName: table,
      ConsistentRead: true,
      FilterExpression: 'begins_with(PK, :p)',
      ExpressionAttributeValues: { ':p': `${prefix}#` },
    }),
  );
  const items = (scanned.Items ?? []).sort((a, b) => String(a.PK).localeCompare(String(b.PK)));
  return { outcome, items };
}

export async function transactionOutcome(sent: Promise<unknown>): Promise<Outcome> {
  try {
    await sent;
    return { ok: true };
  } catch (error) {
    if (error instanceof TransactionCanceledException)
      return {
        error: error.name,
        reasons: (error.CancellationReasons ?? []).map((r) => ({
          Code: r.Code,
          ...(r.Item ? { Item: r.Item as Record<string, unknown> } : {}),
        })),
      };
    if (error instanceof Error) return { error: error.name };
    throw error;
  }
}

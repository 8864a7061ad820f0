import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../src/adapters/dynamodb/document-client.ts';
import { ensureTable } from '../../src/adapters/dynamodb/ensure-table.ts';
import { type EmbeddedTable, startEmbeddedTable } from '../support/embedded-table.ts';
import {
  runTransactionCase,
  TRANSACTION_CASES,
  transactionOutcome,
} from '../support/transaction-cases.ts';
import { DYNAMODB_ENDPOINT, requireInfrastructure } from './real-infrastructure.ts';

const TABLE = `Transactions-${Date.now()}`;
let embedded: EmbeddedTable;
let local: DynamoDBClient;
let stores: Array<[string, DynamoDBDocumentClient]>;

beforeAll(async () => {
  await requireInfrastructure();
  local = createDynamoDbClient({ endpoint: DYNAMODB_ENDPOINT });
  await ensureTable(local, TABLE);
  embedded = await startEmbeddedTable(TABLE);
  stores = [
    ['DynamoDB Local', createDocumentClient(local)],
    ['embedded', embedded.doc],
  ];
});
afterAll(async () => {
  local?.destroy();
  await embedded?.close();
});

/** The same thing done on each store, its results by store name. */
async function onBoth<T>(
  work: (doc: DynamoDBDocumentClient, store: string) => Promise<T>,
): Promise<Record<string, T>> {
  const results: Record<string, T> = {};
  for (const [store, doc] of stores) results[store] = await work(doc, store);
  return results;
}

// An operand of the wrong type found while updating: DynamoDB cancels the transaction with a
// ValidationError reason (the embedded store does too); DynamoDB Local fails the whole request.
const LOCAL_DEPARTS = 'an update that cannot apply to the item cancels the transaction';

describe('TransactWriteItems: the embedded store answers as DynamoDB Local does', () => {
  const agreed = TRANSACTION_CASES.map((testCase, index) => ({ testCase, index })).filter(
    ({ testCase }) => testCase.name !== LOCAL_DEPARTS,
  );
  it.each(agreed)('$testCase.name', async ({ testCase, index }) => {
    const results = await onBoth((doc) => runTransactionCase(doc, TABLE, `CASE${index}`, testCase));
    expect(results.embedded).toEqual(results['DynamoDB Local']);
  });

  it('answers a cancellation with the same message and reasons', async () => {
    const results = await onBoth(async (doc, store) => {
      const Item = { PK: `MESSAGE#${store}`, SK: 'METADATA', status: 'SENT' };
      await doc.send(new PutCommand({ TableName: TABLE, Item }));
      const error = await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: TABLE, Item: { ...Item, PK: `${Item.PK}-2` } } },
              {
                Put: {
                  TableName: TABLE,
                  Item,
                  ConditionExpression: 'attribute_not_exists(PK)',
                  ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
                },
              },
            ],
          }),
        )
        .catch((e: { name: string; message: string; CancellationReasons: unknown }) => e);
      const { name, message, CancellationReasons } = error as {
        name: string;
        message: string;
        CancellationReasons: Array<{ Item?: { PK?: { S?: string } } }>;
      };
      // The item's key names the store; the rest must be equal.
      for (const reason of CancellationReasons)
        if (reason.Item?.PK) reason.Item.PK = { S: 'MESSAGE#store' };
      return { name, message, CancellationReasons };
    });
    expect(results.embedded).toEqual(results['DynamoDB Local']);
    expect(results.embedded?.name).toBe('TransactionCanceledException');
  });

  it('treats a repeated client token as the same request, and refuses it for another', async () => {
    const claim = (store: string, id: string): TransactWriteCommandInput => ({
      ClientRequestToken: `token-${store}-${Date.now()}`.slice(0, 36),
      TransactItems: [
        {
          Put: {
            TableName: TABLE,
            Item: { PK: `CLAIM#${id}`, SK: 'METADATA' },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
      ],
    });
    const results = await onBoth(async (doc, store) => {
      const first = claim(store, 'N1');
      const send = (input: TransactWriteCommandInput) =>
        transactionOutcome(doc.send(new TransactWriteCommand(input)));
      return [
        await send(first),
        await send(first),
        await send({ ...claim(store, 'N2'), ClientRequestToken: first.ClientRequestToken }),
      ];
    });
    expect(results.embedded).toEqual(results['DynamoDB Local']);
    expect(results.embedded).toEqual([
      { ok: true },
      { ok: true },
      { error: 'IdempotentParameterMismatchException' },
    ]);
  });

  it('differs where DynamoDB Local departs from DynamoDB: an update of the wrong type', async () => {
    const index = TRANSACTION_CASES.findIndex((c) => c.name === LOCAL_DEPARTS);
    const testCase = TRANSACTION_CASES[index];
    if (!testCase) throw new Error(`no case '${LOCAL_DEPARTS}'`);
    const results = await onBoth((doc) => runTransactionCase(doc, TABLE, `CASE${index}`, testCase));
    expect(results['DynamoDB Local']?.outcome).toEqual({ error: 'ValidationException' });
    expect(results.embedded?.outcome).toEqual({
      error: 'TransactionCanceledException',
      reasons: [{ Code: 'None' }, { Code: 'ValidationError' }],
    });
    // Nothing written on either.
    expect(results.embedded?.items).toEqual(results['DynamoDB Local']?.items);
  });
});

describe('One expression sent again with other values: the embedded store answers as DynamoDB Local does', () => {
  it('evaluates each request with its own values and checks their types again', async () => {
    const results = await onBoth(async (doc, store) => {
      const Key = { PK: `REPEATED#${store}`, SK: 'METADATA' };
      await doc.send(new PutCommand({ TableName: TABLE, Item: { ...Key, status: 'QUEUED' } }));
      const mark = (status: unknown, one: unknown = 1) =>
        transactionOutcome(
          doc.send(
            new UpdateCommand({
              TableName: TABLE,
              Key,
              UpdateExpression: 'SET #s = :s, marks = if_not_exists(marks, :zero) + :one',
              ConditionExpression: '#s <> :s',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':s': status, ':one': one, ':zero': 0 },
            }),
          ),
        );
      const outcomes = [
        await mark('SENT'),
        await mark('DELIVERED', 2),
        await mark('DELIVERED'),
        await mark('BOUNCED', 'one'),
      ];
      const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key }));
      return { outcomes, status: Item?.status, marks: Item?.marks };
    });
    expect(results.embedded).toEqual(results['DynamoDB Local']);
    expect(results.embedded).toEqual({
      outcomes: [
        { ok: true },
        { ok: true },
        { error: 'ConditionalCheckFailedException' },
        { error: 'ValidationException' },
      ],
      status: 'DELIVERED',
      marks: 3,
    });
  });
});

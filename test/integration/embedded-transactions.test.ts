import {
  PutCommand,
  ScanCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EmbeddedTable,
  startEmbeddedTable,
  statusListing,
} from '../support/embedded-table.ts';
import {
  runTransactionCase,
  TRANSACTION_CASES,
  transactionOutcome,
} from '../support/transaction-cases.ts';

const TABLE = 'Transactions';
let embedded: EmbeddedTable;

beforeAll(async () => {
  embedded = await startEmbeddedTable(TABLE);
});
afterAll(() => embedded?.close());

const run = (index: number) => {
  const testCase = TRANSACTION_CASES[index];
  if (!testCase) throw new Error(`no transaction case ${index}`);
  return runTransactionCase(embedded.doc, TABLE, `CASE${index}`, testCase);
};
const item = (index: number, id: string, rest: Record<string, unknown>) => ({
  PK: `CASE${index}#${id}`,
  SK: 'METADATA',
  ...rest,
});

describe('TransactWriteItems on the embedded store', () => {
  it('applies a put, an update, a delete and a condition check together', async () => {
    const { outcome, items } = await run(0);
    expect(outcome).toEqual({ ok: true });
    expect(items).toEqual([
      item(0, 'checked', { status: 'OPEN' }),
      item(0, 'put', { status: 'SENT' }),
      item(0, 'updated', { status: 'NEEDS_REBOOKING', changes: 2 }),
    ]);
  });

  it('cancels every action when one condition fails, naming each one and returning the old item', async () => {
    const { outcome, items } = await run(1);
    expect(outcome).toEqual({
      error: 'TransactionCanceledException',
      reasons: [
        { Code: 'None' },
        {
          Code: 'ConditionalCheckFailed',
          Item: { PK: { S: 'CASE1#claimed' }, SK: { S: 'METADATA' }, status: { S: 'SENT' } },
        },
        { Code: 'None' },
      ],
    });
    expect(items).toEqual([item(1, 'claimed', { status: 'SENT' })]);
  });

  it('returns no old item without ALL_OLD or when the item is missing', async () => {
    const { outcome } = await run(2);
    expect(outcome).toEqual({
      error: 'TransactionCanceledException',
      reasons: [
        { Code: 'ConditionalCheckFailed' },
        { Code: 'ConditionalCheckFailed' },
        {
          Code: 'ConditionalCheckFailed',
          Item: { PK: { S: 'CASE2#delivered' }, SK: { S: 'METADATA' }, status: { S: 'SENT' } },
        },
      ],
    });
  });

  it('answers a cancellation as DynamoDB does: message, reasons and HTTP status', async () => {
    const Item = { PK: 'MESSAGE#M1', SK: 'METADATA' };
    await embedded.doc.send(new PutCommand({ TableName: TABLE, Item }));
    const sent = embedded.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: TABLE, Item: { PK: 'MESSAGE#M2', SK: 'METADATA' } } },
          { Put: { TableName: TABLE, Item, ConditionExpression: 'attribute_not_exists(PK)' } },
        ],
      }),
    );
    await expect(sent).rejects.toMatchObject({
      name: 'TransactionCanceledException',
      message:
        'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]',
      CancellationReasons: [
        { Code: 'None' },
        { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
      ],
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses two actions on one item, writing nothing', async () => {
    const { outcome, items } = await run(3);
    expect(outcome).toEqual({ error: 'ValidationException' });
    expect(items).toEqual([]);
  });

  it('cancels with a ValidationError reason when an update cannot apply to the item', async () => {
    const { outcome, items } = await run(4);
    expect(outcome).toEqual({
      error: 'TransactionCanceledException',
      reasons: [{ Code: 'None' }, { Code: 'ValidationError' }],
    });
    expect(items).toEqual([item(4, 'text', { count: 'three' })]);
    expect((await run(5)).outcome).toEqual({
      error: 'TransactionCanceledException',
      reasons: [{ Code: 'ValidationError' }],
    });
  });

  it("evaluates an update expression that several actions share against each one's own item", async () => {
    const counter = (id: string) => ({ PK: `COUNTER#${id}`, SK: 'METADATA' });
    for (const [id, count] of [
      ['C1', 1],
      ['C5', 5],
    ] as const)
      await embedded.doc.send(
        new PutCommand({ TableName: TABLE, Item: { ...counter(id), count } }),
      );
    await embedded.doc.send(
      new TransactWriteCommand({
        TransactItems: ['C1', 'C5', 'C9'].map((id) => ({
          Update: {
            TableName: TABLE,
            Key: counter(id),
            UpdateExpression: 'SET #c = if_not_exists(#c, :zero) + :one',
            ExpressionAttributeNames: { '#c': 'count' },
            ExpressionAttributeValues: { ':zero': 0, ':one': 1 },
          },
        })),
      }),
    );
    const stored = await embedded.doc.send(
      new ScanCommand({
        TableName: TABLE,
        FilterExpression: 'begins_with(PK, :p)',
        ExpressionAttributeValues: { ':p': 'COUNTER#' },
      }),
    );
    expect(Object.fromEntries((stored.Items ?? []).map((i) => [i.PK, i.count]))).toEqual({
      'COUNTER#C1': 2,
      'COUNTER#C5': 6,
      'COUNTER#C9': 1,
    });
  });

  it('bills each action twice the larger of its item before and after, per KB, and a repeat the same', async () => {
    const key = (id: string) => ({ PK: `CAPACITY#${id}`, SK: 'METADATA' });
    const large = 'x'.repeat(2500);
    await embedded.doc.send(new PutCommand({ TableName: TABLE, Item: { ...key('large'), large } }));
    await embedded.doc.send(new PutCommand({ TableName: TABLE, Item: key('checked') }));
    const input: TransactWriteCommandInput = {
      ReturnConsumedCapacity: 'TOTAL',
      ClientRequestToken: 'capacity-1',
      TransactItems: [
        { Put: { TableName: TABLE, Item: { ...key('small'), n: 1 } } },
        { Put: { TableName: TABLE, Item: { ...key('new-large'), large: large.repeat(2) } } },
        {
          Update: {
            TableName: TABLE,
            Key: key('large'),
            UpdateExpression: 'REMOVE #l',
            ExpressionAttributeNames: { '#l': 'large' },
          },
        },
        { Delete: { TableName: TABLE, Key: key('missing') } },
        {
          ConditionCheck: {
            TableName: TABLE,
            Key: key('checked'),
            ConditionExpression: 'attribute_exists(PK)',
          },
        },
      ],
    };
    const units = async () =>
      (await embedded.doc.send(new TransactWriteCommand(input))).ConsumedCapacity;
    // 2 × (1 + 5 + 3 + 1 + 1) KB: the update's item was 3 KB before it.
    expect(await units()).toEqual([{ TableName: TABLE, CapacityUnits: 22 }]);
    expect(await units()).toEqual([{ TableName: TABLE, CapacityUnits: 22 }]);
  });

  it('keeps secondary-index entries as the single-item writes do', async () => {
    const listed = statusListing(embedded.doc, TABLE);
    const booking = (id: string) => ({ PK: `BOOKING#${id}`, SK: 'METADATA' });
    await embedded.doc.send(
      new TransactWriteCommand({
        TransactItems: ['B1', 'B2'].map((id) => ({
          Put: {
            TableName: TABLE,
            Item: { ...booking(id), booking_id: id, GSI2PK: 'CONFIRMED', GSI2SK: '2025-01-01' },
          },
        })),
      }),
    );
    expect((await listed('CONFIRMED')).sort()).toEqual(['B1', 'B2']);
    await embedded.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: TABLE,
              Key: booking('B1'),
              UpdateExpression: 'SET GSI2PK = :s',
              ExpressionAttributeValues: { ':s': 'NEEDS_REBOOKING' },
            },
          },
          { Delete: { TableName: TABLE, Key: booking('B2') } },
        ],
      }),
    );
    expect(await listed('CONFIRMED')).toEqual([]);
    expect(await listed('NEEDS_REBOOKING')).toEqual(['B1']);
  });

  it('makes a repeat with the same client token a no-op, and refuses the token for another request', async () => {
    const claim = (id: string, note = 'first'): TransactWriteCommandInput => ({
      ClientRequestToken: 'claim-token-1',
      TransactItems: [
        {
          Put: {
            TableName: TABLE,
            Item: { PK: `CLAIM#${id}`, SK: 'METADATA', _note: note },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
      ],
    });
    const send = (input: TransactWriteCommandInput) =>
      transactionOutcome(embedded.doc.send(new TransactWriteCommand(input)));
    expect(await send(claim('N1'))).toEqual({ ok: true });
    expect(await send(claim('N1'))).toEqual({ ok: true });
    expect(await send(claim('N2'))).toEqual({ error: 'IdempotentParameterMismatchException' });
    // An attribute whose name starts as the store's own parsed members do is still a parameter.
    expect(await send(claim('N1', 'second'))).toEqual({
      error: 'IdempotentParameterMismatchException',
    });
    expect(await send({ ...claim('N1'), ClientRequestToken: 'claim-token-2' })).toMatchObject({
      error: 'TransactionCanceledException',
    });
  });
});

describe('concurrent transactions on the embedded store', () => {
  it('claims every key exactly once when 20 transactions and single puts race for overlapping keys', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => `RACE#${String(i).padStart(2, '0')}`);
    // Transaction t wants 10 keys from 2t on (so each overlaps the next four), in shuffled order.
    const wanted = (t: number) =>
      Array.from({ length: 10 }, (_, i) => keys[(2 * t + 7 * i) % keys.length] as string);
    const claim = (owner: string, PK: string) => ({
      TableName: TABLE,
      Item: { PK, SK: 'CLAIM', owner },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
    const claimed = new Map<string, string[]>();
    const record = (owner: string, pk: string) =>
      claimed.set(pk, [...(claimed.get(pk) ?? []), owner]);
    const transaction = async (t: number) => {
      let rest = wanted(t);
      // As the notification claims do: on cancellation, retry the actions whose condition held.
      while (rest.length > 0) {
        const outcome = await transactionOutcome(
          embedded.doc.send(
            new TransactWriteCommand({
              TransactItems: rest.map((pk) => ({ Put: claim(`T${t}`, pk) })),
            }),
          ),
        );
        if ('ok' in outcome) {
          for (const pk of rest) record(`T${t}`, pk);
          return;
        }
        rest = rest.filter((_, i) => outcome.reasons?.[i]?.Code === 'None');
      }
    };
    const single = async (pk: string) => {
      const outcome = await transactionOutcome(
        embedded.doc.send(new PutCommand(claim('single', pk))),
      );
      if ('ok' in outcome) record('single', pk);
    };
    await Promise.all([
      ...Array.from({ length: 20 }, (_, t) => transaction(t)),
      ...keys.filter((_, i) => i % 5 === 0).map(single),
    ]);
    const stored = await embedded.doc.send(
      new ScanCommand({
        TableName: TABLE,
        FilterExpression: 'SK = :c',
        ExpressionAttributeValues: { ':c': 'CLAIM' },
      }),
    );
    const owners = new Map((stored.Items ?? []).map((i) => [i.PK as string, i.owner as string]));
    expect([...claimed.keys()].sort()).toEqual(keys);
    for (const pk of keys) expect(claimed.get(pk)).toEqual([owners.get(pk)]);
  });
});

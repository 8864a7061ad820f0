import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedTable, startEmbeddedTable } from '../support/embedded-table.ts';
import { transactionOutcome } from '../support/transaction-cases.ts';

const TABLE = 'Expressions';
let embedded: EmbeddedTable;

beforeAll(async () => {
  embedded = await startEmbeddedTable(TABLE);
});
afterAll(() => embedded?.close());

const update = (input: UpdateCommandInput) =>
  transactionOutcome(embedded.doc.send(new UpdateCommand(input)));
const key = (PK: string) => ({ PK, SK: 'METADATA' });
const itemOf = async (PK: string) =>
  (await embedded.doc.send(new GetCommand({ TableName: TABLE, Key: key(PK) }))).Item;

/** One expression, as a wave sends it again and again with other values. */
const mark = (
  PK: string,
  status: unknown,
  one: unknown = 1,
): UpdateCommandInput & { UpdateExpression: string } => ({
  TableName: TABLE,
  Key: key(PK),
  UpdateExpression: 'SET #s = :s, marks = if_not_exists(marks, :zero) + :one',
  ConditionExpression: 'attribute_exists(PK) AND #s <> :s',
  ExpressionAttributeNames: { '#s': 'status' },
  ExpressionAttributeValues: { ':s': status, ':one': one, ':zero': 0 },
});

describe('expressions the embedded store parses once', () => {
  it("evaluate each request's own values", async () => {
    await embedded.doc.send(new PutCommand({ TableName: TABLE, Item: { ...key('E1') } }));
    expect(await update(mark('E1', 'SENT'))).toEqual({ ok: true });
    expect(await update(mark('E1', 'DELIVERED', 2))).toEqual({ ok: true });
    expect(await itemOf('E1')).toMatchObject({ status: 'DELIVERED', marks: 3 });
    // The condition compares with this request's value: the status is DELIVERED already.
    expect(await update(mark('E1', 'DELIVERED'))).toEqual({
      error: 'ConditionalCheckFailedException',
    });
    expect(await update(mark('E1', 'SENT'))).toEqual({ ok: true });
    expect(await itemOf('E1')).toMatchObject({ status: 'SENT', marks: 4 });
  });

  it('evaluate their own values in a transaction of many alike', async () => {
    const ids = ['T1', 'T2', 'T3'];
    for (const id of ids)
      await embedded.doc.send(new PutCommand({ TableName: TABLE, Item: { ...key(id) } }));
    const marks = ids.map((id, i) => ({ Update: mark(id, `S${i}`, i + 1) }));
    expect(
      await transactionOutcome(
        embedded.doc.send(new TransactWriteCommand({ TransactItems: marks })),
      ),
    ).toEqual({ ok: true });
    for (const [i, id] of ids.entries())
      expect(await itemOf(id)).toMatchObject({ status: `S${i}`, marks: i + 1 });
  });

  it("are checked again when a value's type changes", async () => {
    await embedded.doc.send(new PutCommand({ TableName: TABLE, Item: { ...key('E2') } }));
    expect(await update(mark('E2', 'SENT'))).toEqual({ ok: true });
    const wrongType = embedded.doc.send(new UpdateCommand(mark('E2', 'DELIVERED', 'one')));
    await expect(wrongType).rejects.toThrow(/Incorrect operand type for operator or function/);
  });

  it('still refuse a value the expressions do not use', async () => {
    await embedded.doc.send(new PutCommand({ TableName: TABLE, Item: { ...key('E3') } }));
    const input = mark('E3', 'SENT');
    const unused = {
      ...input,
      ExpressionAttributeValues: { ...input.ExpressionAttributeValues, ':x': 1 },
    };
    await expect(embedded.doc.send(new UpdateCommand(unused))).rejects.toThrow(
      /unused in expressions/,
    );
  });

  it('compare BETWEEN bounds on every request', async () => {
    const between = (lo: number, hi: number) =>
      embedded.doc.send(
        new QueryCommand({
          TableName: TABLE,
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :lo AND :hi',
          ExpressionAttributeValues: { ':pk': 'B1', ':lo': String(lo), ':hi': String(hi) },
        }),
      );
    await expect(between(1, 2)).resolves.toMatchObject({ Count: 0 });
    await expect(between(2, 1)).rejects.toThrow(/upper bound to be greater than or equal/);
  });

  it('check the type name attribute_type is given on every request', async () => {
    await embedded.doc.send(new PutCommand({ TableName: TABLE, Item: { ...key('E4'), v: 'x' } }));
    const typed = (type: string) =>
      embedded.doc.send(
        new UpdateCommand({
          TableName: TABLE,
          Key: key('E4'),
          UpdateExpression: 'SET checked = :t',
          ConditionExpression: 'attribute_type(v, :t)',
          ExpressionAttributeValues: { ':t': type },
        }),
      );
    await expect(typed('S')).resolves.toBeDefined();
    await expect(typed('XX')).rejects.toThrow(/Invalid attribute type name found/);
  });

  it("read each query's own key", async () => {
    for (const PK of ['Q1', 'Q2'])
      await embedded.doc.send(new PutCommand({ TableName: TABLE, Item: { ...key(PK), v: PK } }));
    const query = async (PK: string) =>
      (
        await embedded.doc.send(
          new QueryCommand({
            TableName: TABLE,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': PK },
          }),
        )
      ).Items?.map((item) => item.v);
    expect(await query('Q1')).toEqual(['Q1']);
    expect(await query('Q2')).toEqual(['Q2']);
  });
});

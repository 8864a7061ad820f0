import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  CoalescingTransactWriter,
  type TransactItem,
} from '../../../src/adapters/dynamodb/coalescing-transact-writer.ts';

type Item = Record<string, unknown>;

/**
 * A document client answering TransactWriteItems as DynamoDB does for conditional puts: all or
 * nothing, every failed condition reported with the old item, the others 'None'. `conflicts`
 * cancels that many calls first with a TransactionConflict on their first action.
 */
function transactingDoc(stored: Map<string, Item> = new Map(), conflicts = 0) {
  const calls: TransactItem[][] = [];
  let conflictsLeft = conflicts;
  const doc = {
    send: async (command: { input: { TransactItems: TransactItem[] } }) => {
      const actions = command.input.TransactItems;
      calls.push(actions);
      const reasons = actions.map((a, i) => {
        if (conflictsLeft > 0 && i === 0) return { Code: 'TransactionConflict' };
        const old = a.Put ? stored.get(String(a.Put.Item?.PK)) : undefined;
        return old ? { Code: 'ConditionalCheckFailed', Item: marshall(old) } : { Code: 'None' };
      });
      if (reasons.some((r) => r.Code !== 'None')) {
        if (conflictsLeft > 0) conflictsLeft--;
        throw new TransactionCanceledException({
          message: 'Transaction cancelled',
          $metadata: {},
          CancellationReasons: reasons,
        });
      }
      for (const a of actions) if (a.Put?.Item) stored.set(String(a.Put.Item.PK), a.Put.Item);
      return {};
    },
  } as unknown as DynamoDBDocumentClient;
  return { doc, calls, stored };
}

const put = (pk: string, extra: Item = {}): TransactItem[] => [
  {
    Put: {
      TableName: 'T',
      Item: { PK: pk, SK: 'S', ...extra },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  },
];

describe('CoalescingTransactWriter', () => {
  it('writes groups asked for together in transactions of up to 100 actions', async () => {
    const { doc, calls } = transactingDoc();
    const writer = new CoalescingTransactWriter(doc);
    const outcomes = await Promise.all(
      Array.from({ length: 150 }, (_, i) => writer.write(put(`P${i}`))),
    );
    expect(outcomes.every((o) => o.written)).toBe(true);
    expect(calls.map((c) => c.length)).toEqual([100, 50]);
  });

  it('answers a refused group with the item it met and writes the others without it', async () => {
    const { doc, calls, stored } = transactingDoc(
      new Map([['P1', { PK: 'P1', SK: 'S', owner: 'other' }]]),
    );
    const writer = new CoalescingTransactWriter(doc);
    const outcomes = await Promise.all(['P0', 'P1', 'P2'].map((pk) => writer.write(put(pk))));
    expect(outcomes).toEqual([
      { written: true },
      { written: false, failedAt: 0, old: { PK: 'P1', SK: 'S', owner: 'other' } },
      { written: true },
    ]);
    expect(calls.map((c) => c.length)).toEqual([3, 2]);
    expect(stored.get('P1')).toEqual({ PK: 'P1', SK: 'S', owner: 'other' });
  });

  it('retries a conflict after the retry policy backoff', async () => {
    const { doc, calls } = transactingDoc(new Map(), 2);
    const waits: number[] = [];
    const writer = new CoalescingTransactWriter(doc, {
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const outcomes = await Promise.all(['P0', 'P1'].map((pk) => writer.write(put(pk))));
    expect(outcomes.every((o) => o.written)).toBe(true);
    expect(calls).toHaveLength(3);
    expect(waits).toEqual([10, 20]);
  });

  it('never puts two groups touching one item in one call: the later goes after the first', async () => {
    const { doc, calls } = transactingDoc();
    const writer = new CoalescingTransactWriter(doc);
    const outcomes = await Promise.all([
      writer.write(put('P0', { n: 1 })),
      writer.write(put('P1')),
      writer.write(put('P0', { n: 2 })),
    ]);
    expect(outcomes.map((o) => o.written)).toEqual([true, true, false]);
    expect(calls.map((c) => c.map((a) => a.Put?.Item?.PK))).toEqual([['P0', 'P1'], ['P0']]);
  });

  it('keeps each call under the 4 MB transaction limit', async () => {
    const { doc, calls } = transactingDoc();
    const writer = new CoalescingTransactWriter(doc);
    const body = 'x'.repeat(390_000);
    await Promise.all(Array.from({ length: 12 }, (_, i) => writer.write(put(`P${i}`, { body }))));
    expect(calls.map((c) => c.length)).toEqual([8, 4]);
  });

  it('with a limit on calls under way, groups asked for meanwhile go together when one ends', async () => {
    const { doc: store, calls } = transactingDoc();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first call waits until released, as a busy store answers late.
    const doc = {
      send: async (command: unknown) => {
        if (calls.length === 0) await held;
        return store.send(command as never);
      },
    } as unknown as DynamoDBDocumentClient;
    const writer = new CoalescingTransactWriter(doc, { maxInFlight: 1 });
    const writes = [writer.write(put('P0'))];
    for (let i = 1; i < 4; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      writes.push(writer.write(put(`P${i}`)));
    }
    release();
    await Promise.all(writes);
    expect(calls.map((c) => c.map((a) => a.Put?.Item?.PK))).toEqual([['P0'], ['P1', 'P2', 'P3']]);
  });
});

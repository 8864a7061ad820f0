import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { CoalescingWriter } from '../../../src/adapters/dynamodb/coalescing-writer.ts';

/** A document client that keeps each BatchWriteItem call's items and processes them all. */
function recordingDoc() {
  const calls: unknown[][] = [];
  const doc = {
    send: async (command: { input: { RequestItems: Record<string, unknown[]> } }) => {
      calls.push(command.input.RequestItems.T ?? []);
      return { UnprocessedItems: {} };
    },
  } as unknown as DynamoDBDocumentClient;
  return { doc, calls };
}

describe('CoalescingWriter', () => {
  it('sends puts asked for together in calls of 25, and each caller waits for its own', async () => {
    const { doc, calls } = recordingDoc();
    const writer = new CoalescingWriter(doc, 'T');
    await Promise.all(Array.from({ length: 30 }, (_, i) => writer.put({ PK: `P${i}`, SK: 'S' })));
    expect(calls.map((c) => c.length)).toEqual([25, 5]);
  });

  it('with a window, gathers puts asked for one after another into one call', async () => {
    const { doc, calls } = recordingDoc();
    // A window far longer than three turns, however busy the machine.
    const writer = new CoalescingWriter(doc, 'T', 1_000);
    const puts: Promise<void>[] = [];
    for (let i = 0; i < 3; i++) {
      puts.push(writer.put({ PK: `P${i}`, SK: 'S' }));
      // Each put in a later turn of the event loop, as sends answering one by one.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(puts);
    expect(calls.map((c) => c.length)).toEqual([3]);
  });
});

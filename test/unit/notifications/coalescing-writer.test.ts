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

  it('with a window, sends a first put at once and gathers those asked while it is under way', async () => {
    const { doc: answering, calls } = recordingDoc();
    // The first call is answered only when the test says so: it is under way meanwhile.
    let answerFirst = () => {};
    const held = new Promise<void>((resolve) => {
      answerFirst = resolve;
    });
    const doc = {
      send: async (command: never) => {
        const first = calls.length === 0;
        const answer = await answering.send(command);
        if (first) await held;
        return answer;
      },
    } as unknown as DynamoDBDocumentClient;
    // A window far longer than these turns, however busy the machine.
    const writer = new CoalescingWriter(doc, 'T', 1_000);
    const puts: Promise<void>[] = [];
    for (let i = 0; i < 3; i++) {
      puts.push(writer.put({ PK: `P${i}`, SK: 'S' }));
      // Each put in a later turn of the event loop, as sends answering one by one.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(calls.map((c) => c.length)).toEqual([1]);
    answerFirst();
    await Promise.all(puts);
    expect(calls.map((c) => c.length)).toEqual([1, 2]);
  });
});

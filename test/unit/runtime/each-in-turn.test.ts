import { describe, expect, it } from 'vitest';
import { eachInTurn } from '../../../src/runtime/each-in-turn.ts';

describe('closing parts in turn', () => {
  it('closes every part in order, even after one failed, then reports the failure', async () => {
    const closed: string[] = [];
    const failure = new Error('the store process exited with code 1');
    const closing = eachInTurn([
      async () => closed.push('feed'),
      async () => {
        throw failure;
      },
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        closed.push('store');
      },
      () => closed.push('logs'),
    ]);
    await expect(closing).rejects.toBe(failure);
    expect(closed).toEqual(['feed', 'store', 'logs']);
  });

  it('reports every failure when several parts fail, and nothing when none does', async () => {
    const fail = (message: string) => async () => {
      throw new Error(message);
    };
    const both = await eachInTurn([fail('channels'), fail('store')]).catch((e: unknown) => e);
    expect(both).toBeInstanceOf(AggregateError);
    expect((both as AggregateError).errors.map((e: Error) => e.message)).toEqual([
      'channels',
      'store',
    ]);
    await expect(eachInTurn([async () => undefined])).resolves.toBeUndefined();
  });
});

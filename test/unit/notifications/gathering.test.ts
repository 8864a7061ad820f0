import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Gathering } from '../../../src/adapters/gathering.ts';

/** A gathering whose batches are recorded and end only when the test lets them. */
function gatheringWithWindow(windowMs: number) {
  const batches: number[][] = [];
  const ends: Array<() => void> = [];
  const gathering = new Gathering<number, void>(
    async (batch) => {
      batches.push(batch.map((w) => w.request));
      await new Promise<void>((end) => ends.push(end));
      for (const w of batch) w.done();
    },
    { fullAt: 100, windowMs },
  );
  return { gathering, batches, ends };
}

/** Lets the event loop turn once (the fake clock runs what is due now, setImmediate's included). */
const nextTurn = () => vi.advanceTimersByTimeAsync(0);

describe('Gathering', () => {
  // The clock moves only when the test moves it: a window passes only when the test says so.
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('with nothing under way, sends what this turn asked without waiting for the window', async () => {
    const { gathering, batches } = gatheringWithWindow(5);

    void gathering.ask(1);
    void gathering.ask(2);
    await nextTurn();

    expect(batches).toEqual([[1, 2]]);
  });

  it('while a batch is under way, gathers for the window before sending the next', async () => {
    const { gathering, batches, ends } = gatheringWithWindow(5);
    const first = gathering.ask(1);
    await nextTurn();

    const later = [gathering.ask(2), gathering.ask(3)];
    await nextTurn();
    expect(batches).toEqual([[1]]);

    await vi.advanceTimersByTimeAsync(5);
    expect(batches).toEqual([[1], [2, 3]]);
    for (const end of ends) end();
    await Promise.all([first, ...later]);
  });
});

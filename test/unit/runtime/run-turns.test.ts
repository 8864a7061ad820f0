import { describe, expect, it } from 'vitest';
import { asMapItem } from '../../../src/adapters/local/step-functions/map-item-scope.ts';
import { RunTurns } from '../../../src/runtime/run-turns.ts';

describe('run turns', () => {
  const turns = new RunTurns();
  const inRun = <T>(work: () => Promise<T>) =>
    turns.within({ owner: 'run-1', urgent: false }, work);

  it('has no owner outside a workflow run', () => {
    expect(turns.current()).toEqual({});
  });

  it("is head work up to the run's first notification batch, and for other Maps' items", async () => {
    const seen = await inRun(async () => ({
      beforeTheMap: turns.current(),
      firstBatch: await asMapItem({ label: 'ProcessNotifications', index: 0 }, async () =>
        turns.current(),
      ),
      marking: await asMapItem({ label: 'MarkBookingsForRebooking', index: 3 }, async () =>
        turns.current(),
      ),
      laterBatch: await asMapItem({ label: 'ProcessNotifications', index: 4 }, async () =>
        turns.current(),
      ),
    }));
    expect(seen).toEqual({
      beforeTheMap: { owner: 'run-1', urgent: false, head: true },
      firstBatch: { owner: 'run-1', urgent: false, head: true },
      marking: { owner: 'run-1', urgent: false, head: true },
      laterBatch: { owner: 'run-1', urgent: false, head: false },
    });
  });

  it('carries the turn through awaits and timers started by the run', async () => {
    const turn = await inRun(
      () => new Promise((resolve) => setTimeout(() => resolve(turns.current()), 1)),
    );
    expect(turn).toMatchObject({ owner: 'run-1' });
  });
});

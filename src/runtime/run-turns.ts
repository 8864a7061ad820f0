import { AsyncLocalStorage } from 'node:async_hooks';
import { currentMapItem } from '../adapters/local/step-functions/map-item-scope.ts';
import type { FairScheduler, Turn } from './fair-scheduler.ts';

/** The Map whose items after the first are a run's later batches (everything else leads to its first). */
export const NOTIFICATION_BATCHES = 'ProcessNotifications';

/**
 * Whose work is running: each workflow run's work (its tasks and every store request they make)
 * carries the run's turn, so the fair slots serve runs, not requests. A run's work is head work
 * up to its first batch of notifications (the steps before the Map, the first batch itself);
 * its later batches are not, so a new run's first notifications pass another run's hundredth.
 */
export class RunTurns {
  private readonly runs = new AsyncLocalStorage<Turn & { owner: string }>();
  private readonly schedulers: FairScheduler[] = [];

  /** Runs `work` (and everything it starts) as the work of the run `owner`. */
  within<T>(turn: Turn & { owner: string }, work: () => Promise<T>): Promise<T> {
    return this.runs.run(turn, work);
  }

  /** The turn of the work running now (no owner outside a run). */
  current(): Turn {
    const run = this.runs.getStore();
    if (!run) return {};
    const item = currentMapItem();
    const later = item !== undefined && item.label === NOTIFICATION_BATCHES && item.index > 0;
    return { ...run, head: !later };
  }

  /** Schedulers that count service per run: they forget a run once it ended. */
  serving(scheduler: FairScheduler): FairScheduler {
    this.schedulers.push(scheduler);
    return scheduler;
  }

  ended(owner: string): void {
    for (const scheduler of this.schedulers) scheduler.forget(owner);
  }
}

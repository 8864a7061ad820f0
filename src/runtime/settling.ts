import type { WorkTracker } from '../adapters/local/work-tracker.ts';

export interface SettlingSources {
  tracker: WorkTracker;
  /** Changes whenever anything new happened (bus events, runs, records consumed). */
  signature(): string;
  /** True once the feed's consumer has handled everything produced. */
  feedCaughtUp(): boolean;
  /** Resolves once the change stream has been read to its end. */
  streamCaughtUp(): Promise<void>;
}

/**
 * Waits until every event, workflow and notification in flight has settled and returns the
 * failures seen. Settled means two rounds in a row change nothing: the feed caught up, the
 * stream read, the bus quiet.
 */
export async function settle(sources: SettlingSources): Promise<unknown[]> {
  const failures: unknown[] = [];
  for (let quiet = 0; quiet < 2; ) {
    const before = sources.signature();
    failures.push(...(await sources.tracker.idle()));
    while (!sources.feedCaughtUp()) await new Promise((r) => setTimeout(r, 50));
    await sources.streamCaughtUp();
    failures.push(...(await sources.tracker.idle()));
    quiet = sources.signature() === before ? quiet + 1 : 0;
  }
  return failures;
}

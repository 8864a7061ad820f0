/**
 * Counts the asynchronous work the local runtime has started (feed batches, bus deliveries,
 * workflow runs, change-feed batches) so a caller can wait until everything has settled.
 */
export class WorkTracker {
  private inFlight = 0;
  private waiters: Array<() => void> = [];
  private readonly failures: unknown[] = [];

  /** Runs work in the background; its failure is kept for `idle()` to report, never lost. */
  track(work: Promise<unknown>): void {
    this.inFlight++;
    work
      .catch((error: unknown) => {
        this.failures.push(error);
      })
      .finally(() => {
        this.inFlight--;
        if (this.inFlight === 0) {
          // Let freshly scheduled follow-up work register before declaring quiet.
          setImmediate(() => {
            if (this.inFlight !== 0) return;
            const waiters = this.waiters;
            this.waiters = [];
            for (const resolve of waiters) resolve();
          });
        }
      });
  }

  /** Resolves once no tracked work is running; returns the failures seen since the last call. */
  async idle(): Promise<unknown[]> {
    while (this.inFlight > 0) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    return this.failures.splice(0);
  }
}

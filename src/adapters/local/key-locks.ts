/**
 * Serialises work on the same keys inside one process, in arrival order: `acquire` waits for
 * every earlier holder of any of the keys (taken in sorted order, so two callers never deadlock).
 * Used for items the change feed taps and for a flight's workflow runs.
 */
export class KeyLocks {
  private readonly held = new Map<string, Promise<void>>();

  async acquire(ids: string[]): Promise<() => void> {
    const release: Array<() => void> = [];
    for (const id of [...new Set(ids)].sort()) {
      const previous = this.held.get(id) ?? Promise.resolve();
      let unlock!: () => void;
      const mine = new Promise<void>((resolve) => {
        unlock = resolve;
      });
      const chained = previous.then(() => mine);
      this.held.set(id, chained);
      await previous;
      release.push(() => {
        unlock();
        if (this.held.get(id) === chained) this.held.delete(id);
      });
    }
    return () => {
      for (const r of release) r();
    };
  }

  /** Runs `work` holding `key` (at once without a key); the key is released however it ends. */
  async run<T>(key: string | undefined, work: () => Promise<T>): Promise<T> {
    if (key === undefined) return work();
    const release = await this.acquire([key]);
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Keys held or waited for. */
  get size(): number {
    return this.held.size;
  }
}

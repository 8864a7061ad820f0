/**
 * Serialises work on the same item keys inside one process: `acquire` waits for every earlier
 * holder of any of the keys (taken in sorted order, so two callers never deadlock).
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
}

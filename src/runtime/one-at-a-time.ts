/**
 * Work per key one at a time, in arrival order: a flight's workflow runs apply its events in the
 * order they came instead of racing each other for its record and its passengers. Work without a
 * key runs at once. What a key remembers goes once its last work settled.
 */
export class OneAtATime {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string | undefined, work: () => Promise<T>): Promise<T> {
    if (key === undefined) return work();
    const before = this.tails.get(key) ?? Promise.resolve();
    // After the one before, whether it succeeded or failed.
    const mine = before.then(work, work);
    const tail = mine.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return mine;
  }

  /** Keys with work running or waiting. */
  get keys(): number {
    return this.tails.size;
  }
}

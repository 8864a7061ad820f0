import { MinHeap } from './min-heap.ts';

/** How a piece of work asks for its turn. */
export interface Turn {
  /** Urgent work (a terminal change's SMS) goes before everything else waiting. */
  urgent?: boolean;
  /**
   * On the way to its run's first notifications (the steps before its batches, its first
   * batch): before any run's later batches, so a new run is not queued behind another's hundredth.
   */
  head?: boolean;
  /** Whose work it is (a workflow run): the owner served least so far goes next. */
  owner?: string;
}

interface Waiting {
  order: number;
  start: () => void;
}

/** An owner's place in its class: how much it was served and its oldest waiting work. */
interface Place {
  owner: string;
  served: number;
  order: number;
}

/** One class of urgency: each owner's work in arrival order, the owners in a heap. */
interface UrgencyClass {
  queues: Map<string, Waiting[]>;
  /** Read position of each owner's queue (an array shift would be O(n)). */
  heads: Map<string, number>;
  owners: MinHeap<Place>;
}

const NO_OWNER = '';

/**
 * A bounded number of slots handed out fairly: urgent work first, then a run's head work, then
 * the owner served least, then arrival order. Work beyond the slots waits here instead of piling
 * onto the event loop and the store: back-pressure rather than unbounded promises. Picking the
 * next is O(log owners): each class keeps every owner's work in arrival order and the owners in
 * a heap ordered by (served, oldest waiting); a heap entry made stale by more service is put
 * back with its current place when it surfaces (places only ever grow).
 */
export class FairScheduler {
  private slots: number;
  private running = 0;
  private order = 0;
  private waitingCount = 0;
  private readonly classes: UrgencyClass[] = [0, 1, 2].map(() => ({
    queues: new Map(),
    heads: new Map(),
    owners: new MinHeap<Place>((a, b) =>
      a.served !== b.served ? a.served < b.served : a.order < b.order,
    ),
  }));
  private readonly served = new Map<string, number>();

  constructor(slots: number) {
    this.slots = Math.max(1, slots);
  }

  /** Work waiting for a slot. */
  get queued(): number {
    return this.waitingCount;
  }

  /**
   * Changes the number of slots. More start waiting work at once; fewer take effect as running
   * work ends (nothing running is stopped).
   */
  resize(slots: number): void {
    this.slots = Math.max(1, slots);
    this.startWaiting();
  }

  async run<T>(work: () => Promise<T>, turn: Turn = {}): Promise<T> {
    const owner = turn.owner ?? NO_OWNER;
    if (this.running >= this.slots || this.waitingCount > 0) {
      await new Promise<void>((start) => this.enqueue(turn, owner, start));
    } else {
      this.running++;
      this.serve(owner);
    }
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** Drops what is remembered of an owner whose work is over (a finished run, nothing waiting). */
  forget(owner: string): void {
    this.served.delete(owner);
  }

  private serve(owner: string): void {
    if (owner !== NO_OWNER) this.served.set(owner, (this.served.get(owner) ?? 0) + 1);
  }

  private enqueue(turn: Turn, owner: string, start: () => void): void {
    const urgency = this.classes[turn.urgent ? 0 : turn.head ? 1 : 2] as UrgencyClass;
    const waiting = { order: this.order++, start };
    this.waitingCount++;
    const queue = urgency.queues.get(owner);
    if (queue) {
      queue.push(waiting);
      return;
    }
    urgency.queues.set(owner, [waiting]);
    urgency.heads.set(owner, 0);
    urgency.owners.push({ owner, served: this.servedOf(owner), order: waiting.order });
  }

  /** A slot freed passes straight to the next in line, unless the slots were made fewer. */
  private release(): void {
    this.running--;
    this.startWaiting();
  }

  private startWaiting(): void {
    while (this.running < this.slots) {
      const next = this.dequeue();
      if (next === undefined) return;
      this.running++;
      next.start();
    }
  }

  private dequeue(): Waiting | undefined {
    for (const urgency of this.classes) {
      for (let place = urgency.owners.pop(); place; place = urgency.owners.pop()) {
        const { owner } = place;
        const queue = urgency.queues.get(owner) as Waiting[];
        const head = urgency.heads.get(owner) as number;
        const oldest = queue[head] as Waiting;
        const served = this.servedOf(owner);
        if (place.served !== served || place.order !== oldest.order) {
          urgency.owners.push({ owner, served, order: oldest.order });
          continue;
        }
        this.waitingCount--;
        this.serve(owner);
        this.take(urgency, owner, queue, head);
        return oldest;
      }
    }
    return undefined;
  }

  /** Takes an owner's oldest waiting work; the owner goes back in the heap if more waits. */
  private take(urgency: UrgencyClass, owner: string, queue: Waiting[], head: number): void {
    const rest = queue[head + 1];
    if (!rest) {
      urgency.queues.delete(owner);
      urgency.heads.delete(owner);
      return;
    }
    // Compact now and then so a long-lived owner's queue does not keep what it handed out.
    if (head + 1 > 1024 && head + 1 > queue.length / 2) {
      queue.splice(0, head + 1);
      urgency.heads.set(owner, 0);
    } else urgency.heads.set(owner, head + 1);
    urgency.owners.push({ owner, served: this.servedOf(owner), order: rest.order });
  }

  private servedOf(owner: string): number {
    return owner === NO_OWNER ? 0 : (this.served.get(owner) ?? 0);
  }
}

/** How a piece of work asks for its turn. */
export interface Turn {
  /** Urgent work (a terminal change's SMS) goes before everything else waiting. */
  urgent?: boolean;
  /** Whose work it is (a workflow run): the owner served least so far goes next. */
  owner?: string;
}

interface Waiting {
  turn: Turn;
  order: number;
  start: () => void;
}

/**
 * A bounded number of slots handed out fairly: urgent work first, then the owner served least
 * (so a new disruption's first batch does not wait behind another's hundredth), then arrival
 * order. Work beyond the slots waits here instead of piling onto the event loop and the store:
 * back-pressure rather than unbounded promises.
 */
export class FairScheduler {
  private readonly slots: number;
  private running = 0;
  private order = 0;
  private readonly waiting: Waiting[] = [];
  private readonly served = new Map<string, number>();

  constructor(slots: number) {
    this.slots = Math.max(1, slots);
  }

  /** Work waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(work: () => Promise<T>, turn: Turn = {}): Promise<T> {
    if (this.running >= this.slots || this.waiting.length > 0) {
      await new Promise<void>((start) => {
        this.waiting.push({ turn, order: this.order++, start });
      });
    } else {
      this.running++;
    }
    if (turn.owner) this.served.set(turn.owner, (this.served.get(turn.owner) ?? 0) + 1);
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private release(): void {
    const next = this.pickNext();
    if (next === undefined) {
      this.running--;
      return;
    }
    // The slot passes straight to the next in line.
    const [chosen] = this.waiting.splice(next, 1);
    chosen?.start();
  }

  private pickNext(): number | undefined {
    let best: number | undefined;
    for (let i = 0; i < this.waiting.length; i++) {
      if (
        best === undefined ||
        this.before(this.waiting[i] as Waiting, this.waiting[best] as Waiting)
      )
        best = i;
    }
    return best;
  }

  private before(a: Waiting, b: Waiting): boolean {
    const urgency = Number(b.turn.urgent ?? false) - Number(a.turn.urgent ?? false);
    if (urgency !== 0) return urgency < 0;
    const served = this.servedOf(a) - this.servedOf(b);
    if (served !== 0) return served < 0;
    return a.order < b.order;
  }

  private servedOf(w: Waiting): number {
    return w.turn.owner ? (this.served.get(w.turn.owner) ?? 0) : 0;
  }
}

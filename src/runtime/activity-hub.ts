/** One thing operations staff see happen, as the console's live feed shows it. */
export type Activity =
  | {
      kind: 'event';
      at: string;
      outcome: string;
      event_id?: string;
      flight_id?: string;
      detail_type?: string;
      reason?: string;
      partition?: number;
      offset?: string;
    }
  | {
      kind: 'workflow';
      at: string;
      execution_name: string;
      state_machine: string;
      status: string;
      flight_id?: string;
      steps: Array<{ name: string; entered: number; failed: number }>;
      duration_ms?: number;
    }
  | {
      kind: 'notification';
      at: string;
      channel: string;
      flight_id: string;
      booking_id: string;
      passenger_id: string;
      subject?: string;
      priority: string;
    }
  | { kind: 'flight'; at: string; flight_id: string; status?: string };

type Listener = (activity: Activity) => void;

/** Fans activity out to live subscribers (the SSE stream) and keeps the latest for newcomers. */
export class ActivityHub {
  private readonly listeners = new Set<Listener>();
  private readonly recent: Activity[] = [];
  private readonly keep: number;

  constructor(keep = 200) {
    this.keep = keep;
  }

  publish(activity: Activity): void {
    this.recent.push(activity);
    if (this.recent.length > this.keep) this.recent.shift();
    for (const listener of this.listeners) listener(activity);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  latest(): Activity[] {
    return [...this.recent];
  }

  /** Drops what the feed still holds about an erased passenger. */
  forget(passengerId: string): void {
    for (let i = this.recent.length - 1; i >= 0; i--) {
      const activity = this.recent[i];
      if (activity?.kind === 'notification' && activity.passenger_id === passengerId)
        this.recent.splice(i, 1);
    }
  }
}

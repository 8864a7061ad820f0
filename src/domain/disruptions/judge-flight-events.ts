import { type FlightOrder, judgeOrder } from './flight-order.ts';
import type { InboundEvent } from './inbound-events.ts';

/** What ingest decided for one event of a flight: start its workflow, or record it and stop. */
export type EventVerdict =
  | { verdict: 'advance' }
  | { verdict: 'stale' | 'suppressed'; reason: string };

/**
 * A flight's order as stored: the newest event applied, plus the verdicts of the batch that last
 * moved it. Writing the order is the moment a batch's verdicts for the flight become final; if
 * ingest stops before the events' own records are written, the retried batch finds its verdicts
 * here instead of judging its events again against an order they already moved.
 */
export interface StoredFlightOrder extends FlightOrder {
  applied?: Record<string, EventVerdict>;
}

export interface FlightJudgement {
  /** One verdict per event, in the order given. */
  verdicts: EventVerdict[];
  /** The order to write (conditional on the stored one), when an event moved it. */
  commit: StoredFlightOrder | undefined;
}

/**
 * Judges a flight's new events of one batch, in their order, against its stored order: each
 * event that advances moves the order the next one is judged against, so a batch gives the same
 * verdicts as its events ingested one by one. Events the stored order already judged keep that
 * verdict.
 */
export function judgeFlightEvents(
  events: readonly InboundEvent[],
  stored: StoredFlightOrder | undefined,
): FlightJudgement {
  let order: FlightOrder | undefined = stored && withoutApplied(stored);
  let moved = false;
  const verdicts = events.map((event): EventVerdict => {
    const earlier = stored?.applied?.[event.event_id];
    if (earlier) return earlier;
    const judged = judgeOrder(event, order);
    if (judged.verdict !== 'advance') return judged;
    moved = moved || order?.last_event_id !== event.event_id;
    order = judged.next;
    return { verdict: 'advance' };
  });
  if (!moved || !order) return { verdicts, commit: undefined };
  const applied = Object.fromEntries(events.map((e, i) => [e.event_id, verdicts[i]]));
  return { verdicts, commit: { ...order, applied } as StoredFlightOrder };
}

function withoutApplied(stored: StoredFlightOrder): FlightOrder {
  const { applied: _applied, ...order } = stored;
  return order;
}

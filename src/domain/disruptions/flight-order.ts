import { instantOf } from './event-age.ts';
import type { InboundEvent } from './inbound-events.ts';

/** The newest event accepted for a flight, and whether that made the flight terminal. */
export interface FlightOrder {
  last_event_at: string;
  last_event_id: string;
  cancelled_by?: string;
}

export type OrderVerdict =
  | { verdict: 'advance'; next: FlightOrder }
  | { verdict: 'stale'; reason: string }
  | { verdict: 'suppressed'; reason: string };

/**
 * Decides where an event falls in its flight's order: newer events advance it, older ones are
 * STALE, and after a cancellation delays and gate changes are SUPPRESSED (recorded, not sent)
 * until a reinstatement (a FLIGHT_DELAY with `payload.reinstated: true`). The event that set the
 * order itself advances again, so an interrupted attempt can finish.
 */
export function judgeOrder(event: InboundEvent, order: FlightOrder | undefined): OrderVerdict {
  const next: FlightOrder = {
    last_event_at: event.timestamp,
    last_event_id: event.event_id,
    ...(event.event_type === 'FLIGHT_CANCELLED'
      ? { cancelled_by: event.event_id }
      : order?.cancelled_by && !isReinstatement(event)
        ? { cancelled_by: order.cancelled_by }
        : {}),
  };
  if (!order || order.last_event_id === event.event_id) return { verdict: 'advance', next };
  if (instantOf(event.timestamp) <= instantOf(order.last_event_at))
    return {
      verdict: 'stale',
      reason: `stale: ${event.timestamp} is not after ${order.last_event_at} (event ${order.last_event_id}) already applied to ${event.payload.flight_id}`,
    };
  if (order.cancelled_by && event.event_type !== 'FLIGHT_CANCELLED' && !isReinstatement(event))
    return {
      verdict: 'suppressed',
      reason: `flight ${event.payload.flight_id} was cancelled by event ${order.cancelled_by}; ${event.event_type} recorded, not sent (send a FLIGHT_DELAY with "reinstated": true to reinstate it)`,
    };
  return { verdict: 'advance', next };
}

function isReinstatement(event: InboundEvent): boolean {
  return event.event_type === 'FLIGHT_DELAY' && event.payload.reinstated === true;
}

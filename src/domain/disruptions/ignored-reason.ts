import type { Flight } from '../records/flight.ts';

/** The state every workflow ends in when its conditional flight update found nothing to change. */
export const IGNORED_STATE = 'StaleEventIgnored';

/**
 * Why a workflow left an accepted event alone, in the operator's words: the flight was already
 * cancelled (for a delay or gate change), or a newer event had already been applied.
 */
export function ignoredReason(
  detailType: string,
  eventTime: string | undefined,
  flight: Flight | undefined,
): string {
  const outcome = 'nothing changed and nobody was notified';
  if (!flight) return `the flight no longer exists: ${outcome}`;
  if (flight.status === 'CANCELLED' && detailType.startsWith('flight.delay'))
    return `${flight.flight_id} is already cancelled: ${outcome}`;
  const last = detailType === 'flight.gate_change' ? flight.gate_updated_at : flight.last_event_at;
  return `stale: the event time ${eventTime ?? '(none)'} is older than the last applied event (${last ?? 'unknown'}) of ${flight.flight_id}: ${outcome}`;
}

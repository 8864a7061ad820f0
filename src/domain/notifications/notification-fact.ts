import type { DisruptionKind } from '../disruptions/disruption.ts';

/**
 * The key of what a passenger is told: flight, booking, channel, kind of change and its new
 * value. A repeated cancellation or an identical delay under a new event_id has the same key
 * (nothing new to say); a genuinely new delay or gate has a new one.
 *
 * @example
 * notificationFactKey('DELAY', { flight_id: 'SW1234', new_departure: '2025-01-15T15:45:00Z' }, 'B001', 'SMS')
 * // 'SW1234:B001:SMS:DELAY:2025-01-15T15:45:00Z'
 */
export function notificationFactKey(
  kind: DisruptionKind,
  detail: { flight_id: string; new_departure?: unknown; new_gate?: unknown },
  bookingId: string,
  channel: string,
): string {
  return [detail.flight_id, bookingId, channel, kind, factValue(kind, detail)].join(':');
}

function factValue(kind: DisruptionKind, detail: { new_departure?: unknown; new_gate?: unknown }) {
  switch (kind) {
    case 'CANCELLATION':
      return 'CANCELLED';
    case 'DELAY':
      return String(detail.new_departure ?? '');
    case 'GATE_CHANGE':
      return String(detail.new_gate ?? '');
  }
}

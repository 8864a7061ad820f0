import type { Disruption } from '../disruptions/disruption.ts';
import type { Channel } from '../event-routing/bus-events.ts';
import type { NotificationPreferences } from '../records/passenger.ts';

export interface PlannedDelivery {
  channel: Channel;
  priority: 'IMMEDIATE' | 'NORMAL';
}

/**
 * The channels a passenger is told on, in sending order: only those the passenger accepts;
 * a terminal change sends its SMS first, marked immediate.
 */
export function planDeliveries(
  preferences: NotificationPreferences,
  disruption: Disruption,
): PlannedDelivery[] {
  const urgent = disruption.kind === 'GATE_CHANGE' && disruption.detail.terminal_change;
  const deliveries: PlannedDelivery[] = [];
  if (urgent && preferences.sms) deliveries.push({ channel: 'SMS', priority: 'IMMEDIATE' });
  if (preferences.email) deliveries.push({ channel: 'EMAIL', priority: 'NORMAL' });
  if (!urgent && preferences.sms) deliveries.push({ channel: 'SMS', priority: 'NORMAL' });
  return deliveries;
}

/** The deterministic id of one notification: event + booking + channel. */
export function notificationId(eventId: string, bookingId: string, channel: Channel): string {
  return `${eventId}:${bookingId}:${channel}`;
}

import type { Disruption } from '../disruptions/disruption.ts';
import type { Channel } from '../event-routing/bus-events.ts';
import type { NotificationPreferences } from '../records/passenger.ts';
import type { Delivery, PassengerMessage } from './passenger-message.ts';

/**
 * Who gets which message on which channel, in which order — decided here and nowhere else.
 * The workflows, the generate-messages and send-notifications tasks only carry the plan out.
 */

export interface PlannedDelivery {
  channel: Channel;
  priority: 'IMMEDIATE' | 'NORMAL';
}

export interface DeliveryPlan {
  /** In sending order. */
  deliveries: PlannedDelivery[];
  /** Channels the passenger accepts but cannot be reached on: push without a registered device. */
  unreachable: Array<'PUSH'>;
}

/**
 * The channels a passenger is told on, in sending order: only those the passenger accepts. The
 * e-mail carries the full message; the short message goes to the passenger's app by push when
 * they accept push and registered a device (free, and it opens the app), otherwise by SMS — one
 * short message, not two. A push that cannot be delivered falls back to SMS when the passenger
 * accepts SMS (channel-fallback.ts). A terminal change sends its short message first, marked
 * immediate: the passenger has to walk to another terminal and reads a text sooner than an
 * e-mail. Without a disruption (a weather heads-up) nothing is urgent.
 */
export function planDeliveries(
  preferences: NotificationPreferences,
  disruption?: Disruption,
  devices: readonly string[] = [],
): DeliveryPlan {
  const urgent = disruption?.kind === 'GATE_CHANGE' && disruption.detail.terminal_change;
  const push = preferences.push && devices.length > 0;
  const short: Channel | undefined = push ? 'PUSH' : preferences.sms ? 'SMS' : undefined;
  const deliveries: PlannedDelivery[] = [];
  if (urgent && short) deliveries.push({ channel: short, priority: 'IMMEDIATE' });
  if (preferences.email) deliveries.push({ channel: 'EMAIL', priority: 'NORMAL' });
  if (!urgent && short) deliveries.push({ channel: short, priority: 'NORMAL' });
  return { deliveries, unreachable: preferences.push && !push ? ['PUSH'] : [] };
}

/**
 * The deliveries of a batch of passengers in the order they go out: every immediate delivery
 * of the batch before any normal one, otherwise in plan order.
 */
export function inSendingOrder(
  messages: readonly PassengerMessage[],
): Array<{ message: PassengerMessage; delivery: Delivery }> {
  const all = messages.flatMap((message) =>
    message.deliveries.map((delivery) => ({ message, delivery })),
  );
  const rank = (d: Delivery) => (d.priority === 'IMMEDIATE' ? 0 : 1);
  // Array.prototype.sort is stable: plan order holds within a priority.
  return all.sort((a, b) => rank(a.delivery) - rank(b.delivery));
}

/** The deterministic id of one notification: event + booking + channel. */
export function notificationId(eventId: string, bookingId: string, channel: Channel): string {
  return `${eventId}:${bookingId}:${channel}`;
}

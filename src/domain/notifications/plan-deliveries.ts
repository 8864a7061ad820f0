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

/**
 * Channels a passenger can ask for that FlightPulse does not deliver yet. `push` is kept in the
 * passenger's preferences but no push message is sent until the push channel is built; a plan
 * names it here so it is reported, never silently dropped.
 */
export const NOT_YET_DELIVERED = ['PUSH'] as const;
export type UndeliveredChannel = (typeof NOT_YET_DELIVERED)[number];

export interface DeliveryPlan {
  /** In sending order. */
  deliveries: PlannedDelivery[];
  /** Channels the passenger accepts that are not delivered yet (push). */
  notDelivered: UndeliveredChannel[];
}

/**
 * The channels a passenger is told on, in sending order: only those the passenger accepts
 * (email, SMS). A terminal change sends its SMS first, marked immediate: the passenger has to
 * walk to another terminal and reads a text sooner than an email. Without a disruption (a
 * weather heads-up) nothing is urgent.
 */
export function planDeliveries(
  preferences: NotificationPreferences,
  disruption?: Disruption,
): DeliveryPlan {
  const urgent = disruption?.kind === 'GATE_CHANGE' && disruption.detail.terminal_change;
  const deliveries: PlannedDelivery[] = [];
  if (urgent && preferences.sms) deliveries.push({ channel: 'SMS', priority: 'IMMEDIATE' });
  if (preferences.email) deliveries.push({ channel: 'EMAIL', priority: 'NORMAL' });
  if (!urgent && preferences.sms) deliveries.push({ channel: 'SMS', priority: 'NORMAL' });
  return { deliveries, notDelivered: preferences.push ? ['PUSH'] : [] };
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

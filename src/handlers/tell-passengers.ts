import type { NotificationDetail } from '../domain/event-routing/bus-events.ts';
import type { EventPublisher } from '../ports.ts';
import {
  announceOn,
  deliverNotifications,
  type NotificationDeliveryDeps,
} from './notification-delivery.ts';

/**
 * Tells passengers: claims each notification, sends it through its channel's provider (falling
 * back where a provider refuses it), and announces what went out as notification.* events.
 * Resolves with the notifications sent. Every message FlightPulse writes leaves this way.
 */
export type TellPassengers = (notifications: NotificationDetail[]) => Promise<NotificationDetail[]>;

export function createTellPassengers(
  deps: NotificationDeliveryDeps & { publisher: EventPublisher },
): TellPassengers {
  return async (notifications) => {
    if (notifications.length === 0) return [];
    const sent = await deliverNotifications(notifications, deps, announceOn(deps.publisher));
    deps.metrics?.count('NotificationsPublished', sent.length);
    return sent;
  };
}

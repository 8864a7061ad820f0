import type { NotificationDetail } from '../domain/event-routing/bus-events.ts';
import type { EventPublisher } from '../ports.ts';
import {
  deliverNotifications,
  type NotificationDeliveryDeps,
  notificationEntry,
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
    const sent = await deliverNotifications(notifications, deps, (going) =>
      deps.publisher.publish(going.map(notificationEntry)),
    );
    deps.metrics?.count('NotificationsPublished', sent.length);
    return sent;
  };
}

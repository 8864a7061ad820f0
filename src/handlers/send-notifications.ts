import { z } from 'zod';
import type { NotificationDetail } from '../domain/event-routing/bus-events.ts';
import { notificationFactKey } from '../domain/notifications/notification-fact.ts';
import {
  DisruptionTaskInputSchema,
  PassengerMessageSchema,
} from '../domain/notifications/passenger-message.ts';
import { inSendingOrder } from '../domain/notifications/plan-deliveries.ts';
import type { EventPublisher } from '../ports.ts';
import {
  deliverNotifications,
  type NotificationDeliveryDeps,
  notificationEntry,
} from './notification-delivery.ts';

const InputSchema = DisruptionTaskInputSchema.extend({
  messages: z.array(PassengerMessageSchema),
});

/**
 * Workflow task: sends each planned delivery in the plan's sending order (plan-deliveries.ts).
 * Each is claimed under its passenger-visible fact key (its notification id) before the send and
 * marked SENT (with the provider's message id) after; a fact already sent, or held by another
 * event, is skipped; one this event claimed but never marked is sent again (the sender refuses a
 * second send of the same id). A message a provider refuses for good goes to the passenger's
 * next accepted channel. What went out is published as notification.* events.
 */
export function createSendNotifications(
  deps: NotificationDeliveryDeps & { publisher: EventPublisher },
) {
  return async (input: unknown): Promise<{ email: number; sms: number; push: number }> => {
    const { kind, detail, messages } = InputSchema.parse(input);
    const createdAt = deps.clock.now();
    const notifications: NotificationDetail[] = inSendingOrder(messages).map(
      ({ message, delivery }) =>
        ({
          notification_id: notificationFactKey(kind, detail, message.booking_id, delivery.channel),
          event_id: detail.event_id,
          flight_id: detail.flight_id,
          booking_id: message.booking_id,
          passenger_id: message.passenger_id,
          message_type: message.message_type,
          channel: delivery.channel,
          recipient: delivery.recipient,
          ...(delivery.subject !== undefined ? { subject: delivery.subject } : {}),
          body: delivery.body,
          priority: delivery.priority,
          generated_by: message.generated_by,
          segment: message.segment,
          created_at: createdAt,
          planned_channels: message.deliveries.map((d) => d.channel),
        }) as NotificationDetail,
    );
    const sent = await deliverNotifications(notifications, deps);
    await deps.publisher.publish(sent.map(notificationEntry));
    deps.metrics?.count('NotificationsPublished', sent.length);
    const count = (channel: string) => sent.filter((n) => n.channel === channel).length;
    return { email: count('EMAIL'), sms: count('SMS'), push: count('PUSH') };
  };
}

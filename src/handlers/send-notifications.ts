import { z } from 'zod';
import { type BusEntry, DETAIL_TYPES, EVENT_SOURCES } from '../domain/event-routing/bus-events.ts';
import {
  DisruptionTaskInputSchema,
  PassengerMessageSchema,
} from '../domain/notifications/passenger-message.ts';
import { inSendingOrder, notificationId } from '../domain/notifications/plan-deliveries.ts';
import type { Clock, EventPublisher, MetricsRecorder } from '../ports.ts';

const InputSchema = DisruptionTaskInputSchema.extend({
  messages: z.array(PassengerMessageSchema),
});

/**
 * Workflow task: publishes a notification.email / notification.sms event for each planned
 * delivery, in the plan's sending order (plan-deliveries.ts). Each carries its deterministic
 * notification id.
 */
export function createSendNotifications(deps: {
  publisher: EventPublisher;
  clock: Clock;
  metrics?: MetricsRecorder;
}) {
  return async (input: unknown): Promise<{ email: number; sms: number }> => {
    const { detail, messages } = InputSchema.parse(input);
    const createdAt = deps.clock.now();
    const entries: BusEntry[] = inSendingOrder(messages).map(({ message, delivery }) => ({
      source: EVENT_SOURCES.workflows,
      detailType:
        delivery.channel === 'EMAIL'
          ? DETAIL_TYPES.notificationEmail
          : DETAIL_TYPES.notificationSms,
      detail: {
        notification_id: notificationId(detail.event_id, message.booking_id, delivery.channel),
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
      },
    }));
    await deps.publisher.publish(entries);
    deps.metrics?.count('NotificationsPublished', entries.length);
    return {
      email: entries.filter((e) => e.detailType === DETAIL_TYPES.notificationEmail).length,
      sms: entries.filter((e) => e.detailType === DETAIL_TYPES.notificationSms).length,
    };
  };
}

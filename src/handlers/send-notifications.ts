import { z } from 'zod';
import {
  type BusEntry,
  ChannelSchema,
  DETAIL_TYPES,
  EVENT_SOURCES,
} from '../domain/event-routing/bus-events.ts';
import {
  DisruptionTaskInputSchema,
  PassengerMessageSchema,
} from '../domain/notifications/passenger-message.ts';
import { notificationId } from '../domain/notifications/plan-deliveries.ts';
import type { Clock, EventPublisher, MetricsRecorder } from '../ports.ts';

const InputSchema = DisruptionTaskInputSchema.extend({
  channels: z.array(ChannelSchema).min(1),
  messages: z.array(PassengerMessageSchema),
});

/**
 * Workflow task: publishes a notification.email / notification.sms event for each delivery on
 * the requested channels, immediate ones first. Each carries its deterministic notification id.
 */
export function createSendNotifications(deps: {
  publisher: EventPublisher;
  clock: Clock;
  metrics?: MetricsRecorder;
}) {
  return async (input: unknown): Promise<{ email: number; sms: number }> => {
    const { detail, channels, messages } = InputSchema.parse(input);
    const createdAt = deps.clock.now();
    const entries: Array<BusEntry & { immediate: boolean }> = [];
    for (const message of messages) {
      for (const delivery of message.deliveries) {
        if (!channels.includes(delivery.channel)) continue;
        entries.push({
          immediate: delivery.priority === 'IMMEDIATE',
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
        });
      }
    }
    entries.sort((a, b) => Number(b.immediate) - Number(a.immediate));
    await deps.publisher.publish(entries.map(({ immediate: _immediate, ...entry }) => entry));
    deps.metrics?.count('NotificationsPublished', entries.length);
    return {
      email: entries.filter((e) => e.detailType === DETAIL_TYPES.notificationEmail).length,
      sms: entries.filter((e) => e.detailType === DETAIL_TYPES.notificationSms).length,
    };
  };
}

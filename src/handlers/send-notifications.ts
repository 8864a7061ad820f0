import { z } from 'zod';
import {
  type BusEntry,
  DETAIL_TYPES,
  EVENT_SOURCES,
  type NotificationDetail,
} from '../domain/event-routing/bus-events.ts';
import { notificationFactKey } from '../domain/notifications/notification-fact.ts';
import {
  DisruptionTaskInputSchema,
  PassengerMessageSchema,
} from '../domain/notifications/passenger-message.ts';
import { inSendingOrder } from '../domain/notifications/plan-deliveries.ts';
import type {
  Clock,
  EventPublisher,
  MetricsRecorder,
  NotificationClaims,
  NotificationSender,
} from '../ports.ts';

const InputSchema = DisruptionTaskInputSchema.extend({
  messages: z.array(PassengerMessageSchema),
});

/**
 * Workflow task: sends each planned delivery in the plan's sending order (plan-deliveries.ts).
 * Each is claimed under its passenger-visible fact key (its notification id) before the send and
 * marked SENT after; a fact already sent, or held by another event, is skipped; one this event
 * claimed but never marked is sent again (the sender refuses a second send of the same id). The
 * sent notifications are then published as notification.email / notification.sms events.
 */
export function createSendNotifications(deps: {
  publisher: EventPublisher;
  claims: NotificationClaims;
  sender: NotificationSender;
  clock: Clock;
  metrics?: MetricsRecorder;
}) {
  return async (input: unknown): Promise<{ email: number; sms: number }> => {
    const { kind, detail, messages } = InputSchema.parse(input);
    const createdAt = deps.clock.now();
    const entries: BusEntry[] = inSendingOrder(messages).map(({ message, delivery }) => ({
      source: EVENT_SOURCES.workflows,
      detailType:
        delivery.channel === 'EMAIL'
          ? DETAIL_TYPES.notificationEmail
          : DETAIL_TYPES.notificationSms,
      detail: {
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
      },
    }));
    const sent = await claimSendMark(entries, deps, createdAt);
    await deps.publisher.publish(sent);
    deps.metrics?.count('NotificationsPublished', sent.length);
    deps.metrics?.count('NotificationsSent', sent.length);
    return {
      email: sent.filter((e) => e.detailType === DETAIL_TYPES.notificationEmail).length,
      sms: sent.filter((e) => e.detailType === DETAIL_TYPES.notificationSms).length,
    };
  };
}

/** Claims every notification, sends (in order) those this event may send, marks them SENT. */
async function claimSendMark(
  entries: BusEntry[],
  deps: { claims: NotificationClaims; sender: NotificationSender },
  at: string,
): Promise<BusEntry[]> {
  const details = entries.map((entry) => entry.detail as NotificationDetail);
  const verdicts = await Promise.all(details.map((detail) => deps.claims.claim(detail, at)));
  const mine = entries.filter((_, index) => verdicts[index] !== 'taken');
  const toSend = mine.map((entry) => entry.detail as NotificationDetail);
  await deps.sender.send(toSend);
  await Promise.all(toSend.map((detail) => deps.claims.markSent(detail, at)));
  return mine;
}

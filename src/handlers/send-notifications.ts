import { z } from 'zod';
import { disruptionFrom } from '../domain/disruptions/disruption.ts';
import type { NotificationDetail } from '../domain/event-routing/bus-events.ts';
import { notificationFactKey } from '../domain/notifications/notification-fact.ts';
import {
  DisruptionTaskInputSchema,
  PassengerMessageSchema,
} from '../domain/notifications/passenger-message.ts';
import { inSendingOrder } from '../domain/notifications/plan-deliveries.ts';
import type { RightsSettings } from '../domain/rights/rights-settings.ts';
import type { BookingStore, EventPublisher, Log } from '../ports.ts';
import { reportPushOnly } from './generate-messages.ts';
import { RecipientIdsSchema, readKnownRecipients } from './get-passenger-details.ts';
import {
  ComposedSegmentsSchema,
  fillMessages,
  GrantedRightsSchema,
  type OfferLinks,
} from './message-filling.ts';
import {
  announceOn,
  deliverNotifications,
  type NotificationDeliveryDeps,
} from './notification-delivery.ts';

const MessagesInputSchema = DisruptionTaskInputSchema.extend({
  messages: z.array(PassengerMessageSchema),
});

type SendDeps = NotificationDeliveryDeps & { publisher: EventPublisher };
type Sent = { email: number; sms: number; push: number };

/**
 * Sends filled messages: each planned delivery in the plan's sending order (plan-deliveries.ts).
 * Each is claimed under its passenger-visible fact key (its notification id) before the send and
 * marked SENT (with the provider's message id) after; a fact already sent, or held by another
 * event, is skipped; one this event claimed but never marked is sent again (the sender refuses a
 * second send of the same id). A message a provider refuses for good goes to the passenger's
 * next accepted channel. What went out is published as notification.* events, in sending order,
 * each as soon as it is marked.
 */
export function createSendMessages(deps: SendDeps) {
  return async (input: unknown): Promise<Sent> => {
    const { kind, detail, messages } = MessagesInputSchema.parse(input);
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
    const sent = await deliverNotifications(notifications, deps, announceOn(deps.publisher));
    deps.metrics?.count('NotificationsPublished', sent.length);
    const count = (channel: string) => sent.filter((n) => n.channel === channel).length;
    return { email: count('EMAIL'), sms: count('SMS'), push: count('PUSH') };
  };
}

const TaskInputSchema = DisruptionTaskInputSchema.extend({
  recipients: RecipientIdsSchema,
  composed: ComposedSegmentsSchema.default([]),
  rights: GrantedRightsSchema,
});

/**
 * Workflow task SendNotifications: reads the batch's passengers at send time — their channels,
 * consents and contact details as they are now — fills the composed segments for each, and sends
 * (createSendMessages). The workflow carries only ids and the segments' placeholder messages.
 */
export function createSendNotifications(
  deps: SendDeps & {
    bookings: Pick<BookingStore, 'getBookings' | 'getPassengers' | 'getPassenger'>;
    rights: RightsSettings;
    log: Log;
    offerLinks?: OfferLinks;
  },
) {
  const send = createSendMessages(deps);
  return async (input: unknown): Promise<Sent> => {
    const { kind, detail, recipients, composed, rights } = TaskInputSchema.parse(input);
    const records = await readKnownRecipients(deps.bookings, recipients);
    const segments = new Map(
      composed.map((c) => [c.segment, { template: c.template, generatedBy: c.generated_by }]),
    );
    const { messages, pushOnly } = await fillMessages(
      records,
      disruptionFrom(kind, detail),
      segments,
      rights,
      deps,
    );
    reportPushOnly(deps.log, pushOnly);
    return send({ kind, detail, messages });
  };
}

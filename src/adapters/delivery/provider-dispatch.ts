import { isDeliveryFailure } from '../../domain/delivery/delivery-failure.ts';
import type { NotificationDetail } from '../../domain/event-routing/bus-events.ts';
import type { SendResult } from '../../ports.ts';
import type { ChannelProvider } from './channel-provider.ts';

/** Sends one notification and says what became of it. */
export type Dispatch = (notification: NotificationDetail) => Promise<SendResult>;

/**
 * One notification through its channel's provider: SENT with the provider's message id, or
 * BOUNCED / FAILED with the reason when the provider refused it for good. A transient failure
 * that outlived the provider's retries is thrown, so the step is retried and nothing is lost.
 */
export function providerDispatch(
  providers: Partial<Record<NotificationDetail['channel'], ChannelProvider>>,
): Dispatch {
  return async (n) => {
    const provider = providers[n.channel];
    if (!provider) {
      return {
        notification_id: n.notification_id,
        outcome: 'FAILED',
        reason: `no ${n.channel} provider`,
      };
    }
    try {
      const { providerMessageId } = await provider.send({
        notificationId: n.notification_id,
        flightId: n.flight_id,
        bookingId: n.booking_id,
        channel: n.channel,
        recipient: n.recipient,
        ...(n.channel !== 'SMS' && n.subject ? { subject: n.subject } : {}),
        body: n.body,
      });
      return {
        notification_id: n.notification_id,
        outcome: 'SENT',
        provider: provider.name,
        provider_message_id: providerMessageId,
      };
    } catch (error) {
      if (!isDeliveryFailure(error) || error.kind === 'TRANSIENT') throw error;
      return { notification_id: n.notification_id, outcome: error.status, reason: error.message };
    }
  };
}

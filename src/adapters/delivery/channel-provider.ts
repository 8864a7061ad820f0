import type { DeliveryChannel } from '../../domain/delivery/channel-fallback.ts';

/** One message for one recipient on one channel, as every provider takes it. */
export interface OutboundMessage {
  /** The notification's identity: providers that support it use it to refuse a second send. */
  notificationId: string;
  /** Where its record lies: providers whose reports hand back what a message carried carry it. */
  flightId: string;
  bookingId: string;
  channel: DeliveryChannel;
  /** E-mail address, E.164 phone number, or push endpoint (device) address. */
  recipient: string;
  subject?: string;
  body: string;
}

/**
 * A way out of the building for one channel. `send` resolves with the provider's message id, or
 * throws a DeliveryFailureError saying whether a retry can help.
 */
export interface ChannelProvider {
  readonly channel: DeliveryChannel;
  readonly name: string;
  send(message: OutboundMessage): Promise<{ providerMessageId: string }>;
}

import { carriedClaim } from '../../domain/delivery/report-claim.ts';
import type { OutboundMessage } from './channel-provider.ts';

/** `{ claim }` for a provider to carry with the message (an SES tag, an SMS context entry), or nothing. */
export function claimContext(message: OutboundMessage): { claim?: string } {
  const claim = carriedClaim(message.channel, {
    flight_id: message.flightId,
    booking_id: message.bookingId,
    notification_id: message.notificationId,
  });
  return claim ? { claim } : {};
}

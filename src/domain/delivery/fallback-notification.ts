import type { Channel, NotificationDetail } from '../event-routing/bus-events.ts';
import type { Passenger } from '../records/passenger.ts';
import { nextChannel } from './channel-fallback.ts';

/**
 * The notification to send instead of one that could not be delivered: the same message on the
 * next channel the passenger accepts and is not already being told on, with that channel's
 * form of the message and contact. Undefined when no channel is left.
 */
export function fallbackNotification(
  failed: NotificationDetail,
  passenger: Passenger,
  at: string,
): NotificationDetail | undefined {
  const tried = [...(failed.planned_channels ?? [failed.channel]), failed.channel];
  const devices = passenger.push_endpoints ?? [];
  const short = failed.alternates?.short ?? (failed.channel !== 'EMAIL' ? failed.body : undefined);
  const email =
    failed.alternates?.email ??
    (failed.channel === 'EMAIL' ? { subject: failed.subject, body: failed.body } : undefined);
  // A channel with no form of this message to send is as good as not accepted.
  const preferences = {
    email: passenger.notification_preferences.email && email !== undefined,
    sms: passenger.notification_preferences.sms && short !== undefined,
    push: passenger.notification_preferences.push && short !== undefined,
  };
  const channel = nextChannel(preferences, tried, { push: devices.length > 0 });
  if (!channel) return undefined;
  const base = {
    ...failed,
    notification_id: fallbackId(failed.notification_id, channel),
    planned_channels: [...new Set([...tried, channel])],
    fallback_from: failed.notification_id,
    created_at: at,
  };
  if (channel === 'EMAIL' && email) {
    return {
      ...base,
      channel,
      recipient: passenger.email,
      subject: email.subject,
      body: email.body,
    };
  }
  const body = short as string;
  if (channel === 'SMS') return { ...base, channel, recipient: passenger.phone, body };
  return {
    ...base,
    channel: 'PUSH',
    recipient: devices[0] as string,
    ...(email ? { subject: email.subject } : {}),
    body,
  };
}

/** A fallback's identity: the failed notification's, moved to the new channel. */
function fallbackId(failedId: string, channel: Channel): string {
  return `${failedId}>${channel}`;
}

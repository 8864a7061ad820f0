import type { EventBridgeEvent } from 'aws-lambda';
import { NotificationDetailSchema } from '../domain/event-routing/bus-events.ts';
import type { Clock, Log, MetricsRecorder, NotificationLog } from '../ports.ts';

/**
 * EventBridge target for notification.*: records each notification once, keyed by
 * event + booking + channel, so a redelivered event is a no-op. Notifications the send step
 * claimed already have their record and are not written again.
 */
export function createRecordNotification(deps: {
  notifications: NotificationLog;
  clock: Clock;
  metrics: MetricsRecorder;
  log: Log;
}) {
  return async (event: EventBridgeEvent<string, unknown>): Promise<{ recorded: boolean }> => {
    const notification = NotificationDetailSchema.parse(event.detail);
    // Claimed by the send step: the claim is the record (one write per notification, not two).
    if (notification.claimed) return { recorded: false };
    const recorded = await deps.notifications.record(notification, deps.clock.now());
    if (recorded) deps.metrics.count('NotificationsSent');
    else
      deps.log.info('notification already recorded', {
        notification_id: notification.notification_id,
      });
    return { recorded };
  };
}

import type { NotificationDetail } from '../../domain/event-routing/bus-events.ts';
import type { Log, NotificationSender } from '../../ports.ts';

/**
 * The mock send in AWS: each notification is one structured line in the function's log group.
 * The claim in front of it (conditional write of the fact key) is what keeps it to one line per
 * fact; a provider slots in behind the same port.
 */
export class LogSender implements NotificationSender {
  private readonly log: Log;

  constructor(log: Log) {
    this.log = log;
  }

  async send(notifications: NotificationDetail[]): Promise<void> {
    for (const n of notifications) {
      this.log.info('notification sent', {
        notification_id: n.notification_id,
        event_id: n.event_id,
        channel: n.channel,
        booking_id: n.booking_id,
      });
    }
  }
}

import {
  type ProviderReceipt,
  receiptFromPushFailure,
  receiptFromSes,
  receiptFromSms,
} from '../domain/delivery/provider-receipt.ts';
import { DETAIL_TYPES, EVENT_SOURCES } from '../domain/event-routing/bus-events.ts';
import type { EventPublisher, Log } from '../ports.ts';
import {
  announceOn,
  deliverNotifications,
  fallbacksFor,
  type NotificationDeliveryDeps,
} from './notification-delivery.ts';

export type ProviderReport =
  | { source: 'ses'; detail: unknown }
  | { source: 'sms'; record: unknown }
  | { source: 'push'; record: unknown };

/**
 * Provider delivery reports (SES events, SMS receipts, push delivery failures) → the
 * notification's status, moved forward only, and announced on the bus; a bounce after the
 * provider accepted a message sends it on the passenger's next accepted channel.
 */
export function createDeliveryStatus(
  deps: NotificationDeliveryDeps & { publisher: EventPublisher; log: Log },
) {
  return async (report: ProviderReport): Promise<{ applied: boolean }> => {
    const receipt = receiptOf(report);
    if (!receipt) return { applied: false };
    const record = await deps.claims.applyReceipt(receipt);
    if (!record) return { applied: false };
    await deps.publisher.publish([
      {
        source: EVENT_SOURCES.workflows,
        detailType: DETAIL_TYPES.deliveryStatusChanged,
        detail: {
          notification_id: record.notification_id,
          flight_id: record.flight_id,
          booking_id: record.booking_id,
          channel: record.channel,
          status: record.status,
          ...(record.status_reason ? { reason: record.status_reason } : {}),
          at: receipt.reported_at,
        },
      },
    ]);
    if (record.status === 'BOUNCED' || record.status === 'FAILED') {
      deps.metrics?.count('NotificationsUndeliverable');
      const sent = await deliverNotifications(
        await fallbacksFor([record], deps),
        deps,
        announceOn(deps.publisher),
      );
      if (sent.length === 0) {
        deps.log.warn('passenger not reached on any accepted channel', {
          notification_id: record.notification_id,
        });
      }
    }
    return { applied: true };
  };
}

function receiptOf(report: ProviderReport): ProviderReceipt | undefined {
  switch (report.source) {
    case 'ses':
      return receiptFromSes(report.detail);
    case 'sms':
      return receiptFromSms(report.record);
    case 'push':
      return receiptFromPushFailure(report.record);
  }
}

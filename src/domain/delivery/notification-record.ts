import { z } from 'zod';
import {
  type Channel,
  DETAIL_TYPES,
  type NotificationDetail,
  NotificationDetailSchema,
} from '../event-routing/bus-events.ts';
import { DeliveryStatusSchema } from './delivery-status.ts';

/** What the system knows about one notification's delivery, beside its content. */
export const DeliveryStateSchema = z.object({
  status: DeliveryStatusSchema,
  provider: z.string().optional(),
  provider_message_id: z.string().optional(),
  status_reason: z.string().optional(),
  queued_at: z.string().optional(),
  sent_at: z.string().optional(),
  status_at: z.string().optional(),
});
export type DeliveryState = z.infer<typeof DeliveryStateSchema>;

/** A notification as `GET /notifications` and the console show it: content and status. */
export const NotificationRecordSchema = NotificationDetailSchema.and(DeliveryStateSchema);
export type NotificationRecord = NotificationDetail & DeliveryState;

const DETAIL_TYPE_OF: Record<Channel, string> = {
  EMAIL: DETAIL_TYPES.notificationEmail,
  SMS: DETAIL_TYPES.notificationSms,
  PUSH: DETAIL_TYPES.notificationPush,
};

/** The bus detail-type that carries a notification on `channel`. */
export function notificationDetailType(channel: Channel): string {
  return DETAIL_TYPE_OF[channel];
}

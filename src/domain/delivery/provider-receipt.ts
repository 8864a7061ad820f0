import { z } from 'zod';
import type { DeliveryStatus } from './delivery-status.ts';
import { claimOfReference, type ReportClaim } from './report-claim.ts';

/** What a provider reported about one message it took earlier. */
export interface ProviderReceipt {
  provider_message_id: string;
  /** The notification the message was sent for, when the provider hands back what it carried. */
  claim?: ReportClaim;
  status: Extract<DeliveryStatus, 'DELIVERED' | 'BOUNCED' | 'FAILED'>;
  reason?: string;
  reported_at: string;
}

/** SES event published to EventBridge by a configuration set (detail of `aws.ses` events). */
const SesEventSchema = z.object({
  eventType: z.string(),
  mail: z.object({
    messageId: z.string(),
    timestamp: z.string().optional(),
    tags: z.record(z.string(), z.array(z.string())).optional(),
  }),
  bounce: z
    .object({
      bounceType: z.string(),
      bounceSubType: z.string().optional(),
      timestamp: z.string().optional(),
      bouncedRecipients: z.array(z.object({ diagnosticCode: z.string().optional() })).optional(),
    })
    .optional(),
  delivery: z.object({ timestamp: z.string() }).optional(),
  reject: z.object({ reason: z.string() }).optional(),
});

/** End User Messaging SMS event-destination record. */
const SmsEventSchema = z.object({
  eventType: z.string(),
  eventTimestamp: z.number(),
  messageId: z.string(),
  messageStatus: z.string(),
  messageStatusDescription: z.string().optional(),
  context: z.record(z.string(), z.string()).optional(),
});

/** SNS mobile push `EventDeliveryFailure` notification. */
const PushFailureSchema = z.object({
  EventType: z.literal('DeliveryFailure'),
  FailureMessage: z.string().optional(),
  DeliveryAttempts: z.number().optional(),
  MessageId: z.string(),
  Time: z.string(),
});

const SES_STATUS: Record<string, ProviderReceipt['status'] | undefined> = {
  Delivery: 'DELIVERED',
  Bounce: 'BOUNCED',
  Complaint: undefined, // delivered, then marked as spam: engagement, not a delivery status
  Reject: 'FAILED',
  'Rendering Failure': 'FAILED',
};

export function receiptFromSes(detail: unknown): ProviderReceipt | undefined {
  const event = SesEventSchema.parse(detail);
  const status = SES_STATUS[event.eventType];
  // A transient (soft) bounce is SES still trying: not final.
  if (!status || (status === 'BOUNCED' && event.bounce?.bounceType === 'Transient'))
    return undefined;
  const reason =
    event.bounce?.bouncedRecipients?.[0]?.diagnosticCode ??
    (event.bounce
      ? `${event.bounce.bounceType} ${event.bounce.bounceSubType ?? ''}`.trim()
      : undefined) ??
    event.reject?.reason;
  const claim = claimOfReference(event.mail.tags?.claim?.[0]);
  return {
    provider_message_id: event.mail.messageId,
    ...(claim ? { claim } : {}),
    status,
    ...(reason ? { reason } : {}),
    reported_at: event.delivery?.timestamp ?? event.bounce?.timestamp ?? event.mail.timestamp ?? '',
  };
}

const SMS_FINAL: Record<string, ProviderReceipt['status']> = {
  DELIVERED: 'DELIVERED',
  SUCCESSFUL: 'DELIVERED',
  CARRIER_UNREACHABLE: 'BOUNCED',
  INVALID: 'BOUNCED',
  OPTED_OUT: 'BOUNCED',
  BLOCKED: 'BOUNCED',
  UNREACHABLE: 'BOUNCED',
  SPAM: 'FAILED',
  TTL_EXPIRED: 'FAILED',
  CARRIER_BLOCKED: 'FAILED',
  UNKNOWN: 'FAILED',
};

export function receiptFromSms(record: unknown): ProviderReceipt | undefined {
  const event = SmsEventSchema.parse(record);
  const status = SMS_FINAL[event.messageStatus];
  if (!status) return undefined; // PENDING, QUEUED, SENT: not final yet
  const claim = claimOfReference(event.context?.claim);
  return {
    provider_message_id: event.messageId,
    ...(claim ? { claim } : {}),
    status,
    ...(status !== 'DELIVERED'
      ? { reason: event.messageStatusDescription ?? event.messageStatus }
      : {}),
    reported_at: new Date(event.eventTimestamp).toISOString(),
  };
}

export function receiptFromPushFailure(record: unknown): ProviderReceipt {
  const event = PushFailureSchema.parse(record);
  return {
    provider_message_id: event.MessageId,
    status: 'BOUNCED',
    reason: event.FailureMessage ?? 'push delivery failed',
    reported_at: event.Time,
  };
}

/**
 * A report about a message no notification claims yet: it can overtake the sender's own record
 * of the send. Thrown so the report is delivered again (the event source retries), not dropped.
 */
export class UnknownProviderMessageError extends Error {
  override readonly name = 'UnknownProviderMessageError';
}

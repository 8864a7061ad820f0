import { z } from 'zod';
import type { DeliveryChannel } from './channel-fallback.ts';

/**
 * Which notification a provider's message was sent for: what its delivery reports need to find
 * the notification's record without a lookup by the provider's message id.
 */
export interface ReportClaim {
  flight_id: string;
  booking_id: string;
  notification_id: string;
}

const ReportClaimSchema = z.tuple([z.string().min(1), z.string().min(1), z.string().min(1)]);

/**
 * Channels whose providers hand back, in every delivery report, what the message was sent with:
 * SES its message tags, End User Messaging SMS its context. SNS mobile push reports a failure by
 * its message id alone.
 */
const REPORTS_CARRY_CLAIM: ReadonlySet<DeliveryChannel> = new Set(['EMAIL', 'SMS']);

/** An SES tag value's limit (End User Messaging takes 800 characters a context value). */
const MAX_REFERENCE_LENGTH = 256;

/**
 * The value a message on `channel` carries so its reports name their claim: base64url (the
 * characters an SES tag value allows) of the three ids. Undefined where the reports will not
 * hand it back: such a notification needs a pointer from the provider's message id instead.
 */
export function carriedClaim(channel: DeliveryChannel, claim: ReportClaim): string | undefined {
  if (!REPORTS_CARRY_CLAIM.has(channel)) return undefined;
  const ids = [claim.flight_id, claim.booking_id, claim.notification_id];
  const reference = Buffer.from(JSON.stringify(ids)).toString('base64url');
  return reference.length <= MAX_REFERENCE_LENGTH ? reference : undefined;
}

/** The claim a report carries back; undefined for anything that is not one of ours. */
export function claimOfReference(reference: string | undefined): ReportClaim | undefined {
  if (!reference) return undefined;
  try {
    const parsed = ReportClaimSchema.safeParse(
      JSON.parse(Buffer.from(reference, 'base64url').toString('utf8')),
    );
    if (!parsed.success) return undefined;
    const [flight_id, booking_id, notification_id] = parsed.data;
    return { flight_id, booking_id, notification_id };
  } catch {
    return undefined;
  }
}

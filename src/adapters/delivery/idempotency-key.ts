import { createHash } from 'node:crypto';

/**
 * The idempotency key a provider call carries, derived from the notification's claim key (its
 * notification id, the passenger-visible fact): the same claim always sends the same key, so a
 * send retried after a crash between the provider's acceptance and the journal write is
 * recognised by the provider (the local mailbox and carrier refuse a second delivery of it).
 * Hashed to a fixed, header-safe length.
 */
export function idempotencyKeyOf(notificationId: string): string {
  return createHash('sha256').update(notificationId).digest('base64url').slice(0, 32);
}

/** The RFC 5322 Message-ID of an e-mail sent for a claim: a mail store de-duplicates by it. */
export function messageIdOf(notificationId: string): string {
  return `<${idempotencyKeyOf(notificationId)}@notifications.flightpulse>`;
}

import { z } from 'zod';

/**
 * Where one message on one channel stands: QUEUED when claimed, SENT when the provider took it
 * (with its message id), then DELIVERED, BOUNCED or FAILED as the provider reports.
 */
export const DeliveryStatusSchema = z.enum(['QUEUED', 'SENT', 'DELIVERED', 'BOUNCED', 'FAILED']);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

const NEXT: Record<DeliveryStatus, readonly DeliveryStatus[]> = {
  QUEUED: ['SENT', 'BOUNCED', 'FAILED'],
  // A provider may report a bounce or a failure after it accepted the message.
  SENT: ['DELIVERED', 'BOUNCED', 'FAILED'],
  DELIVERED: [],
  BOUNCED: [],
  FAILED: [],
};

/** Statuses only move forward: a late or repeated provider event never undoes a newer one. */
export function canMoveTo(from: DeliveryStatus, to: DeliveryStatus): boolean {
  return NEXT[from].includes(to);
}

/** The statuses from which an earlier status may still move to `to` (for conditional writes). */
export function statusesBefore(to: DeliveryStatus): DeliveryStatus[] {
  return DeliveryStatusSchema.options.filter((from) => canMoveTo(from, to));
}

/** A message that will not reach the passenger on this channel: try the next one. */
export function isUndeliverable(status: DeliveryStatus): boolean {
  return status === 'BOUNCED' || status === 'FAILED';
}

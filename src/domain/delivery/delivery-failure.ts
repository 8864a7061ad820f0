/**
 * Why a provider did not take a message. TRANSIENT (throttling, timeouts, 4xx SMTP replies,
 * 5xx HTTP) is retried with backoff; PERMANENT (an address or number that cannot receive, an
 * opted-out number, a 5xx SMTP reply) is not, and the passenger is tried on the next channel.
 */
export type FailureKind = 'TRANSIENT' | 'PERMANENT';

export class DeliveryFailureError extends Error {
  override name = 'DeliveryFailureError';
  readonly kind: FailureKind;
  /** BOUNCED when the recipient itself is unreachable; FAILED for everything else. */
  readonly status: 'BOUNCED' | 'FAILED';

  constructor(message: string, kind: FailureKind, status: 'BOUNCED' | 'FAILED' = 'FAILED') {
    super(message);
    this.kind = kind;
    this.status = status;
  }
}

export function isDeliveryFailure(error: unknown): error is DeliveryFailureError {
  return error instanceof DeliveryFailureError;
}

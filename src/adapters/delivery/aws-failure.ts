import { DeliveryFailureError } from '../../domain/delivery/delivery-failure.ts';

/**
 * An AWS SDK error as a delivery failure: throttling, timeouts and 5xx are transient (the SDK's
 * own retries were already spent); `permanent` names the service's errors about the recipient.
 */
export function awsDeliveryFailure(
  error: unknown,
  permanent: { bounced: (name: string, message: string) => boolean },
): DeliveryFailureError {
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = e.name ?? 'Error';
  const message = e.message ?? String(error);
  const status = e.$metadata?.httpStatusCode ?? 0;
  const reason = `${name}: ${message}`;
  if (status >= 500 || status === 429 || /Throttl|TooManyRequests|Timeout|Internal/i.test(name)) {
    return new DeliveryFailureError(reason, 'TRANSIENT');
  }
  if (permanent.bounced(name, message))
    return new DeliveryFailureError(reason, 'PERMANENT', 'BOUNCED');
  if (status >= 400) return new DeliveryFailureError(reason, 'PERMANENT');
  // No HTTP answer at all (connection refused, reset): the provider may be back soon.
  return new DeliveryFailureError(reason, 'TRANSIENT');
}

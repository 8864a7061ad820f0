import { SNSClient } from '@aws-sdk/client-sns';
import { z } from 'zod';
import { SnsPushEndpoints } from '../adapters/delivery/sns-push-endpoints.ts';
import type { DeviceRouteDeps } from '../api/device-routes.ts';
import { describeIssues } from '../domain/records/describe-issues.ts';
import type { DeviceStore } from '../ports/push-devices.ts';
import type { BookingStore, Clock } from '../ports.ts';

const PushEnvSchema = z.object({
  AWS_REGION: z.string().min(1),
  /** The platform applications the channels construct creates (APNs, and FCM as SNS's GCM). */
  PUSH_APNS_APPLICATION_ARN: z.string().startsWith('arn:aws:sns:'),
  PUSH_FCM_APPLICATION_ARN: z.string().startsWith('arn:aws:sns:'),
});

/** Device registration in AWS: SNS platform endpoints under the two platform applications. */
export function pushDeviceDependencies(
  env: Record<string, string | undefined>,
  deps: { devices: DeviceStore; bookings: BookingStore; clock: Clock },
): DeviceRouteDeps {
  const parsed = PushEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`invalid push settings: ${describeIssues(parsed.error)}`);
  const settings = parsed.data;
  return {
    endpoints: new SnsPushEndpoints(new SNSClient({ region: settings.AWS_REGION }), {
      APNS: settings.PUSH_APNS_APPLICATION_ARN,
      FCM: settings.PUSH_FCM_APPLICATION_ARN,
    }),
    ...deps,
  };
}

import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { z } from 'zod';
import type { ChannelProvider } from '../adapters/delivery/channel-provider.ts';
import { EumSmsProvider } from '../adapters/delivery/eum-sms-provider.ts';
import { ResilientProvider } from '../adapters/delivery/resilient-provider.ts';
import { SesEmailProvider } from '../adapters/delivery/ses-email-provider.ts';
import { SnsPushProvider } from '../adapters/delivery/sns-push-provider.ts';
import type { DeliveryChannel } from '../domain/delivery/channel-fallback.ts';
import { describeIssues } from '../domain/records/describe-issues.ts';

const ChannelEnvSchema = z.object({
  AWS_REGION: z.string().min(1),
  EMAIL_FROM: z.string().min(3),
  SES_CONFIGURATION_SET: z.string().min(1),
  SMS_ORIGINATION_IDENTITY: z.string().min(1),
  SMS_CONFIGURATION_SET: z.string().min(1).optional(),
  /** Sending quotas per second: SES account send rate, SMS throughput of the origination identity. */
  EMAIL_RATE_PER_SECOND: z.coerce.number().positive().default(14),
  SMS_RATE_PER_SECOND: z.coerce.number().positive().default(20),
  PUSH_RATE_PER_SECOND: z.coerce.number().positive().default(100),
});

/** The AWS providers of each channel, each behind its quota and retries. */
export function awsChannelProviders(
  env: Record<string, string | undefined>,
): Record<DeliveryChannel, ChannelProvider> {
  const parsed = ChannelEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`invalid channel settings: ${describeIssues(parsed.error)}`);
  const config = parsed.data;
  const region = config.AWS_REGION;
  const limited = (provider: ChannelProvider, ratePerSecond: number) =>
    new ResilientProvider(provider, {
      rateLimit: { ratePerSecond, burst: Math.max(1, Math.ceil(ratePerSecond)) },
    });
  return {
    EMAIL: limited(
      new SesEmailProvider(new SESv2Client({ region }), {
        from: config.EMAIL_FROM,
        configurationSet: config.SES_CONFIGURATION_SET,
      }),
      config.EMAIL_RATE_PER_SECOND,
    ),
    SMS: limited(
      new EumSmsProvider(new PinpointSMSVoiceV2Client({ region }), {
        originationIdentity: config.SMS_ORIGINATION_IDENTITY,
        ...(config.SMS_CONFIGURATION_SET ? { configurationSet: config.SMS_CONFIGURATION_SET } : {}),
      }),
      config.SMS_RATE_PER_SECOND,
    ),
    PUSH: limited(new SnsPushProvider(new SNSClient({ region })), config.PUSH_RATE_PER_SECOND),
  };
}

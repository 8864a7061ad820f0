import {
  CreatePlatformEndpointCommand,
  SetEndpointAttributesCommand,
  type SNSClient,
} from '@aws-sdk/client-sns';
import type { PushEndpoints, PushPlatform } from '../../ports/push-devices.ts';

/**
 * Device tokens as SNS platform endpoints under FlightPulse's APNs and FCM platform
 * applications. CreatePlatformEndpoint is idempotent per token; the endpoint is then enabled,
 * since SNS disables one whose token the platform once refused.
 */
export class SnsPushEndpoints implements PushEndpoints {
  private readonly client: SNSClient;
  private readonly applications: Record<PushPlatform, string>;

  constructor(client: SNSClient, applications: Record<PushPlatform, string>) {
    this.client = client;
    this.applications = applications;
  }

  async endpointFor(platform: PushPlatform, token: string): Promise<string> {
    const created = await this.client.send(
      new CreatePlatformEndpointCommand({
        PlatformApplicationArn: this.applications[platform],
        Token: token,
      }),
    );
    const endpoint = created.EndpointArn;
    if (!endpoint) throw new Error('SNS answered CreatePlatformEndpoint without an endpoint');
    await this.client.send(
      new SetEndpointAttributesCommand({
        EndpointArn: endpoint,
        Attributes: { Enabled: 'true', Token: token },
      }),
    );
    return endpoint;
  }
}

/** The ARNs of the platform applications the channels construct creates (`<platform>/flightpulse`). */
export function platformApplicationArns(
  region: string,
  account: string,
): Record<PushPlatform, string> {
  const arn = (platform: string) => `arn:aws:sns:${region}:${account}:app/${platform}/flightpulse`;
  // SNS names Firebase Cloud Messaging "GCM".
  return { APNS: arn('APNS'), FCM: arn('GCM') };
}

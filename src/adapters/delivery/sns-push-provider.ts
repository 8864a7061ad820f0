import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { awsDeliveryFailure } from './aws-failure.ts';
import type { ChannelProvider, OutboundMessage } from './channel-provider.ts';
import { idempotencyKeyOf } from './idempotency-key.ts';

/**
 * Push through SNS mobile push: the recipient is the passenger's platform endpoint (APNs or FCM
 * device token registered as an SNS endpoint); one message carries both platforms' payloads.
 */
export class SnsPushProvider implements ChannelProvider {
  readonly channel = 'PUSH' as const;
  readonly name = 'sns-mobile-push';
  private readonly client: SNSClient;

  constructor(client: SNSClient) {
    this.client = client;
  }

  async send(message: OutboundMessage): Promise<{ providerMessageId: string }> {
    const title = message.subject ?? 'FlightPulse';
    // The notification id rides in the data both platforms hand to the app (engagement, dedupe).
    const notification_id = message.notificationId;
    const payload = {
      default: message.body,
      APNS: JSON.stringify({
        aps: { alert: { title, body: message.body }, sound: 'default' },
        notification_id,
      }),
      GCM: JSON.stringify({
        notification: { title, body: message.body },
        data: { notification_id },
      }),
    };
    try {
      const result = await this.client.send(
        new PublishCommand({
          TargetArn: message.recipient,
          MessageStructure: 'json',
          Message: JSON.stringify(payload),
          // The claim's key and the notification travel as attributes (the carrier sends once).
          MessageAttributes: {
            'flightpulse.idempotency_key': {
              DataType: 'String',
              StringValue: idempotencyKeyOf(message.notificationId),
            },
            'flightpulse.notification': { DataType: 'String', StringValue: message.notificationId },
          },
        }),
      );
      return { providerMessageId: result.MessageId ?? '' };
    } catch (error) {
      throw awsDeliveryFailure(error, {
        // A disabled endpoint is a device that uninstalled the app or revoked its token.
        bounced: (name) => name === 'EndpointDisabledException' || name === 'EndpointDisabled',
      });
    }
  }
}

import {
  type PinpointSMSVoiceV2Client,
  SendTextMessageCommand,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { awsDeliveryFailure } from './aws-failure.ts';
import { claimContext } from './carried-claim.ts';
import type { ChannelProvider, OutboundMessage } from './channel-provider.ts';
import { idempotencyKeyOf } from './idempotency-key.ts';

/**
 * SMS through AWS End User Messaging SMS (the pinpoint-sms-voice-v2 API) from a configurable
 * origination identity; delivery receipts come back through the configuration set's event
 * destination. Locally the same client talks to the loopback carrier.
 */
export class EumSmsProvider implements ChannelProvider {
  readonly channel = 'SMS' as const;
  readonly name = 'end-user-messaging';
  private readonly client: PinpointSMSVoiceV2Client;
  private readonly settings: { originationIdentity: string; configurationSet?: string };

  constructor(
    client: PinpointSMSVoiceV2Client,
    settings: { originationIdentity: string; configurationSet?: string },
  ) {
    this.client = client;
    this.settings = settings;
  }

  async send(message: OutboundMessage): Promise<{ providerMessageId: string }> {
    try {
      const result = await this.client.send(
        new SendTextMessageCommand({
          DestinationPhoneNumber: message.recipient,
          OriginationIdentity: this.settings.originationIdentity,
          MessageBody: message.body,
          MessageType: 'TRANSACTIONAL',
          ...(this.settings.configurationSet
            ? { ConfigurationSetName: this.settings.configurationSet }
            : {}),
          // The claim's key travels with the message: a carrier that honours it sends once.
          // The claim itself comes back in every receipt (event records carry the context).
          Context: {
            notification: message.notificationId,
            idempotency_key: idempotencyKeyOf(message.notificationId),
            ...claimContext(message),
          },
        }),
      );
      return { providerMessageId: result.MessageId ?? '' };
    } catch (error) {
      throw awsDeliveryFailure(error, {
        // Opted-out, blocked or invalid destination numbers cannot be reached by SMS at all.
        bounced: (name, text) =>
          name === 'ConflictException' || /OPTED_OUT|opted out|invalid.*number|blocked/i.test(text),
      });
    }
  }
}

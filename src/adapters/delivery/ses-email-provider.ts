import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { renderEmail } from '../../domain/delivery/render-email.ts';
import { awsDeliveryFailure } from './aws-failure.ts';
import { claimContext } from './carried-claim.ts';
import type { ChannelProvider, OutboundMessage } from './channel-provider.ts';
import { idempotencyKeyOf } from './idempotency-key.ts';

/**
 * E-mail through Amazon SES v2, multipart text + HTML, tagged with the notification id and sent
 * under a configuration set whose event destination reports deliveries and bounces back.
 */
export class SesEmailProvider implements ChannelProvider {
  readonly channel = 'EMAIL' as const;
  readonly name = 'ses';
  private readonly client: SESv2Client;
  private readonly settings: { from: string; configurationSet: string };

  constructor(client: SESv2Client, settings: { from: string; configurationSet: string }) {
    this.client = client;
    this.settings = settings;
  }

  async send(message: OutboundMessage): Promise<{ providerMessageId: string }> {
    const email = renderEmail(message.subject ?? '', message.body);
    try {
      const result = await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: this.settings.from,
          Destination: { ToAddresses: [message.recipient] },
          ConfigurationSetName: this.settings.configurationSet,
          EmailTags: [
            { Name: 'notification', Value: tagValue(message.notificationId) },
            { Name: 'idempotency_key', Value: tagValue(idempotencyKeyOf(message.notificationId)) },
            // Every event SES publishes for the message carries its tags back.
            ...Object.entries(claimContext(message)).map(([Name, Value]) => ({ Name, Value })),
          ],
          Content: {
            Simple: {
              Subject: { Data: email.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: email.text, Charset: 'UTF-8' },
                Html: { Data: email.html, Charset: 'UTF-8' },
              },
            },
          },
        }),
      );
      return { providerMessageId: result.MessageId ?? '' };
    } catch (error) {
      throw awsDeliveryFailure(error, {
        // SES refuses addresses on the account's suppression list up front.
        bounced: (_name, text) => /suppress|address.*(invalid|not verified)/i.test(text),
      });
    }
  }
}

/** SES tag values allow letters, digits, `_`, `-` and `.` only. */
function tagValue(value: string): string {
  return value.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 256);
}

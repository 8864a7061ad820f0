import type { Socket } from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import { DeliveryFailureError } from '../../domain/delivery/delivery-failure.ts';
import { renderEmail } from '../../domain/delivery/render-email.ts';
import type { ChannelProvider, OutboundMessage } from './channel-provider.ts';
import { connectCoalescing } from './coalescing-socket.ts';
import { messageIdOf } from './idempotency-key.ts';

export interface SmtpSettings {
  host: string;
  port: number;
  from: string;
  /** Connections kept open to the server (a wave sends thousands of messages). */
  maxConnections?: number;
}

/**
 * E-mail over SMTP (any server: the embedded one locally, a relay elsewhere), multipart text +
 * HTML from one message, its Message-ID derived from the notification's claim (a mail store
 * de-duplicates by it). SMTP's own reply codes decide: 5xx is permanent, 4xx transient.
 */
export class SmtpEmailProvider implements ChannelProvider {
  readonly channel = 'EMAIL' as const;
  readonly name = 'smtp';
  private readonly transport: Transporter;
  private readonly from: string;

  constructor(settings: SmtpSettings) {
    this.from = settings.from;
    this.transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: settings.maxConnections ?? 4,
      // Each message leaves in a few writes instead of one per MIME chunk.
      getSocket: (
        options: SMTPPool.Options,
        callback: (error: Error | null, socket: { connection: Socket } | undefined) => void,
      ) => {
        connectCoalescing(settings.host, settings.port, options.connectionTimeout ?? 120_000).then(
          (connection) => callback(null, { connection }),
          (error: Error) => callback(error, undefined),
        );
      },
    });
  }

  async send(message: OutboundMessage): Promise<{ providerMessageId: string }> {
    const email = renderEmail(message.subject ?? '', message.body);
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: message.recipient,
        subject: email.subject,
        text: email.text,
        html: email.html,
        // Derived from the claim: a resend after a crash carries the same Message-ID.
        messageId: messageIdOf(message.notificationId),
        headers: { 'X-FlightPulse-Notification': message.notificationId },
      });
      return { providerMessageId: String(info.messageId) };
    } catch (error) {
      throw smtpFailure(error);
    }
  }

  close(): void {
    this.transport.close();
  }
}

function smtpFailure(error: unknown): DeliveryFailureError {
  const { responseCode, response, message } = error as {
    responseCode?: number;
    response?: string;
    message?: string;
  };
  const reason = `SMTP ${responseCode ?? 'error'}: ${response ?? message ?? String(error)}`;
  if (responseCode !== undefined && responseCode >= 500) {
    // 55x at RCPT is the mailbox itself: a bounce. Other 5xx are failures of the message.
    const status = responseCode >= 550 && responseCode <= 553 ? 'BOUNCED' : 'FAILED';
    return new DeliveryFailureError(reason, 'PERMANENT', status);
  }
  return new DeliveryFailureError(reason, 'TRANSIENT');
}

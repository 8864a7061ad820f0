import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { ReceivedMail } from '../../../ports/passenger-inboxes.ts';

/** One e-mail as the mailbox received it. */
export type ReceivedEmail = ReceivedMail;

export interface MailboxFaults {
  /** Addresses whose mailbox does not exist: RCPT TO answers 550. */
  bounce?: (address: string) => boolean;
  /** Decides, per message, to answer 451 (try again later). */
  deferral?: () => boolean;
}

export interface EmbeddedSmtpServer {
  port: number;
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback that accepts whatever FlightPulse sends and hands each parsed
 * message to `onMessage` (the console's mailbox), once per recipient and Message-ID, as a mail
 * store de-duplicates. It can refuse chosen addresses (550) and defer
 * messages (451), so bounces and retries are exercised over the real protocol.
 */
export async function startEmbeddedSmtpServer(options: {
  port?: number;
  /** Keeps a received message; the server answers 250 once it resolves (accepted means kept). */
  onMessage: (email: ReceivedEmail) => unknown;
  faults?: MailboxFaults;
  now?: () => string;
  /** Mail received before (across a restart): a message with one of their Message-IDs is known. */
  received?: readonly ReceivedEmail[];
}): Promise<EmbeddedSmtpServer> {
  const now = options.now ?? (() => new Date().toISOString());
  let sequence = 0;
  // Recipient + Message-ID of every message kept: a mail store keeps one copy of a message.
  const kept = new Set(
    (options.received ?? []).flatMap((m) => (m.message_id ? [`${m.to}|${m.message_id}`] : [])),
  );
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (options.faults?.bounce?.(address.address)) {
        return callback(smtpError(550, `5.1.1 <${address.address}>: mailbox unavailable`));
      }
      if (options.faults?.deferral?.()) {
        return callback(smtpError(451, '4.3.0 mailbox busy, try again later'));
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const header = parsed.headers.get('x-flightpulse-notification');
          for (const rcpt of session.envelope.rcptTo) {
            const copy = parsed.messageId ? `${rcpt.address}|${parsed.messageId}` : undefined;
            // A message resent under the same Message-ID (a retry after a crash) is taken once.
            if (copy && kept.has(copy)) continue;
            if (copy) kept.add(copy);
            sequence++;
            try {
              await options.onMessage({
                id: `mail-${Date.now()}-${sequence}`,
                to: rcpt.address,
                from: parsed.from?.text ?? '',
                subject: parsed.subject ?? '',
                text: parsed.text ?? '',
                html: typeof parsed.html === 'string' ? parsed.html : '',
                ...(typeof header === 'string' ? { notification_id: header } : {}),
                ...(parsed.messageId ? { message_id: parsed.messageId } : {}),
                received_at: now(),
              });
            } catch (error) {
              if (copy) kept.delete(copy);
              throw error;
            }
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type HandsetMessage,
  type SmsReceipt,
  startLoopbackCarrier,
} from '../adapters/local/carrier/loopback-carrier.ts';
import {
  type ReceivedEmail,
  startEmbeddedSmtpServer,
} from '../adapters/local/smtp/embedded-smtp-server.ts';
import { seededRandom } from '../simulator/generate-airline-day.ts';
import { HANDSET_FILE, MAIL_FILE, readLines } from './inbox-files.ts';

/** What the receiving ends need to know: plain data, so a child process can be given it. */
export interface ReceivingEndsSettings {
  /** Start the embedded mailbox (false when SMTP_HOST sends elsewhere). */
  smtp: boolean;
  smtpPort: number;
  /** Where the inbox files are kept (mail.jsonl, handset.jsonl); none keeps nothing on disk. */
  directory: string | undefined;
  /** Addresses, numbers and device endpoints that bounce. */
  bounces: string[];
  transientFailureRate: number;
  /** Seeds the transient failures, so a run with faults can be repeated call for call. */
  faultSeed: number | undefined;
}

/** Where the ends hand what they received; the mailbox and the carrier answer once it resolved. */
export interface ReceivingSink {
  mail(email: ReceivedEmail): Promise<void>;
  handset(message: HandsetMessage): Promise<void>;
  receipt(receipt: SmsReceipt): void;
}

export interface ReceivingEnds {
  smtpPort: number | undefined;
  /** The loopback carrier's endpoint (End User Messaging SMS and SNS). */
  endpoint: string;
  /** The process the ends run in, when it is not this one. */
  pid?: number;
  close(): Promise<void>;
}

/**
 * The passengers' side of the local channels: the embedded mailbox (SMTP) and the loopback
 * carrier (SMS, push), with their faults. What they accept is written to the inbox file first
 * (so an accepted message is never forgotten across a restart), then handed to `sink`.
 */
export async function startReceivingEnds(
  settings: ReceivingEndsSettings,
  sink: ReceivingSink,
): Promise<ReceivingEnds> {
  const { directory } = settings;
  let writing: Promise<unknown> = Promise.resolve();
  const keep =
    <T>(file: string, hand: (item: T) => Promise<void>) =>
    async (item: T): Promise<void> => {
      if (directory) {
        const line = `${JSON.stringify(item)}\n`;
        const written = writing.then(() => appendFile(join(directory, file), line));
        writing = written.catch(() => undefined);
        await written;
      }
      await hand(item);
    };
  const bounces = new Set(settings.bounces);
  const random = settings.faultSeed === undefined ? Math.random : seededRandom(settings.faultSeed);
  const transient = () => random() < settings.transientFailureRate;
  const smtp = settings.smtp
    ? await startEmbeddedSmtpServer({
        port: settings.smtpPort,
        onMessage: keep(MAIL_FILE, (email: ReceivedEmail) => sink.mail(email)),
        // Every message of the file: its Message-ID is known.
        received: directory ? await readLines<ReceivedEmail>(join(directory, MAIL_FILE)) : [],
        faults: { bounce: (address) => bounces.has(address), deferral: transient },
      })
    : undefined;
  const carrier = await startLoopbackCarrier({
    onMessage: keep(HANDSET_FILE, (message: HandsetMessage) => sink.handset(message)),
    received: directory ? await readLines<HandsetMessage>(join(directory, HANDSET_FILE)) : [],
    onReceipt: (receipt) => sink.receipt(receipt),
    faults: {
      refuse: (phone) => bounces.has(phone),
      disabledEndpoint: (endpoint, token) =>
        bounces.has(endpoint) || (token !== undefined && bounces.has(token)),
      transient,
    },
  });
  return {
    smtpPort: smtp?.port,
    endpoint: carrier.endpoint,
    async close() {
      await writing.catch(() => undefined);
      await carrier.close();
      await smtp?.close();
    },
  };
}

import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { SNSClient } from '@aws-sdk/client-sns';
import type { ChannelProvider } from '../adapters/delivery/channel-provider.ts';
import { EumSmsProvider } from '../adapters/delivery/eum-sms-provider.ts';
import { ResilientProvider } from '../adapters/delivery/resilient-provider.ts';
import { SmtpEmailProvider } from '../adapters/delivery/smtp-email-provider.ts';
import {
  platformApplicationArns,
  SnsPushEndpoints,
} from '../adapters/delivery/sns-push-endpoints.ts';
import { SnsPushProvider } from '../adapters/delivery/sns-push-provider.ts';
import {
  type HandsetMessage,
  type SmsReceipt,
  startLoopbackCarrier,
} from '../adapters/local/carrier/loopback-carrier.ts';
import {
  type ReceivedEmail,
  startEmbeddedSmtpServer,
} from '../adapters/local/smtp/embedded-smtp-server.ts';
import type { DeliveryChannel } from '../domain/delivery/channel-fallback.ts';
import type { PushEndpoints } from '../ports/push-devices.ts';
import type { MetricsRecorder } from '../ports.ts';
import { seededRandom } from '../simulator/generate-airline-day.ts';
import type { Config } from './config.ts';

/** What passengers received locally: the console's mailbox and phone views read these. */
export interface Inboxes {
  mail: ReceivedEmail[];
  handset: HandsetMessage[];
}

export interface LocalChannels {
  providers: Record<DeliveryChannel, ChannelProvider>;
  inboxes: Inboxes;
  smtpPort: number | undefined;
  /** Device registration against the loopback carrier's SNS (platform endpoints). */
  pushEndpoints: PushEndpoints;
  close(): Promise<void>;
}

/** Messages per inbox kept in memory for the console. */
const INBOX_MEMORY = 2000;

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const LOCAL_ACCOUNT = '000000000000';

/**
 * The local ways out: e-mail over real SMTP (the embedded mailbox, or SMTP_HOST), SMS and push
 * through the production End User Messaging and SNS adapters against a loopback carrier. Each
 * provider sits behind its quota and retries; carrier receipts go to `onReceipt`.
 */
export async function startLocalChannels(
  config: Config,
  deps: {
    metrics: MetricsRecorder;
    persist: boolean;
    onReceipt: (receipt: SmsReceipt) => void;
    /** Sees each message a passenger's mailbox or handset received (the benchmark counts them). */
    onReceived?: (channel: DeliveryChannel, notificationId: string | undefined) => void;
  },
): Promise<LocalChannels> {
  const directory = join(config.FLIGHTPULSE_DATA_DIR, 'inboxes');
  if (deps.persist) await mkdir(directory, { recursive: true });
  const inboxes: Inboxes = {
    mail: deps.persist ? await readLines<ReceivedEmail>(join(directory, 'mail.jsonl')) : [],
    handset: deps.persist ? await readLines<HandsetMessage>(join(directory, 'handset.jsonl')) : [],
  };
  // What a passenger received stays received across a restart, as in a real mailbox: written
  // before the mailbox or carrier answers, so an accepted message is never forgotten.
  let writing: Promise<unknown> = Promise.resolve();
  const keep =
    <T extends { notification_id?: string }>(list: T[], file: string, channel: DeliveryChannel) =>
    (item: T): Promise<void> => {
      deps.onReceived?.(channel, item.notification_id);
      // The latest in memory (a wave is tens of thousands of messages); the file keeps them all.
      list.push(item);
      if (list.length > INBOX_MEMORY) list.splice(0, list.length - INBOX_MEMORY);
      if (!deps.persist) return Promise.resolve();
      const line = `${JSON.stringify(item)}\n`;
      const written = writing.then(() => appendFile(join(directory, file), line));
      writing = written.catch(() => undefined);
      return written;
    };
  const bounces = new Set(config.DELIVERY_BOUNCE_ADDRESSES);
  // Seeded, a run with faults can be repeated call for call.
  const random =
    config.DELIVERY_FAULT_SEED === undefined
      ? Math.random
      : seededRandom(config.DELIVERY_FAULT_SEED);
  const transient = () => random() < config.DELIVERY_TRANSIENT_FAILURE_RATE;
  const smtp = config.SMTP_HOST
    ? undefined
    : await startEmbeddedSmtpServer({
        port: config.SMTP_PORT,
        onMessage: keep(inboxes.mail, 'mail.jsonl', 'EMAIL'),
        // Every message of the file (read before any is dropped from memory): its Message-ID.
        received: inboxes.mail,
        faults: { bounce: (address) => bounces.has(address), deferral: transient },
      });
  const carrier = await startLoopbackCarrier({
    onMessage: (message: HandsetMessage) =>
      keep(inboxes.handset, 'handset.jsonl', message.channel === 'PUSH' ? 'PUSH' : 'SMS')(message),
    received: inboxes.handset,
    onReceipt: deps.onReceipt,
    faults: {
      refuse: (phone) => bounces.has(phone),
      disabledEndpoint: (endpoint, token) =>
        bounces.has(endpoint) || (token !== undefined && bounces.has(token)),
      transient,
    },
  });
  const email = new SmtpEmailProvider({
    host: config.SMTP_HOST ?? '127.0.0.1',
    port: smtp?.port ?? config.SMTP_PORT,
    from: config.EMAIL_FROM,
    maxConnections: 8,
  });
  const aws = {
    endpoint: carrier.endpoint,
    region: config.AWS_REGION,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  };
  const limited = (provider: ChannelProvider) =>
    new ResilientProvider(provider, {
      rateLimit: {
        ratePerSecond: config.DELIVERY_RATE_PER_SECOND,
        burst: config.DELIVERY_RATE_PER_SECOND,
      },
      onThrottled: () => deps.metrics.count('DeliveryThrottled'),
      onRetry: () => deps.metrics.count('DeliveryRetries'),
    });
  return {
    providers: {
      EMAIL: limited(email),
      SMS: limited(
        new EumSmsProvider(new PinpointSMSVoiceV2Client(aws), {
          originationIdentity: 'FLIGHTPULSE',
        }),
      ),
      PUSH: limited(new SnsPushProvider(new SNSClient(aws))),
    },
    inboxes,
    smtpPort: smtp?.port,
    // Registration is not a delivery: the SDK's own retries, no quota.
    pushEndpoints: new SnsPushEndpoints(
      new SNSClient({ ...aws, maxAttempts: 3 }),
      platformApplicationArns(config.AWS_REGION, LOCAL_ACCOUNT),
    ),
    async close() {
      await writing.catch(() => undefined);
      email.close();
      await carrier.close();
      await smtp?.close();
    },
  };
}

/** The complete lines of an inbox file; a line torn by a crash was never acknowledged. */
async function readLines<T>(file: string): Promise<T[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  // Close a torn tail so the next message starts on its own line.
  if (text.length > 0 && !text.endsWith('\n')) await appendFile(file, '\n');
  return text.split('\n').flatMap((line) => {
    try {
      return line ? [JSON.parse(line) as T] : [];
    } catch {
      return [];
    }
  });
}

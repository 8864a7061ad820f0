import { mkdir } from 'node:fs/promises';
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
import type { HandsetMessage, SmsReceipt } from '../adapters/local/carrier/loopback-carrier.ts';
import type { ReceivedEmail } from '../adapters/local/smtp/embedded-smtp-server.ts';
import { unsignedForLocalEndpoint } from '../adapters/local/unsigned-requests.ts';
import type { DeliveryChannel } from '../domain/delivery/channel-fallback.ts';
import type { PushEndpoints } from '../ports/push-devices.ts';
import type { MetricsRecorder } from '../ports.ts';
import type { Config } from './config.ts';
import { HANDSET_FILE, MAIL_FILE, readLines } from './inbox-files.ts';
import type { ReceivingEndsSettings } from './receiving-ends.ts';
import { startReceivingEndsInOwnProcess } from './receiving-ends-protocol.ts';

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
  /** The mailbox and carrier's own process (`ownProcess`). */
  pid: number | undefined;
  close(): Promise<void>;
}

/** Messages per inbox kept in memory for the console. */
const INBOX_MEMORY = 2000;

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const LOCAL_ACCOUNT = '000000000000';

/**
 * The local ways out: e-mail over real SMTP (the embedded mailbox, or SMTP_HOST), SMS and push
 * through the production End User Messaging and SNS adapters against a loopback carrier. Each
 * provider sits behind its quota and retries; carrier receipts go to `onReceipt`. With
 * `ownProcess` the mailbox and carrier run in a child process (receiving-ends-process.ts).
 */
export async function startLocalChannels(
  config: Config,
  deps: {
    metrics: MetricsRecorder;
    persist: boolean;
    onReceipt: (receipt: SmsReceipt) => void;
    /** Sees each message a passenger's mailbox or handset received (the benchmark counts them). */
    onReceived?: (channel: DeliveryChannel, notificationId: string | undefined) => void;
    ownProcess?: boolean;
  },
): Promise<LocalChannels> {
  const directory = join(config.FLIGHTPULSE_DATA_DIR, 'inboxes');
  if (deps.persist) await mkdir(directory, { recursive: true });
  // What a passenger received stays received across a restart, as in a real mailbox.
  const inboxes: Inboxes = {
    mail: deps.persist ? await readLines<ReceivedEmail>(join(directory, MAIL_FILE)) : [],
    handset: deps.persist ? await readLines<HandsetMessage>(join(directory, HANDSET_FILE)) : [],
  };
  // The latest in memory (a wave is tens of thousands of messages); the files keep them all.
  const keep = <T extends { notification_id?: string }>(list: T[], channel: DeliveryChannel) => {
    trim(list);
    return async (item: T): Promise<void> => {
      deps.onReceived?.(channel, item.notification_id);
      list.push(item);
      trim(list);
    };
  };
  const settings: ReceivingEndsSettings = {
    smtp: !config.SMTP_HOST,
    smtpPort: config.SMTP_PORT,
    directory: deps.persist ? directory : undefined,
    bounces: config.DELIVERY_BOUNCE_ADDRESSES,
    transientFailureRate: config.DELIVERY_TRANSIENT_FAILURE_RATE,
    faultSeed: config.DELIVERY_FAULT_SEED,
  };
  const keepMail = keep(inboxes.mail, 'EMAIL');
  const keepHandset = keep(inboxes.handset, 'SMS');
  const keepPush = keep(inboxes.handset, 'PUSH');
  // In their own process, this one does not load the mailbox's SMTP server and MIME parser.
  const start = deps.ownProcess
    ? startReceivingEndsInOwnProcess
    : (await import('./receiving-ends.ts')).startReceivingEnds;
  const ends = await start(settings, {
    mail: keepMail,
    handset: (message) => (message.channel === 'PUSH' ? keepPush : keepHandset)(message),
    receipt: deps.onReceipt,
  });
  const email = new SmtpEmailProvider({
    host: config.SMTP_HOST ?? '127.0.0.1',
    port: ends.smtpPort ?? config.SMTP_PORT,
    from: config.EMAIL_FROM,
    maxConnections: 8,
  });
  const aws = {
    endpoint: ends.endpoint,
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
  const sms = new PinpointSMSVoiceV2Client(aws);
  const push = new SNSClient(aws);
  for (const client of [sms, push]) unsignedForLocalEndpoint(client);
  return {
    providers: {
      EMAIL: limited(email),
      SMS: limited(new EumSmsProvider(sms, { originationIdentity: 'FLIGHTPULSE' })),
      PUSH: limited(new SnsPushProvider(push)),
    },
    inboxes,
    smtpPort: ends.smtpPort,
    pid: ends.pid,
    // Registration is not a delivery: the SDK's own retries, no quota.
    pushEndpoints: new SnsPushEndpoints(
      new SNSClient({ ...aws, maxAttempts: 3 }),
      platformApplicationArns(config.AWS_REGION, LOCAL_ACCOUNT),
    ),
    async close() {
      email.close();
      await ends.close();
    },
  };
}

/** Drops the oldest messages beyond INBOX_MEMORY (one splice now and then, not one per message). */
function trim(list: unknown[]): void {
  if (list.length > INBOX_MEMORY * 1.25) list.splice(0, list.length - INBOX_MEMORY);
}

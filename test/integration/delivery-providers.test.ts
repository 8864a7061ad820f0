import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EumSmsProvider } from '../../src/adapters/delivery/eum-sms-provider.ts';
import { ResilientProvider } from '../../src/adapters/delivery/resilient-provider.ts';
import { SesEmailProvider } from '../../src/adapters/delivery/ses-email-provider.ts';
import { SmtpEmailProvider } from '../../src/adapters/delivery/smtp-email-provider.ts';
import { SnsPushProvider } from '../../src/adapters/delivery/sns-push-provider.ts';
import {
  type HandsetMessage,
  type LoopbackCarrier,
  type SmsReceipt,
  startLoopbackCarrier,
} from '../../src/adapters/local/carrier/loopback-carrier.ts';
import {
  type EmbeddedSmtpServer,
  type ReceivedEmail,
  startEmbeddedSmtpServer,
} from '../../src/adapters/local/smtp/embedded-smtp-server.ts';
import { DeliveryFailureError } from '../../src/domain/delivery/delivery-failure.ts';
import { receiptFromSes, receiptFromSms } from '../../src/domain/delivery/provider-receipt.ts';
import { closedPort } from '../support/closed-port.ts';
import { sampleEvent } from '../support/sample-events.ts';

/** The record a message was sent for (its reports name it, on the channels that carry it). */
const where = { flightId: 'SW1234', bookingId: 'B001' };

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
let deferNext = 0;
const mailbox: ReceivedEmail[] = [];
const handset: HandsetMessage[] = [];
const receipts: SmsReceipt[] = [];
let smtp: EmbeddedSmtpServer;
let carrier: LoopbackCarrier;
let transientNext = 0;

beforeAll(async () => {
  smtp = await startEmbeddedSmtpServer({
    onMessage: (m) => mailbox.push(m),
    faults: {
      bounce: (address) => address.endsWith('@bounce.example.com'),
      deferral: () => deferNext-- > 0,
    },
  });
  carrier = await startLoopbackCarrier({
    onMessage: (m) => handset.push(m),
    onReceipt: (r) => receipts.push(r),
    faults: {
      refuse: (phone) => phone === '+15550009999',
      unreachable: (phone) => phone === '+15550008888',
      disabledEndpoint: (arn) => arn.endsWith('/disabled'),
      transient: () => transientNext-- > 0,
    },
  });
});
afterAll(async () => {
  await smtp?.close();
  await carrier?.close();
});

/** An AWS client's settings for a loopback carrier: one attempt, retrying is the providers' job. */
const awsAt = (endpoint: string) => ({
  endpoint,
  region: 'us-east-1',
  credentials,
  maxAttempts: 1,
});
const smsClient = () => new PinpointSMSVoiceV2Client(awsAt(carrier.endpoint));
const smsProvider = (client = smsClient()) =>
  new EumSmsProvider(client, { originationIdentity: 'FLIGHTPULSE' });
const pushProvider = () => new SnsPushProvider(new SNSClient(awsAt(carrier.endpoint)));
const emailProvider = () =>
  new SmtpEmailProvider({ host: '127.0.0.1', port: smtp.port, from: 'ops@flightpulse.test' });

describe('e-mail over SMTP to the embedded mailbox', () => {
  it('delivers a multipart message the mailbox parses back', async () => {
    const email = emailProvider();
    const { providerMessageId } = await email.send({
      notificationId: 'e1:B001:EMAIL',
      ...where,
      channel: 'EMAIL',
      recipient: 'ana@example.com',
      subject: 'SW1234 is delayed',
      body: 'Hi Ana,\n\nYour flight now leaves at 08:25 EST.',
    });
    email.close();
    const received = mailbox.find((m) => m.notification_id === 'e1:B001:EMAIL');
    expect(received?.to).toBe('ana@example.com');
    expect(received?.subject).toBe('SW1234 is delayed');
    expect(received?.text).toContain('08:25 EST');
    expect(received?.html).toContain('<p>Your flight now leaves at 08:25 EST.</p>');
    expect(received?.message_id).toBe(providerMessageId);
  });

  it('reports a 550 mailbox as a permanent bounce and a 451 as transient', async () => {
    const email = emailProvider();
    const message = {
      notificationId: 'n',
      ...where,
      channel: 'EMAIL' as const,
      subject: 's',
      body: 'b',
    };
    const bounce = await email
      .send({ ...message, recipient: 'gone@bounce.example.com' })
      .catch((e) => e);
    deferNext = 1;
    const deferred = await email
      .send({ ...message, recipient: 'busy@example.com' })
      .catch((e) => e);
    email.close();
    expect(bounce).toBeInstanceOf(DeliveryFailureError);
    expect([bounce.kind, bounce.status]).toEqual(['PERMANENT', 'BOUNCED']);
    expect(deferred).toBeInstanceOf(DeliveryFailureError);
    expect(deferred.kind).toBe('TRANSIENT');
  });

  it('reports a server that does not answer as transient', async () => {
    const port = await closedPort();
    const email = new SmtpEmailProvider({ host: '127.0.0.1', port, from: 'ops@flightpulse.test' });
    const failure = await email
      .send({
        notificationId: 'n',
        ...where,
        channel: 'EMAIL',
        recipient: 'a@example.com',
        body: 'b',
      })
      .catch((e) => e);
    email.close();
    expect(failure).toBeInstanceOf(DeliveryFailureError);
    expect([failure.kind, failure.message]).toEqual([
      'TRANSIENT',
      expect.stringMatching(/ECONNREFUSED/),
    ]);
  });
});

describe('SMS through the End User Messaging client against the loopback carrier', () => {
  it('delivers, and the carrier sends a delivery receipt for the message id', async () => {
    const sms = smsProvider();
    const { providerMessageId } = await sms.send({
      notificationId: 'e1:B001:SMS',
      ...where,
      channel: 'SMS',
      recipient: '+15550001111',
      body: 'FlightPulse: SW1234 now departs 08:25 EST.',
    });
    await new Promise((r) => setImmediate(r));
    expect(handset.find((m) => m.message_id === providerMessageId)?.notification_id).toBe(
      'e1:B001:SMS',
    );
    const receipt = receipts.find((r) => r.messageId === providerMessageId);
    expect(receipt?.messageStatus).toBe('DELIVERED');
    // The receipt hands back the context the message carried: the claim it was sent for.
    expect(receiptFromSms(receipt)?.claim).toEqual({
      flight_id: 'SW1234',
      booking_id: 'B001',
      notification_id: 'e1:B001:SMS',
    });
  });

  it('refuses an opted-out number permanently, and reports an unreachable one after accepting it', async () => {
    const sms = smsProvider();
    const base = { notificationId: 'n', ...where, channel: 'SMS' as const, body: 'hello' };
    const refused = await sms.send({ ...base, recipient: '+15550009999' }).catch((e) => e);
    expect([refused.kind, refused.status]).toEqual(['PERMANENT', 'BOUNCED']);
    const { providerMessageId } = await sms.send({ ...base, recipient: '+15550008888' });
    await new Promise((r) => setImmediate(r));
    expect(receipts.find((r) => r.messageId === providerMessageId)?.messageStatus).toBe(
      'CARRIER_UNREACHABLE',
    );
  });

  it('retries throttling with backoff until the carrier takes the message', async () => {
    const retries: number[] = [];
    const sms = new ResilientProvider(smsProvider(), {
      rateLimit: { ratePerSecond: 1000, burst: 10 },
      sleep: async () => undefined,
      onRetry: (attempt) => retries.push(attempt),
    });
    transientNext = 2;
    const before = handset.length;
    await sms.send({
      notificationId: 'r',
      ...where,
      channel: 'SMS',
      recipient: '+15550004242',
      body: 'x',
    });
    expect(retries).toEqual([1, 2]);
    expect(handset.length).toBe(before + 1);
  });
});

describe('push through SNS mobile push against the loopback carrier', () => {
  it('publishes to the device endpoint; a disabled endpoint is a permanent bounce', async () => {
    const push = pushProvider();
    const arn = 'arn:aws:sns:us-east-1:000000000000:endpoint/GCM/flightpulse/device-1';
    const { providerMessageId } = await push.send({
      notificationId: 'e1:B001:PUSH',
      ...where,
      channel: 'PUSH',
      recipient: arn,
      subject: 'SW1234 delayed',
      body: 'Now departs 08:25 EST',
    });
    expect(handset.find((m) => m.message_id === providerMessageId)).toMatchObject({
      channel: 'PUSH',
      to: arn,
      title: 'SW1234 delayed',
      body: 'Now departs 08:25 EST',
    });
    const disabled = await push
      .send({
        notificationId: 'n',
        ...where,
        channel: 'PUSH',
        recipient: `${arn}/disabled`,
        body: 'x',
      })
      .catch((e) => e);
    expect([disabled.kind, disabled.status]).toEqual(['PERMANENT', 'BOUNCED']);
  });
});

describe('a send repeated under the same claim (a retry after a crash)', () => {
  it('reaches the mailbox once: the Message-ID comes from the claim and the mailbox keeps one copy', async () => {
    const email = emailProvider();
    const message = {
      notificationId: 'SW1234:B001:EMAIL:CANCELLATION:CANCELLED',
      ...where,
      channel: 'EMAIL' as const,
      recipient: 'once@example.com',
      subject: 'SW1234 is cancelled',
      body: 'We are sorry.',
    };
    const first = await email.send(message);
    const second = await email.send(message);
    email.close();
    expect(second.providerMessageId).toBe(first.providerMessageId);
    expect(mailbox.filter((m) => m.to === 'once@example.com')).toHaveLength(1);
  });

  it('reaches the handset once per idempotency key, across a carrier restart', async () => {
    const sms = smsProvider();
    const push = pushProvider();
    const text = {
      notificationId: 'SW1234:B002:SMS:CANCELLATION:CANCELLED',
      ...where,
      channel: 'SMS' as const,
      recipient: '+15550007373',
      body: 'FlightPulse: SW1234 is cancelled.',
    };
    const device = 'arn:aws:sns:us-east-1:000000000000:endpoint/GCM/flightpulse/device-once';
    const alert = {
      ...text,
      notificationId: 'SW1234:B002:PUSH:X',
      ...where,
      channel: 'PUSH' as const,
      recipient: device,
    };
    const first = await sms.send(text);
    expect((await sms.send(text)).providerMessageId).toBe(first.providerMessageId);
    const pushed = await push.send(alert);
    expect((await push.send(alert)).providerMessageId).toBe(pushed.providerMessageId);
    expect(handset.filter((m) => m.to === text.recipient || m.to === device)).toHaveLength(2);
    // A carrier restarted on what its handsets hold remembers the keys.
    const again: HandsetMessage[] = [];
    const restarted = await startLoopbackCarrier({
      onMessage: (m) => again.push(m),
      onReceipt: () => undefined,
      received: handset,
    });
    const resent = await smsProvider(new PinpointSMSVoiceV2Client(awsAt(restarted.endpoint))).send(
      text,
    );
    await restarted.close();
    expect(resent.providerMessageId).toBe(first.providerMessageId);
    expect(again).toEqual([]);
  });
});

describe('e-mail through SES, at its wire protocol on loopback', () => {
  it('tags the message with its claim, which comes back in the events SES publishes', async () => {
    const requests: Array<{ path: string; body: Record<string, unknown> }> = [];
    const ses = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        requests.push({ path: request.url ?? '', body: JSON.parse(body) });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ MessageId: 'ses-message-9' }));
      });
    });
    await new Promise<void>((resolve) => ses.listen(0, '127.0.0.1', resolve));
    const { port } = ses.address() as AddressInfo;
    try {
      const email = new SesEmailProvider(new SESv2Client(awsAt(`http://127.0.0.1:${port}`)), {
        from: 'ops@flightpulse.example',
        configurationSet: 'flightpulse',
      });
      const notificationId = 'SW1234:B001:EMAIL:CANCELLATION:CANCELLED';
      const sent = await email.send({
        notificationId,
        ...where,
        channel: 'EMAIL',
        recipient: 'ana@example.com',
        subject: 'SW1234 is cancelled',
        body: 'We are sorry.',
      });
      expect(sent.providerMessageId).toBe('ses-message-9');
      expect(requests).toHaveLength(1);
      const request = requests[0] as (typeof requests)[number];
      expect(request.path).toBe('/v2/email/outbound-emails');
      // SES hands every message tag back in the event's mail.tags, as lists of values.
      const tags = Object.fromEntries(
        (request.body.EmailTags as Array<{ Name: string; Value: string }>).map((t) => [
          t.Name,
          [t.Value],
        ]),
      );
      const delivered = sampleEvent<{ detail: { mail: Record<string, unknown> } }>(
        'ses',
        'delivery',
      );
      delivered.detail.mail.tags = tags;
      expect(receiptFromSes(delivered.detail)?.claim).toEqual({
        flight_id: 'SW1234',
        booking_id: 'B001',
        notification_id: notificationId,
      });
    } finally {
      await new Promise((resolve) => ses.close(resolve));
    }
  });
});

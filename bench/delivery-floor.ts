/**
 * The delivery floor: the way out alone carrying as many messages as the wave sent, in the wave's
 * mix of channels, with no store and no workflow. The same providers and journal as the runtime
 * (SMTP to the mailbox, the carrier's SMS API over HTTP), the mailbox and carrier in their own
 * process as in the bench's runtime; done when the last message is received.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JournalSender } from '../src/adapters/delivery/journal-sender.ts';
import { providerDispatch } from '../src/adapters/delivery/provider-dispatch.ts';
import type { NotificationDetail } from '../src/domain/event-routing/bus-events.ts';
import { fillMessage } from '../src/domain/messaging/fill-message.ts';
import { type MessageSegment, segmentKey } from '../src/domain/messaging/message-segment.ts';
import { type Placeholder, templateFor } from '../src/domain/messaging/message-templates.ts';
import { loadConfig } from '../src/runtime/config.ts';
import { startLocalChannels } from '../src/runtime/local-channels.ts';
import { ownCpuMs, processCpuMs } from './process-usage.ts';

/** Messages per send call (a workflow batch's deliveries) and send calls under way at once. */
const PER_CALL = 100;
const CALLS_AT_ONCE = 2;
const RECEIVE_TIMEOUT_MS = 60_000;

export interface DeliveryFloor {
  seconds: number;
  messages: { EMAIL: number; SMS: number };
  cpu_seconds: { channels: number; client: number };
}

/**
 * Sends `mix` messages (push counts as SMS: both leave over the carrier's HTTP API) and waits
 * until each is received. The fastest of the settings tried on 2 cores: two calls of 100 at once.
 */
export async function deliveryFloor(mix: Record<string, number>): Promise<DeliveryFloor> {
  const messages = { EMAIL: mix.EMAIL ?? 0, SMS: (mix.SMS ?? 0) + (mix.PUSH ?? 0) };
  const total = messages.EMAIL + messages.SMS;
  // What the mailbox and the handset received, counted at their end.
  const received = { EMAIL: 0, SMS: 0 };
  const dir = mkdtempSync(join(tmpdir(), 'flightpulse-delivery-floor-'));
  const config = loadConfig({}, { FLIGHTPULSE_DATA_DIR: dir, LOG_LEVEL: 'SILENT' });
  let allReceived: () => void = () => {};
  let lost: () => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    allReceived = resolve;
    lost = () =>
      reject(new Error(`delivery floor: ${total} sent, ${JSON.stringify(received)} received`));
  });
  const channels = await startLocalChannels(config, {
    metrics: { count: () => undefined },
    persist: false,
    onReceipt: () => {},
    onReceived: (channel) => {
      received[channel === 'EMAIL' ? 'EMAIL' : 'SMS']++;
      if (received.EMAIL + received.SMS === total) allReceived();
    },
    ownProcess: true,
  });
  try {
    const sender = new JournalSender(
      undefined,
      () => new Date().toISOString(),
      providerDispatch(channels.providers),
    );
    const all = floorMessages(messages);
    const [channelsCpu, clientCpu] = [processCpuMs(channels.pid), ownCpuMs()];
    const start = performance.now();
    let next = 0;
    const caller = async () => {
      while (next < all.length) {
        const call = all.slice(next, next + PER_CALL);
        next += call.length;
        const refused = (await sender.send(call)).find((r) => r.outcome !== 'SENT');
        if (refused)
          throw new Error(`delivery floor: ${refused.notification_id} ${refused.outcome}`);
      }
    };
    await Promise.all(Array.from({ length: CALLS_AT_ONCE }, caller));
    // Every send was taken; a message still not received after a minute is lost, not slow.
    const timer = setTimeout(() => lost(), RECEIVE_TIMEOUT_MS);
    if (total > 0) await done;
    clearTimeout(timer);
    return {
      seconds: (performance.now() - start) / 1000,
      messages: received,
      cpu_seconds: {
        channels: (processCpuMs(channels.pid) - channelsCpu) / 1000,
        client: (ownCpuMs() - clientCpu) / 1000,
      },
    };
  } finally {
    await channels.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A major delay's template message, filled as a passenger would get it; e-mails and SMS interleaved. */
function floorMessages(messages: { EMAIL: number; SMS: number }): NotificationDetail[] {
  const segment: MessageSegment = {
    messageType: 'DELAY_NOTIFICATION',
    severity: 'MAJOR',
    tier: 'MEMBER',
    assistance: 'NONE',
    channels: 'EMAIL+SMS',
    language: 'en',
  };
  const filled = fillMessage(templateFor(segment), SAMPLE);
  const key = segmentKey(segment);
  const created = new Date().toISOString();
  const total = messages.EMAIL + messages.SMS;
  return Array.from({ length: total }, (_, i) => {
    // Spread evenly: e-mail i goes where its share of the sequence says.
    const isEmail =
      Math.floor(((i + 1) * messages.EMAIL) / total) > Math.floor((i * messages.EMAIL) / total);
    const booking = `BK${String(i).padStart(7, '0')}`;
    const common = {
      event_id: 'delivery-floor',
      flight_id: 'FP1234',
      booking_id: booking,
      passenger_id: `P${String(i).padStart(7, '0')}`,
      message_type: 'DELAY_NOTIFICATION',
      priority: 'NORMAL',
      generated_by: 'TEMPLATE',
      segment: key,
      created_at: created,
    } as const;
    return isEmail
      ? {
          ...common,
          notification_id: `FLOOR#${booking}#EMAIL`,
          channel: 'EMAIL',
          recipient: `passenger.${i}@example.com`,
          subject: filled.email_subject,
          body: filled.email_body,
        }
      : {
          ...common,
          notification_id: `FLOOR#${booking}#SMS`,
          channel: 'SMS',
          recipient: `+1555${String(i).padStart(7, '0')}`,
          body: filled.sms_body,
        };
  });
}

const SAMPLE: Partial<Record<Placeholder, string>> = {
  first_name: 'Alex',
  flight_id: 'FP1234',
  origin: 'LHR',
  destination: 'JFK',
  departure_date: '4 December 2026',
  original_departure_time: '13:00',
  new_departure_time: '14:35',
  new_arrival_time: '17:20',
  delay_duration: '1 hour 35 minutes',
  reason_text: 'weather at the departure airport',
  gate: 'B22',
  seat: '14C',
  confirmation_number: 'QX7P2M',
  rights:
    '\n\nUnder EU261 you are owed meals and refreshments while you wait. Show this message at any FlightPulse desk.',
  rights_sms: ' Meals owed under EU261.',
};

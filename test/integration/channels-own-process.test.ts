/**
 * The embedded mailbox and loopback carrier in a process of their own (as the benchmark runs
 * them): what they receive reaches the runtime's inboxes and `onReceived` before the send
 * completes, is kept on disk, is received once per notification across a restart of the channels,
 * and their faults (a bounce) come back over the real protocol.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DeliveryFailureError } from '../../src/domain/delivery/delivery-failure.ts';
import { loadConfig } from '../../src/runtime/config.ts';
import { type LocalChannels, startLocalChannels } from '../../src/runtime/local-channels.ts';

/** The record a message was sent for (its reports name it, on the channels that carry it). */
const where = { flightId: 'SW1234', bookingId: 'B001' };

const dataDir = mkdtempSync(join(tmpdir(), 'flightpulse-channels-'));
const config = loadConfig(
  {},
  { FLIGHTPULSE_DATA_DIR: dataDir, DELIVERY_BOUNCE_ADDRESSES: 'gone@example.com' },
);
const received: Array<[string, string | undefined]> = [];

function start(): Promise<LocalChannels> {
  return startLocalChannels(config, {
    metrics: { count: () => undefined },
    persist: true,
    onReceipt: () => undefined,
    onReceived: (channel, id) => received.push([channel, id]),
    ownProcess: true,
  });
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('local channels in their own process', () => {
  it('deliver into the inboxes before the send completes, once, and bounce over SMTP', async () => {
    const channels = await start();
    expect(channels.pid).not.toBe(process.pid);
    try {
      await channels.providers.EMAIL.send({
        notificationId: 'n-mail',
        ...where,
        channel: 'EMAIL',
        recipient: 'ana@example.com',
        subject: 'Your flight is delayed',
        body: 'New departure 14:05.',
      });
      const sms = {
        notificationId: 'n-sms',
        ...where,
        channel: 'SMS' as const,
        recipient: '+15550001111',
        body: 'Flight delayed',
      };
      await channels.providers.SMS.send(sms);
      expect(channels.inboxes.mail.map((m) => [m.to, m.notification_id])).toEqual([
        ['ana@example.com', 'n-mail'],
      ]);
      expect(channels.inboxes.handset.map((m) => [m.to, m.notification_id])).toEqual([
        ['+15550001111', 'n-sms'],
      ]);
      await expect(
        channels.providers.EMAIL.send({
          notificationId: 'n-bounce',
          ...where,
          channel: 'EMAIL',
          recipient: 'gone@example.com',
          subject: 's',
          body: 'b',
        }),
      ).rejects.toBeInstanceOf(DeliveryFailureError);
    } finally {
      await channels.close();
    }
    // Restarted, the channels remember what they took: the same SMS again reaches no handset.
    const again = await start();
    try {
      expect(again.inboxes.handset).toHaveLength(1);
      await again.providers.SMS.send({
        notificationId: 'n-sms',
        ...where,
        channel: 'SMS',
        recipient: '+15550001111',
        body: 'Flight delayed',
      });
      expect(again.inboxes.handset).toHaveLength(1);
    } finally {
      await again.close();
    }
    expect(received).toEqual([
      ['EMAIL', 'n-mail'],
      ['SMS', 'n-sms'],
    ]);
    const lines = (file: string) =>
      readFileSync(join(dataDir, 'inboxes', file), 'utf8')
        .trim()
        .split('\n');
    expect(lines('mail.jsonl')).toHaveLength(1);
    expect(lines('handset.jsonl')).toHaveLength(1);
  });
});

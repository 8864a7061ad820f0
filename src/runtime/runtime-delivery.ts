// Where local messages go: the embedded SMTP server and loopback carrier, sent through the
// journal so a restart neither loses nor repeats a send.
import { join } from 'node:path';
import type { Logger } from '@aws-lambda-powertools/logger';
import { JournalSender } from '../adapters/delivery/journal-sender.ts';
import { providerDispatch } from '../adapters/delivery/provider-dispatch.ts';
import type { InMemoryMetrics } from '../adapters/local/cloudwatch/in-memory-metrics.ts';
import type { LocalBus } from '../adapters/local/eventbridge/local-bus.ts';
import type { WorkTracker } from '../adapters/local/work-tracker.ts';
import { createDeliveryStatus } from '../handlers/delivery-status.ts';
import { createTellPassengers } from '../handlers/tell-passengers.ts';
import type { Clock } from '../ports.ts';
import type { Config } from './config.ts';
import { type LocalChannels, startLocalChannels } from './local-channels.ts';
import type { RuntimeOptions } from './local-runtime.ts';
import { withReportRetries } from './report-retries.ts';
import type { RuntimeStore } from './runtime-store.ts';

/**
 * The way out: the local channels (embedded SMTP server, loopback carrier), the journal sender
 * over them, their delivery reports moving statuses forward, and the plain "tell the passengers"
 * path for outcomes, heads-ups and claim notices.
 */
export async function localDelivery(
  config: Config,
  options: RuntimeOptions,
  deps: {
    store: RuntimeStore;
    bus: LocalBus;
    clock: Clock;
    metrics: InMemoryMetrics;
    log: Logger;
    tracker: WorkTracker;
  },
) {
  const { store, bus, clock, metrics, log, tracker } = deps;
  const channels = await startLocalChannels(config, {
    metrics,
    persist: !options.inMemoryStore,
    onReceipt: (record) =>
      tracker.track(withReportRetries(() => deliveryStatus({ source: 'sms', record }))),
    ...(options.onPassengerMessage ? { onReceived: options.onPassengerMessage } : {}),
    ownProcess: options.channelsInOwnProcess ?? false,
  });
  const sender = journalSender(config, options, clock, channels);
  const deliveryStatus = createDeliveryStatus({
    ...{ claims: store.notifications, sender, bookings: store.bookings },
    ...{ publisher: bus, clock, metrics, log },
  });
  const tell = createTellPassengers({
    ...{ claims: store.notifications, sender, bookings: store.bookings },
    ...{ publisher: bus, clock, metrics },
  });
  return { channels, sender, tell };
}

/**
 * The local way out: the channels' providers, with the send journal under the data directory
 * (in memory with an in-memory store) refusing a second send of one notification.
 */
export function journalSender(
  config: Config,
  options: RuntimeOptions,
  clock: Clock,
  channels: LocalChannels,
): JournalSender {
  const file = options.inMemoryStore
    ? undefined
    : join(config.FLIGHTPULSE_DATA_DIR, 'deliveries.jsonl');
  return new JournalSender(file, () => clock.now(), providerDispatch(channels.providers));
}

import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HmacPassengerLinks } from '../adapters/links/hmac-passenger-links.ts';
import { LocalOfferExpiryScheduler } from '../adapters/local/scheduler/local-offer-expiry-scheduler.ts';
import { createOfferAnswers, type OfferAnswers } from '../handlers/answer-offer.ts';
import type { PassengerLinks } from '../ports/passenger-links.ts';
import type { OfferStore } from '../ports/rebooking-ports.ts';
import type { Clock, EventPublisher, Log, MetricsRecorder } from '../ports.ts';
import type { Config } from './config.ts';
import type { RuntimeStore } from './runtime-store.ts';

/** Rebooking's local parts: the expiry scheduler, the offer links, the answers. */
export interface RuntimeRebooking {
  scheduler: LocalOfferExpiryScheduler;
  links: PassengerLinks;
  answers: OfferAnswers;
  offers: OfferStore;
  expiryMinutes: number;
}

/**
 * The link key lives in the data directory (created once), so links stay valid across restarts;
 * an in-memory store gets a key of its own.
 */
function linkKey(config: Config, inMemory: boolean): Buffer {
  if (inMemory) return randomBytes(32);
  const file = join(config.FLIGHTPULSE_DATA_DIR, 'offer-link.key');
  try {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  } catch {
    mkdirSync(config.FLIGHTPULSE_DATA_DIR, { recursive: true });
    const key = randomBytes(32);
    writeFileSync(file, key.toString('base64'), { mode: 0o600 });
    return key;
  }
}

export function runtimeRebooking(
  config: Config,
  deps: {
    store: RuntimeStore;
    bus: EventPublisher;
    clock: Clock;
    log: Log;
    metrics: MetricsRecorder;
    inMemory: boolean;
  },
): RuntimeRebooking {
  const { store, bus, clock, log } = deps;
  const scheduler = new LocalOfferExpiryScheduler({
    table: store.table,
    publisher: bus,
    clock,
    log,
  });
  const links = new HmacPassengerLinks({
    key: linkKey(config, deps.inMemory),
    baseUrl: config.PUBLIC_URL ?? `http://127.0.0.1:${config.PORT}`,
    now: () => Date.parse(clock.now()),
  });
  const answers = createOfferAnswers({
    offers: store.offers,
    inventory: store.inventory,
    bookings: store.rebooking,
    idempotency: store.idempotency,
    scheduler,
    flights: store.flights,
    publisher: bus,
    clock,
    metrics: deps.metrics,
  });
  return {
    scheduler,
    links,
    answers,
    offers: store.offers,
    expiryMinutes: config.OFFER_EXPIRY_MINUTES,
  };
}

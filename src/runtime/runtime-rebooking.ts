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

export function runtimeRebooking(
  config: Config,
  deps: {
    store: RuntimeStore;
    bus: EventPublisher;
    clock: Clock;
    log: Log;
    metrics: MetricsRecorder;
    /** The identity capability's signer: offer links are passenger links like any other. */
    links: PassengerLinks;
  },
): RuntimeRebooking {
  const { store, bus, clock, log } = deps;
  const scheduler = new LocalOfferExpiryScheduler({
    table: store.table,
    publisher: bus,
    clock,
    log,
  });
  const { links } = deps;
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

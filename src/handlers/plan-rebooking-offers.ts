import pLimit from 'p-limit';
import { z } from 'zod';
import { allocateWave } from '../domain/rebooking/allocate-wave.ts';
import {
  type BookingOnFlight,
  disruptedParties,
  type FlightDisruption,
} from '../domain/rebooking/disrupted-parties.ts';
import { type Offer, offerFrom } from '../domain/rebooking/offer.ts';
import type { PartyAllocation, ScheduledFlight } from '../domain/rebooking/rebooking-types.ts';
import { scheduledFlight } from '../domain/rebooking/scheduled-flight.ts';
import type { Flight } from '../domain/records/flight.ts';
import type {
  OfferExpiryScheduler,
  OfferStore,
  RebookingBookings,
  SeatInventory,
} from '../ports/rebooking-ports.ts';
import type { BookingStore, Clock, FlightStore, Log, MetricsRecorder } from '../ports.ts';

/** Offers are written in batches of 100 (roadmap 004 §2.1), ten at a time. */
export const OFFER_BATCH_SIZE = 100;
const WRITE_CONCURRENCY = 10;

const InputSchema = z.object({
  kind: z.enum(['CANCELLATION', 'DELAY', 'WAIVER']),
  detail: z
    .object({
      flight_id: z.string(),
      event_id: z.string().optional(),
      waiver_id: z.string().optional(),
      delay_minutes: z.number().optional(),
      timestamp: z.string().optional(),
      issued_at: z.string().optional(),
    })
    .loose(),
});

export interface PlanResult {
  offers: number;
  escalated: number;
  held: number;
  generation_ms: number;
  /** New OPEN offers in batches of 100, for a workflow that tells passengers about them. */
  offer_batches: Array<{ offer_ids: string[] }>;
}

export interface PlanDeps {
  flights: FlightStore;
  bookings: BookingStore;
  inventory: SeatInventory;
  offers: OfferStore;
  rebooking: RebookingBookings;
  scheduler: OfferExpiryScheduler;
  clock: Clock;
  log: Log;
  metrics?: MetricsRecorder;
  /** Offer lifetime before the top option is booked (default 30). */
  expiryMinutes: number;
  /** Wall-clock milliseconds, for timing option generation (not a domain clock). */
  elapsed?: () => number;
}

/**
 * Workflow task "generate options": finds who the disruption leaves needing new flights,
 * allocates seats for the whole wave at once, stores one offer per party, holds the seats of each
 * offer's best option and schedules its expiry. Offers are keyed by event and party, so a
 * retried task creates and holds nothing twice.
 */
export function createPlanRebookingOffers(deps: PlanDeps) {
  const elapsed = deps.elapsed ?? (() => performance.now());
  return async (input: unknown): Promise<PlanResult> => {
    const { kind, detail } = InputSchema.parse(input);
    const empty: PlanResult = {
      offers: 0,
      escalated: 0,
      held: 0,
      generation_ms: 0,
      offer_batches: [],
    };
    const flight = await deps.flights.getFlight(detail.flight_id);
    if (!flight?.seats) return empty;
    const started = elapsed();
    const network = await deps.inventory.bookableFlights();
    const onBoard = await bookingsOnFlight(deps, flight, network);
    const disruption: FlightDisruption =
      kind === 'DELAY'
        ? { kind, delay_minutes: detail.delay_minutes ?? flight.delay_minutes }
        : { kind };
    const parties = disruptedParties(
      scheduledFlight(flight),
      { departure: flight.scheduled_departure, arrival: flight.scheduled_arrival },
      disruption,
      onBoard,
    );
    const allocations = allocateWave(parties, network).filter(
      (a) => a.options.length > 0 || a.escalation,
    );
    const generationMs = Math.round(elapsed() - started);
    deps.metrics?.count('OptionGenerationMilliseconds', generationMs);
    const now = deps.clock.now();
    const context = {
      event_id: detail.event_id ?? detail.waiver_id ?? `${kind}-${flight.flight_id}`,
      flight_id: flight.flight_id,
      disrupted_at: detail.timestamp ?? detail.issued_at ?? now,
      now,
      expiresAt: new Date(Date.parse(now) + deps.expiryMinutes * 60_000).toISOString(),
    };
    const limit = pLimit(WRITE_CONCURRENCY);
    const stored = await Promise.all(
      allocations.map((a) => limit(() => storeOffer(deps, a, context))),
    );
    const created = stored.filter((o): o is Offer => o !== undefined);
    const open = created.filter((o) => o.status === 'OPEN').map((o) => o.offer_id);
    const escalated = created.filter((o) => o.status === 'ESCALATED').length;
    deps.metrics?.count('RebookingOffersCreated', created.length);
    if (escalated > 0) deps.metrics?.count('RebookingEscalations', escalated);
    deps.log.info('rebooking offers', {
      flight_id: flight.flight_id,
      parties: parties.length,
      offers: created.length,
      escalated,
      generation_ms: generationMs,
    });
    const offer_batches = [];
    for (let i = 0; i < open.length; i += OFFER_BATCH_SIZE)
      offer_batches.push({ offer_ids: open.slice(i, i + OFFER_BATCH_SIZE) });
    return {
      offers: created.length,
      escalated,
      held: created.filter((o) => o.held_option_id).length,
      generation_ms: generationMs,
      offer_batches,
    };
  };
}

/** One offer: stored first (its id makes a retry a no-op), then its seats held, its expiry set. */
async function storeOffer(
  deps: PlanDeps,
  allocation: PartyAllocation,
  context: Parameters<typeof offerFrom>[1],
): Promise<Offer | undefined> {
  let offer = offerFrom(allocation, context);
  if (!(await deps.offers.create(offer))) return undefined;
  const held = offer.options.find((o) => o.held);
  if (held) {
    const requests = held.segments.map((s) => ({
      flight_id: s.flight_id,
      cabin: s.cabin,
      seats: offer.seats_needed,
    }));
    // Another wave may have taken the seats since they were counted: then the option stays
    // on offer, unheld, first come first served.
    if (!(await deps.inventory.hold(requests))) {
      offer =
        (await deps.offers.update(
          offer.offer_id,
          [offer.status],
          {
            options: offer.options.map((o) => ({ ...o, held: false })),
          },
          { clear: ['held_option_id'] },
        )) ?? offer;
    }
  }
  await deps.rebooking.linkOffer(offer.booking_ids, offer.offer_id);
  if (offer.reason === 'MISCONNECT')
    await deps.rebooking.markNeedsRebooking(offer.booking_ids, context.now);
  if (offer.status === 'OPEN') await deps.scheduler.schedule(offer.offer_id, offer.expires_at);
  return offer;
}

/** Bookings still on the flight, with their passenger's tier and their onward flight. */
async function bookingsOnFlight(
  deps: PlanDeps,
  flight: Flight,
  network: ScheduledFlight[],
): Promise<BookingOnFlight[]> {
  const refs = await deps.flights.listFlightBookings(flight.flight_id);
  const bookings = (await deps.bookings.getBookings(refs.map((r) => r.booking_id))).filter(
    (b) => b.flight_id === flight.flight_id,
  );
  const passengers = await deps.bookings.getPassengers([
    ...new Set(bookings.map((b) => b.passenger_id)),
  ]);
  const tiers = new Map(passengers.map((p) => [p.passenger_id, p.tier]));
  const byId = new Map(network.map((f) => [f.flight_id, f]));
  for (const id of new Set(
    bookings.flatMap((b) => (b.onward_flight_id ? [b.onward_flight_id] : [])),
  )) {
    if (byId.has(id)) continue;
    const onward = await deps.flights.getFlight(id);
    if (onward) byId.set(id, scheduledFlight(onward));
  }
  return bookings.map((b) => {
    const onward = b.onward_flight_id ? byId.get(b.onward_flight_id) : undefined;
    return { ...b, tier: tiers.get(b.passenger_id) ?? 'MEMBER', ...(onward ? { onward } : {}) };
  });
}

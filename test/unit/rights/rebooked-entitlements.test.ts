import { describe, expect, it } from 'vitest';
import type { Offer, OfferOption } from '../../../src/domain/rebooking/offer.ts';
import { DEFAULT_CLAIM_FORM_URL } from '../../../src/domain/rights/rights-settings.ts';
import { createComputeEntitlements } from '../../../src/handlers/compute-entitlements.ts';
import { cancellationOffer } from '../../support/cancellation-offer.ts';
import { InMemoryStores, SilentLog } from '../../support/fakes.ts';
import { disruption } from '../../support/fixtures.ts';
import { InMemoryEntitlementStore } from '../../support/in-memory-entitlements.ts';

const settings = { effectiveDates: {}, claimFormUrl: DEFAULT_CLAIM_FORM_URL };

/** SW4200 London Heathrow → Edinburgh, cancelled on the day for its own crew. */
function setUp() {
  const stores = new InMemoryStores();
  const flight = stores.flights.get('SW4200');
  if (!flight) throw new Error('the sample data has SW4200');
  const cancelled = disruption({
    eventType: 'FLIGHT_CANCELLED',
    flightId: 'SW4200',
    reason: 'CREW',
  });
  const bookingIds = [...stores.bookings.values()]
    .filter((b) => b.flight_id === 'SW4200')
    .map((b) => b.booking_id);
  const late = (minutes: number) =>
    new Date(Date.parse(flight.scheduled_arrival) + minutes * 60_000).toISOString();
  const option = (id: string, rank: number, minutesLate: number): OfferOption => ({
    option_id: id,
    rank,
    held: rank === 1,
    arrival_delay_minutes: minutesLate,
    segments: [
      {
        flight_id: `SW42${rank}2`,
        origin: 'LHR',
        destination: 'EDI',
        departure: new Date(Date.parse(flight.scheduled_departure) + 60 * 60_000).toISOString(),
        arrival: late(minutesLate),
        cabin: 'ECONOMY',
      },
    ],
  });
  // Each booking its own offer: the first rerouted 1 h 40 min late (or 5 h on its second option).
  const offers = new Map<string, Offer>();
  bookingIds.forEach((bookingId, i) => {
    const minutesLate = i === 0 ? 100 : 255;
    const passengerId = stores.bookings.get(bookingId)?.passenger_id ?? '';
    const offer = cancellationOffer(
      {
        offer_id: `OFR-${bookingId}-TEST001`,
        flight_id: 'SW4200',
        event_id: cancelled.detail.event_id,
        booking_id: bookingId,
        passenger_id: passengerId,
      },
      cancelled.detail.timestamp,
      { options: [option('O1', 1, minutesLate), option('O2', 2, 300)], held_option_id: 'O1' },
    );
    offers.set(offer.offer_id, offer);
    const booking = stores.bookings.get(bookingId);
    if (booking) booking.offer_id = offer.offer_id;
  });
  const entitlements = new InMemoryEntitlementStore();
  const compute = createComputeEntitlements({
    bookings: stores,
    flights: stores,
    offers: {
      get: async (id) => offers.get(id),
      getMany: async (ids) => ids.flatMap((id) => offers.get(id) ?? []),
    },
    entitlements,
    rights: settings,
    log: new SilentLog(),
  });
  const task = { kind: 'CANCELLATION' as const, detail: cancelled.detail, booking_ids: bookingIds };
  const uk = async (bookingId: string) =>
    (await entitlements.listOfBooking(bookingId))[0]?.regimes.find((r) => r.regime === 'UK261');
  return { bookingIds, offers, entitlements, compute, task, uk };
}

describe('ComputeEntitlements judges a cancellation with its rebooking', () => {
  it('judges each booking with the option it was offered: within 2 h nothing, later £220', async () => {
    const { bookingIds, entitlements, compute, task, uk } = setUp();
    const [rerouted, later] = bookingIds as [string, string];
    const { rights } = await compute(task);
    expect(rights).toHaveLength(2);
    // UK261 Art. 5(1)(c)(iii): told on the day, rerouted leaving later and arriving < 2 h late.
    expect(await uk(rerouted)).toMatchObject({ compensation: null, refund: true });
    // Arriving 4 h 15 min late: not exempt, and beyond the 2 h of Art. 7(2)(a): the full £220.
    expect((await uk(later))?.compensation).toEqual({ amount: 220, currency: 'GBP' });
    const [stored] = await entitlements.listOfBooking(rerouted);
    expect(stored?.rebooking).toMatchObject({ basis: 'OFFERED', option_id: 'O1' });
    expect(stored?.rights_case?.disruption.reroute).toBeDefined();
  });

  it('judges the booking again when the passenger books another option, once', async () => {
    const { bookingIds, offers, compute, task, uk } = setUp();
    const rerouted = bookingIds[0] as string;
    await compute(task);
    const offer = [...offers.values()].find((o) => o.booking_ids.includes(rerouted)) as Offer;
    offers.set(offer.offer_id, { ...offer, status: 'ACCEPTED', chosen_option_id: 'O2' });

    const again = await compute({ offer_id: offer.offer_id });
    expect(again.rights.map((r) => r.booking_id)).toEqual([rerouted]);
    expect((await uk(rerouted))?.compensation).toEqual({ amount: 220, currency: 'GBP' });
    expect(await compute({ offer_id: offer.offer_id })).toEqual({ rights: [] });
  });

  it('keeps a judgement whose claim notice already went out', async () => {
    const { bookingIds, offers, entitlements, compute, task, uk } = setUp();
    const rerouted = bookingIds[0] as string;
    await compute(task);
    const [stored] = await entitlements.listOfBooking(rerouted);
    if (!stored) throw new Error('stored');
    stored.claim_notice = { rule_set: 'X', due_by: stored.event_time, sent_at: stored.event_time };
    entitlements.items.set(`${rerouted}|SW4200`, stored);
    const offer = [...offers.values()].find((o) => o.booking_ids.includes(rerouted)) as Offer;
    offers.set(offer.offer_id, { ...offer, status: 'ACCEPTED', chosen_option_id: 'O2' });

    expect(await compute({ offer_id: offer.offer_id })).toEqual({ rights: [] });
    expect((await uk(rerouted))?.compensation).toBeNull();
  });

  it('judges a cancellation without a rebooking as before: no offer, no rerouting', async () => {
    const { bookingIds, offers, compute, task, uk } = setUp();
    offers.clear();
    await compute(task);
    for (const id of bookingIds)
      expect((await uk(id))?.compensation).toEqual({ amount: 220, currency: 'GBP' });
  });
});

import type { PublicOffer } from '../../domain/rebooking/offer.ts';
import type { Booking } from '../../domain/records/booking.ts';
import type { Flight } from '../../domain/records/flight.ts';
import { type Check, check } from '../scenario-run.ts';
import { bookingsOf, type CheckContext } from './check-context.ts';

type ScenarioChecks = (ctx: CheckContext) => Promise<Check[]>;

/** Rebooking's expectations: offers after a cancellation, a missed connection and a waiver. */
export const REBOOKING_CHECKS: Record<number, ScenarioChecks> = {
  2: missedConnection,
  3: cancellationOffers,
  9: waiverOffers,
};

async function offersOf(ctx: CheckContext, bookings: Booking[]) {
  return Promise.all(
    bookings.map(async (b) => ({
      booking: b,
      ...(await ctx.api<PublicOffer>(`/bookings/${b.booking_id}/offer`)),
    })),
  );
}

/** Every segment's flight has no more seats booked and held than it has. */
async function withinCapacity(ctx: CheckContext, offers: PublicOffer[]): Promise<boolean> {
  const ids = new Set(
    offers.flatMap((o) => (o.options ?? []).flatMap((x) => x.segments.map((s) => s.flight_id))),
  );
  for (const id of ids) {
    const { seats } = (await ctx.api<Flight>(`/flights/${id}`)).body;
    for (const c of Object.values(seats ?? {})) if (c.booked + c.held > c.capacity) return false;
  }
  return ids.size > 0;
}

async function cancellationOffers(ctx: CheckContext): Promise<Check[]> {
  const bookings = (await bookingsOf('SW9012', ctx.api)).filter(
    (b) => b.original_flight_id === undefined,
  );
  const answers = await offersOf(ctx, bookings);
  const offers = answers.map((a) => a.body);
  const open = answers.every(
    (a) => a.status === 200 && a.body.status === 'OPEN' && (a.body.options ?? []).length > 0,
  );
  const avoid = offers.every((o) =>
    (o.options ?? []).every((x) => x.segments.every((s) => s.flight_id !== 'SW9012')),
  );
  const party = answers
    .filter((a) => ['B010', 'B019'].includes(a.booking.booking_id))
    .map((a) => a.body.offer_id);
  const first = answers[0];
  const option = first?.body.options[0];
  const accept = (key: string) =>
    ctx.api<{ offer: PublicOffer }>(`/offers/${first?.body.offer_id}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify({ option_id: option?.option_id }),
    });
  const accepted = await accept('demo-accept-1');
  const replay = await accept('demo-accept-1');
  const booking = first
    ? (await ctx.api<Booking>(`/bookings/${first.booking.booking_id}`)).body
    : undefined;
  return [
    check(
      'every SW9012 booking has an OPEN offer with options',
      bookings.length > 0 && open,
      answers.map((a) => `${a.booking.booking_id}:${a.status}:${a.body.status}`).join(' '),
    ),
    check('no option uses SW9012', avoid),
    check('the options respect every flight’s capacity', await withinCapacity(ctx, offers)),
    check(
      'the party on one record shares one offer',
      party.length === 2 && party[0] === party[1],
      party.join(' '),
    ),
    check('accepting the top option answers 201', accepted.status === 201, `${accepted.status}`),
    check(
      'the same Idempotency-Key replays the first answer (200)',
      replay.status === 200 && JSON.stringify(replay.body) === JSON.stringify(accepted.body),
      `${replay.status}`,
    ),
    check(
      `GET /bookings/${first?.booking.booking_id} shows REBOOKED on the new flight, SW9012 kept`,
      booking?.booking_status === 'REBOOKED' &&
        booking.original_flight_id === 'SW9012' &&
        booking.flight_id === option?.segments[0]?.flight_id,
      `${booking?.booking_status} ${booking?.flight_id} from ${booking?.original_flight_id}`,
    ),
  ];
}

async function missedConnection(ctx: CheckContext): Promise<Check[]> {
  const { status, body } = await ctx.api<PublicOffer>('/bookings/B005/offer');
  return [
    check(
      'B005 misses its DEN connection: an offer onward to SLC',
      status === 200 &&
        body.status === 'OPEN' &&
        body.options.length > 0 &&
        body.options.every(
          (o) => o.segments[0]?.origin === 'DEN' && o.segments.at(-1)?.destination === 'SLC',
        ),
      `${status} ${JSON.stringify(body.options?.map((o) => o.option_id))}`,
    ),
  ];
}

async function waiverOffers(ctx: CheckContext): Promise<Check[]> {
  const bookings = (await bookingsOf('SW1234', ctx.api)).filter((b) => b.flight_id === 'SW1234');
  const answers = await offersOf(ctx, bookings);
  return [
    ctx.workflow('FlightPulseWaiverOffersWorkflow'),
    check(
      'every SW1234 booking has a voluntary offer without a change fee',
      bookings.length > 0 &&
        answers.every(
          (a) =>
            a.status === 200 && a.body.voluntary && a.body.fee_waived && a.body.status === 'OPEN',
        ),
      answers.map((a) => `${a.booking.booking_id}:${a.status}`).join(' '),
    ),
  ];
}

import { type Context, Hono } from 'hono';
import { CASE_STAFF, OPERATIONS_STAFF, type Principal } from '../domain/identity/roles.ts';
import {
  OFFER_STATUSES,
  type Offer,
  OfferIdSchema,
  OfferStatusSchema,
  publicOffer,
} from '../domain/rebooking/offer.ts';
import { rebookingMetrics } from '../domain/rebooking/rebooking-metrics.ts';
import { BookingIdSchema } from '../domain/records/booking.ts';
import { FlightIdSchema } from '../domain/records/flight.ts';
import type { Answer, OfferAnswers } from '../handlers/answer-offer.ts';
import { allPages } from '../ports/all-pages.ts';
import type { OfferStore } from '../ports/rebooking-ports.ts';
import type { BookingStore } from '../ports.ts';
import { apiError, loadOr404 } from './api-error.ts';
import { jsonBody as body } from './json-body.ts';
import {
  AcceptSchema,
  DeclineSchema,
  IdempotencyKeySchema,
  RebookSchema,
} from './offer-requests.ts';
import { pageBody, pageParams } from './page-params.ts';
import { parseParam } from './params.ts';
import { allow } from './route-access.ts';

export interface OfferRouteDeps {
  offers: OfferStore;
  bookings: BookingStore;
  answers: OfferAnswers;
}

/** Every offer, read whole: for the metrics. */
async function allOffers(offers: OfferStore): Promise<Offer[]> {
  const byStatus = await Promise.all(
    OFFER_STATUSES.map((status) => allPages((page) => offers.list({ status }, page))),
  );
  return byStatus.flat();
}

/** What passengers and agents read: an offer, by booking, link or id, lists and metrics. */
function offerReadRoutes(routes: Hono, deps: OfferRouteDeps): void {
  routes.get(
    '/bookings/:bookingId/offer',
    allow([...CASE_STAFF, 'passenger'], { booking: (c) => c.req.param('bookingId') }),
    async (c) => {
      const bookingId = parseParam(BookingIdSchema, c.req.param('bookingId'), 'bookingId');
      const booking = loadOr404(await deps.bookings.getBooking(bookingId), 'Booking', {
        booking_id: bookingId,
      });
      const offer = booking.offer_id ? await deps.offers.get(booking.offer_id) : undefined;
      return c.json(publicOffer(loadOr404(offer, 'Offer', { booking_id: bookingId })));
    },
  );

  routes.get('/offers', allow(CASE_STAFF), async (c) => {
    const flightId = c.req.query('flight_id');
    const status = c.req.query('status');
    if (flightId === undefined && status === undefined)
      throw apiError(400, 'Give flight_id, status or both', { parameter: 'flight_id' });
    const page = await deps.offers.list(
      {
        ...(flightId !== undefined
          ? { flightId: parseParam(FlightIdSchema, flightId, 'flight_id') }
          : {}),
        ...(status !== undefined
          ? { status: parseParam(OfferStatusSchema, status, 'status') }
          : {}),
      },
      pageParams((n) => c.req.query(n)),
    );
    return c.json(pageBody('offers', page));
  });

  routes.get('/rebooking/metrics', allow(OPERATIONS_STAFF), async (c) =>
    c.json(rebookingMetrics(await allOffers(deps.offers))),
  );

  routes.get('/offers/:offerId', allow(CASE_STAFF), async (c) => {
    const offerId = parseParam(OfferIdSchema, c.req.param('offerId'), 'offerId');
    return c.json(loadOr404(await deps.offers.get(offerId), 'Offer', { offer_id: offerId }));
  });
}

/** The answers: the passenger's accept and decline, the agent's confirm and rebook by hand. */
function offerAnswerRoutes(routes: Hono, deps: OfferRouteDeps): void {
  // A passenger answers the offer of their own booking; agents answer on their behalf.
  const ANSWERING = [...CASE_STAFF, 'passenger'] as const;
  const offerBooking = {
    // An offer covers a party: the caller's booking must be one of its bookings.
    booking: async (c: Context, principal: Principal) => {
      const offer = await deps.offers.get(c.req.param('offerId') ?? '');
      const own = principal.bookingId;
      return own !== undefined && offer?.booking_ids.includes(own) ? own : undefined;
    },
  };
  const send = (c: { json: (b: unknown, s: never) => Response }, a: Answer) =>
    c.json(a.body, a.status as never);

  routes.post('/offers/:offerId/accept', allow(ANSWERING, offerBooking), async (c) => {
    const offerId = parseParam(OfferIdSchema, c.req.param('offerId'), 'offerId');
    const key = parseParam(
      IdempotencyKeySchema,
      c.req.header('Idempotency-Key'),
      'Idempotency-Key',
    );
    const { option_id } = await body(c.req.raw, AcceptSchema);
    return send(c, await deps.answers.accept(offerId, option_id, key));
  });

  routes.post('/offers/:offerId/decline', allow(ANSWERING, offerBooking), async (c) => {
    const offerId = parseParam(OfferIdSchema, c.req.param('offerId'), 'offerId');
    const { choice } = await body(c.req.raw, DeclineSchema);
    return send(c, await deps.answers.decline(offerId, choice));
  });

  /** Agent: confirm the option a passenger picked that needed approval. */
  routes.post('/offers/:offerId/confirm', allow(CASE_STAFF), async (c) => {
    const offerId = parseParam(OfferIdSchema, c.req.param('offerId'), 'offerId');
    const key = c.req.header('Idempotency-Key') ?? `agent-confirm-${offerId}`;
    return send(
      c,
      await deps.answers.confirm(offerId, parseParam(IdempotencyKeySchema, key, 'Idempotency-Key')),
    );
  });

  /** Agent: rebook by hand onto flights they choose. */
  routes.post('/offers/:offerId/rebook', allow(CASE_STAFF), async (c) => {
    const offerId = parseParam(OfferIdSchema, c.req.param('offerId'), 'offerId');
    const { flight_ids, cabin } = await body(c.req.raw, RebookSchema);
    const key = c.req.header('Idempotency-Key') ?? `agent-rebook-${offerId}`;
    return send(
      c,
      await deps.answers.rebookByHand(
        offerId,
        flight_ids,
        cabin,
        parseParam(IdempotencyKeySchema, key, 'Idempotency-Key'),
      ),
    );
  });
}

/**
 * The offer API: the passenger's offer and answer, the agents' list and actions, and the
 * rebooking metrics.
 */
export function offerRoutes(deps: OfferRouteDeps): Hono {
  const routes = new Hono();
  offerReadRoutes(routes, deps);
  offerAnswerRoutes(routes, deps);
  return routes;
}

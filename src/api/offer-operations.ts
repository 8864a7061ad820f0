import { z } from 'zod';
import {
  OfferIdSchema,
  OfferSchema,
  OfferStatusSchema,
  PublicOfferSchema,
  PublicOptionSchema,
} from '../domain/rebooking/offer.ts';
import { RebookingMetricsSchema } from '../domain/rebooking/rebooking-metrics.ts';
import { BookingIdSchema } from '../domain/records/booking.ts';
import { FlightIdSchema } from '../domain/records/flight.ts';
import {
  AcceptSchema,
  DeclineSchema,
  IdempotencyKeySchema,
  RebookSchema,
} from './offer-requests.ts';
import { type Operation, PageQuery, page } from './openapi-parts.ts';

/** An answer that settled or moved the offer: the offer as the passenger sees it now. */
const AnswerSchema = z.object({ offer: PublicOfferSchema });

/** Why an answer did not go through, with what the caller can still do. */
const ConflictSchema = z
  .object({
    error: z.string(),
    option_id: z.string().optional(),
    remaining_options: z
      .array(PublicOptionSchema)
      .optional()
      .describe('options that still have room, when the chosen one has none'),
    offer: PublicOfferSchema.optional(),
  })
  .loose();

const GoneSchema = z.object({ error: z.string(), offer: PublicOfferSchema });

const OfferParams = { offerId: OfferIdSchema };

/**
 * The rebooking offer routes as the API document declares them (and API Gateway serves them).
 * The walk of the contract test calls them in this order: read, accept, then the answers the
 * accepted offer refuses (409) — so the accept's examples name the top option after scenario 3.
 */
export const OFFER_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/bookings/{bookingId}/offer',
    summary: "A booking's rebooking offer: status, expiry and up to three ranked options",
    params: { bookingId: BookingIdSchema },
    ok: { status: 200, schema: PublicOfferSchema },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/offers',
    summary: "Offers by flight and/or status (agents' list; status=ESCALATED is the queue)",
    query: {
      flight_id: FlightIdSchema.optional(),
      status: OfferStatusSchema.optional(),
      ...PageQuery,
    },
    ok: { status: 200, schema: page('offers', OfferSchema) },
    errors: [400],
  },
  {
    method: 'get',
    path: '/offers/{offerId}',
    summary: 'An offer whole, as agents see it (party, holds, escalation reason)',
    params: OfferParams,
    ok: { status: 200, schema: OfferSchema },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/rebooking/metrics',
    summary: 'Time to first option, time to booking, share without an agent, escalations by tier',
    ok: { status: 200, schema: RebookingMetricsSchema },
    errors: [],
  },
  {
    method: 'post',
    path: '/offers/{offerId}/accept',
    summary:
      'Pick an option: 201 booked (REBOOKED); the same key and body again → 200 with the same body',
    params: OfferParams,
    headers: { 'Idempotency-Key': IdempotencyKeySchema },
    body: AcceptSchema,
    examples: {
      top: {
        summary: 'The top option of B009’s offer after scenario 3',
        value: { option_id: 'SW9014/ECONOMY' },
      },
    },
    ok: { status: 201, schema: AnswerSchema },
    also: [
      { status: 200, description: 'A replay: the first answer to this key', schema: AnswerSchema },
      {
        status: 202,
        description: 'The option needs an agent’s approval: PENDING_AGENT',
        schema: AnswerSchema.extend({ approval: z.enum(['CABIN_UPGRADE']) }),
      },
    ],
    errors: [400, 404, 409, 410],
    errorSchemas: { 409: ConflictSchema, 410: GoneSchema },
  },
  {
    method: 'post',
    path: '/offers/{offerId}/decline',
    summary: 'Decline: a refund (booking cancelled, DECLINED) or a person (ESCALATED)',
    params: OfferParams,
    body: DeclineSchema,
    examples: {
      agent: { summary: 'Ask for an agent', value: { choice: 'agent' } },
      refund: { summary: 'Take the refund', value: { choice: 'refund' } },
    },
    ok: { status: 200, schema: AnswerSchema },
    errors: [400, 404, 409, 410],
    errorSchemas: { 409: ConflictSchema, 410: GoneSchema },
  },
  {
    method: 'post',
    path: '/offers/{offerId}/confirm',
    summary: 'Agent: book the option a passenger picked that needed approval (PENDING_AGENT)',
    params: OfferParams,
    headers: { 'Idempotency-Key': IdempotencyKeySchema.optional() },
    ok: { status: 200, schema: AnswerSchema },
    errors: [400, 404, 409],
    errorSchemas: { 409: ConflictSchema },
  },
  {
    method: 'post',
    path: '/offers/{offerId}/rebook',
    summary: 'Agent: rebook the party by hand onto flights they choose',
    params: OfferParams,
    headers: { 'Idempotency-Key': IdempotencyKeySchema.optional() },
    body: RebookSchema,
    examples: {
      later: {
        summary: 'The evening flight on the same route',
        value: { flight_ids: ['SW9016'], cabin: 'ECONOMY' },
      },
    },
    ok: { status: 200, schema: AnswerSchema },
    errors: [400, 404, 409],
    errorSchemas: { 409: ConflictSchema },
  },
];

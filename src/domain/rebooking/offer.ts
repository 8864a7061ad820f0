import { z } from 'zod';
import { FlightIdSchema, IsoDateTimeSchema } from '../records/flight.ts';
import { TierSchema } from '../records/passenger.ts';
import { CabinSchema } from './cabin.ts';
import type { PartyAllocation } from './rebooking-types.ts';

export const OFFER_STATUSES = [
  'OPEN',
  'PENDING_AGENT',
  'ACCEPTED',
  'DECLINED',
  'EXPIRED',
  'AUTO_REBOOKED',
  'ESCALATED',
] as const;
export const OfferStatusSchema = z.enum(OFFER_STATUSES);
export type OfferStatus = z.infer<typeof OfferStatusSchema>;

/** Statuses an answer can still change. */
export const ANSWERABLE: readonly OfferStatus[] = ['OPEN'];

export const OfferIdSchema = z
  .string()
  .regex(/^OFR-[A-Z0-9-]{6,60}$/, 'offer id like OFR-K7QX2M-SW9012-1A2B3C');

/** Default lifetime of an offer before its top option is booked for the passenger. */
export const DEFAULT_OFFER_EXPIRY_MINUTES = 30;

export const OptionSegmentSchema = z.object({
  flight_id: FlightIdSchema,
  origin: z.string(),
  destination: z.string(),
  /** Local times at the airports, ISO 8601 with the airport's UTC offset. */
  departure: IsoDateTimeSchema,
  arrival: IsoDateTimeSchema,
  cabin: CabinSchema,
});

export const RebookingOptionSchema = z.object({
  option_id: z.string(),
  rank: z.number().int().min(1),
  segments: z.array(OptionSegmentSchema).min(1),
  arrival_delay_minutes: z.number().int().min(0),
  held: z.boolean(),
  approval: z.enum(['CABIN_UPGRADE']).optional(),
});

export const EscalationReasonSchema = z.enum([
  'NO_OPTION_WITHIN_24H',
  'NO_SEAT_AVAILABLE',
  'PARTY_CANNOT_BE_PLACED',
  'SPECIAL_NEED_CANNOT_BE_PLACED',
  'PASSENGER_ASKED_FOR_AGENT',
  'TOP_OPTION_NO_LONGER_AVAILABLE',
  'TOP_OPTION_NEEDS_AGENT',
]);

/** An offer of new flights to one party, as stored and as agents see it. */
export const OfferSchema = z.object({
  offer_id: OfferIdSchema,
  flight_id: FlightIdSchema,
  event_id: z.string(),
  party_id: z.string(),
  booking_ids: z.array(z.string()).min(1),
  passenger_ids: z.array(z.string()).min(1),
  tier: TierSchema,
  seats_needed: z.number().int().min(1),
  /** The cabin the party booked (an option above it is an upgrade). */
  cabin: CabinSchema,
  reason: z.enum(['CANCELLED', 'MISCONNECT', 'LONG_DELAY', 'WAIVER']),
  voluntary: z.boolean(),
  /** Voluntary offers under a waiver or a long delay carry no change fee. */
  fee_waived: z.boolean(),
  status: OfferStatusSchema,
  /** When the disruption happened (its event time), for time-to-option and time-to-booking. */
  disrupted_at: IsoDateTimeSchema,
  created_at: IsoDateTimeSchema,
  expires_at: IsoDateTimeSchema,
  options: z.array(RebookingOptionSchema),
  /** The option whose seats are held, while they are. */
  held_option_id: z.string().optional(),
  chosen_option_id: z.string().optional(),
  escalation_reason: EscalationReasonSchema.optional(),
  answer: z.enum(['refund', 'agent']).optional(),
  resolved_at: IsoDateTimeSchema.optional(),
  resolved_by: z.enum(['passenger', 'agent', 'expiry']).optional(),
  /** An offer being booked right now: the answer's idempotency key, so only it may finish. */
  booking_in_progress: z.string().optional(),
});
export type Offer = z.infer<typeof OfferSchema>;
export type OfferOption = Offer['options'][number];

/** An option as the passenger sees it: no hold internals, whether an agent must approve it. */
export const PublicOptionSchema = RebookingOptionSchema.omit({ held: true }).extend({
  needs_agent_approval: z.boolean(),
});

/** What a passenger sees of their offer (no party internals). */
export const PublicOfferSchema = OfferSchema.pick({
  offer_id: true,
  status: true,
  expires_at: true,
  flight_id: true,
  booking_ids: true,
  voluntary: true,
  fee_waived: true,
  chosen_option_id: true,
  escalation_reason: true,
}).extend({ options: z.array(PublicOptionSchema) });

/** What a passenger sees of their offer (no party internals). */
export function publicOffer(offer: Offer): z.infer<typeof PublicOfferSchema> {
  return {
    offer_id: offer.offer_id,
    status: offer.status,
    expires_at: offer.expires_at,
    flight_id: offer.flight_id,
    booking_ids: offer.booking_ids,
    voluntary: offer.voluntary,
    fee_waived: offer.fee_waived,
    options: offer.options.map(({ held: _held, ...o }) => ({
      ...o,
      needs_agent_approval: o.approval !== undefined,
    })),
    ...(offer.chosen_option_id ? { chosen_option_id: offer.chosen_option_id } : {}),
    ...(offer.escalation_reason ? { escalation_reason: offer.escalation_reason } : {}),
  };
}
export type PublicOffer = ReturnType<typeof publicOffer>;

/**
 * The offer's id, from the disruption event and the party: the same event run twice makes the
 * same offer (a retried workflow creates nothing new).
 */
export function offerIdOf(eventId: string, partyId: string): string {
  let hash = 0x811c9dc5;
  for (const ch of eventId) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return `OFR-${partyId}-${hash.toString(36).toUpperCase().padStart(7, '0')}`;
}

/** The offer a wave allocation makes for a party: OPEN with options, or ESCALATED with the reason. */
export function offerFrom(
  allocation: PartyAllocation,
  context: {
    event_id: string;
    flight_id: string;
    disrupted_at: string;
    now: string;
    expiresAt: string;
  },
): Offer {
  const { party, options, escalation } = allocation;
  const held = options.find((o) => o.held);
  return {
    offer_id: offerIdOf(context.event_id, party.party_id),
    flight_id: context.flight_id,
    event_id: context.event_id,
    party_id: party.party_id,
    booking_ids: party.booking_ids,
    passenger_ids: party.passenger_ids,
    tier: party.tier,
    seats_needed: party.seats_needed,
    cabin: party.cabin,
    reason: party.reason,
    voluntary: party.voluntary,
    fee_waived: party.voluntary,
    status: escalation ? 'ESCALATED' : 'OPEN',
    disrupted_at: context.disrupted_at,
    created_at: context.now,
    expires_at: context.expiresAt,
    options,
    ...(held ? { held_option_id: held.option_id } : {}),
    ...(escalation ? { escalation_reason: escalation } : {}),
  };
}
